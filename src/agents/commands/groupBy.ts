// liveperson.agents.groupBy — group Live Agents by status, group, skill or not at all.
// Argument (optional): 'status' | 'group' | 'skill' | 'none'; without it a quick pick asks.
// Saves the choice in the `liveperson.agents.groupBy` setting. Returns the grouping applied.
import { ValidationError } from '../../api/errors';
import type { FeatureContext } from '../../platform/featureContext';
import type { PickItem } from '../../platform/prompter';
import { BACK } from '../../platform/prompter';
import { type GroupBy, GROUP_BY_VALUES } from '../agentsTree';
import type { LiveAgentsController } from '../liveAgentsController';

const CHOICES: { value: GroupBy; label: string; detail: string; iconId: string }[] = [
  { value: 'status', label: 'Status', detail: 'Online, Back soon, Away, Offline', iconId: 'pulse' },
  { value: 'group', label: 'Agent group', detail: 'One node per agent group', iconId: 'organization' },
  { value: 'skill', label: 'Skill', detail: 'An agent with several skills appears under each', iconId: 'mortar-board' },
  { value: 'none', label: 'None', detail: 'A flat list of agents', iconId: 'list-flat' },
];

export function registerGroupByCommand(ctx: FeatureContext, agents: LiveAgentsController): void {
  ctx.registerCommand('liveperson.agents.groupBy', async (arg?: unknown) => {
    let choice: GroupBy | undefined;
    if (arg !== undefined) {
      if (!(GROUP_BY_VALUES as readonly unknown[]).includes(arg)) throw new ValidationError(`Unknown grouping ${JSON.stringify(arg)}: use status, group, skill or none.`);
      choice = arg as GroupBy;
    } else {
      const items: PickItem<GroupBy>[] = CHOICES.map(c => ({ ...c, description: c.value === agents.groupBy ? 'current' : undefined }));
      const picked = await ctx.prompter.pick(items, { title: 'Group Live Agents By', placeHolder: 'How should Live Agents group agents?' });
      if (picked === undefined || picked === BACK) return undefined;
      choice = picked;
    }
    agents.setGroupBy(choice);
    if (ctx.settings.get('agents.groupBy') !== choice) await ctx.settings.update('agents.groupBy', choice);
    return choice;
  });
}
