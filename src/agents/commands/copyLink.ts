// liveperson.agents.copyLink — "Copy Link to This Agent’s Timeline" (agent item context menu).
// Arguments: `(node?, selectedNodes?)` as the tree passes them (an agent, or several selected: one
// link to all of them), or an agent id string (tests). Not in the palette.
// The link (src/shared/deepLink.ts) names the active account, the agent(s), the default range
// (liveperson.timeline.defaultRange) as absolute times ending now on the server's clock — a ticket
// keeps pointing at the same hours — and the time-zone setting.
// Returns the copied link, or undefined.
import * as vscode from 'vscode';
import { LivePersonError } from '../../api/errors';
import { type FeatureContext, isAgentSelection } from '../../platform/featureContext';
import { accountKey } from '../../shared/accountKey';
import { buildDeepLink, MAX_LINK_AGENTS } from '../../shared/deepLink';
import { resolveRange } from '../../shared/rangeRules';

export const COPY_AGENT_LINK = 'liveperson.agents.copyLink';

export function registerCopyLinkCommand(ctx: FeatureContext): void {
  ctx.registerCommand(COPY_AGENT_LINK, async (node?: unknown, selected?: unknown): Promise<string | undefined> => {
    let ids: string[] = [];
    if (Array.isArray(selected) && selected.length > 1) ids = selected.filter(isAgentSelection).flatMap(s => [...s.agentIds]);
    else if (isAgentSelection(node)) ids = [...node.agentIds];
    else if (typeof node === 'string' && node.trim()) ids = [node.trim()];
    ids = [...new Set(ids)];
    if (!ids.length) {
      await ctx.prompter.info('Right-click an agent in Live Agents to copy a link to its timeline.');
      return undefined;
    }
    if (ids.length > MAX_LINK_AGENTS) {
      await ctx.prompter.info(`A link holds at most ${MAX_LINK_AGENTS} agents; ${ids.length} are selected.`);
      return undefined;
    }
    const active = ctx.session.active;
    if (!active) throw new LivePersonError('Not signed in.', 'auth', 'Sign in to the account of these agents first.');
    const now = active.client.serverNow();
    const { from, to } = resolveRange({ kind: 'preset', preset: ctx.settings.get('timeline.defaultRange') }, now);
    const text = buildDeepLink({ kind: 'timeline', account: accountKey(active), agents: ids, from, to, tz: ctx.settings.get('timeline.timeZone') }, vscode.env.uriScheme);
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(ids.length === 1 ? `Copied a link to the timeline of agent ${ids[0]}` : `Copied a link to the timeline of ${ids.length} agents`, 3000);
    return text;
  });
}
