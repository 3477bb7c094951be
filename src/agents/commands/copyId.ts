// liveperson.agents.copyId — copy agent ids to the clipboard.
// Arguments: `(node?, selectedNodes?)` as the tree passes them (any AgentSelection: an agent, a
// group node, several), or an agent id string; from the palette a quick pick of the known agents.
// Returns the copied text (ids, one a line).
import * as vscode from 'vscode';
import { type FeatureContext, isAgentSelection } from '../../platform/featureContext';
import { BACK, type PickItem } from '../../platform/prompter';
import { AGENT_STATE_LABEL } from '../../domain/agentState';
import { reasonLabel } from '../agentRow';
import type { LiveAgentsController } from '../liveAgentsController';

export function registerCopyIdCommand(ctx: FeatureContext, agents: LiveAgentsController): void {
  ctx.registerCommand('liveperson.agents.copyId', async (node?: unknown, selected?: unknown) => {
    let ids: string[] = [];
    if (Array.isArray(selected) && selected.length) ids = selected.filter(isAgentSelection).flatMap(s => [...s.agentIds]);
    else if (isAgentSelection(node)) ids = [...node.agentIds];
    else if (typeof node === 'string' && node.trim()) ids = [node.trim()];
    if (!ids.length) {
      const rows = agents.model.all().sort((a, b) => a.displayName.localeCompare(b.displayName));
      if (!rows.length) {
        await ctx.prompter.info('No agents loaded yet: open Live Agents first.');
        return undefined;
      }
      const items: PickItem<string>[] = rows.map(r => ({
        label: r.displayName,
        description: [AGENT_STATE_LABEL[r.state], reasonLabel(r)].filter(Boolean).join(' · '),
        detail: r.agentId,
        value: r.agentId,
      }));
      const picked = await ctx.prompter.pick(items, { title: 'Copy Agent ID', placeHolder: 'Agent name, login name or id', matchOnDescription: true, matchOnDetail: true });
      if (picked === undefined || picked === BACK) return undefined;
      ids = [picked];
    }
    const text = [...new Set(ids)].join('\n');
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(ids.length === 1 ? `Copied agent id ${ids[0]}` : `Copied ${ids.length} agent ids`, 3000);
    return text;
  });
}
