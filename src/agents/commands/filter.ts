// liveperson.agents.filter — filter Live Agents by status, skills, groups, connection state and
// name. Argument (optional, tests/keybindings): an AgentFilter object
// `{ statuses?: ('online'|'backSoon'|'away'|'offline'|'ONLINE'|…)[], skillIds?: string[],
//    groupIds?: string[], connection?: 'any'|'connected'|'disconnected', nameContains?: string }`
// (an empty object clears it). Without it: five steps with Back; an empty choice means "any".
// Returns the filter applied, or undefined when cancelled.
import { AGENT_STATES, AGENT_STATE_LABEL, type AgentState } from '../../domain/agentState';
import type { FeatureContext } from '../../platform/featureContext';
import { BACK, type PickItem } from '../../platform/prompter';
import { type AgentFilter, type ConnectionFilter, parseFilterArg } from '../agentsFilter';
import type { LiveAgentsController } from '../liveAgentsController';

const TITLE = 'Filter Live Agents';
const STEPS = 5;

export function registerFilterCommand(ctx: FeatureContext, agents: LiveAgentsController): void {
  ctx.registerCommand('liveperson.agents.filter', async (arg?: unknown) => {
    const filter = arg !== undefined ? parseFilterArg(arg) : await askFilter(ctx, agents);
    if (!filter) return undefined;
    agents.setFilter(filter);
    return filter;
  });
}

function agentCount(n: number): string {
  return `${n} agent${n === 1 ? '' : 's'} now`;
}

async function askFilter(ctx: FeatureContext, agents: LiveAgentsController): Promise<AgentFilter | undefined> {
  const current = agents.filter;
  const draft: AgentFilter = { ...current };
  const { skills, groups } = agents.catalog();
  const p = ctx.prompter;
  let step = 1;
  while (step <= STEPS) {
    const common = { title: TITLE, step, totalSteps: STEPS, canGoBack: step > 1, ignoreFocusOut: true };
    let answer: unknown;
    switch (step) {
      case 1: {
        const items: PickItem<AgentState>[] = AGENT_STATES.map(s => ({ label: AGENT_STATE_LABEL[s], value: s, picked: draft.statuses?.includes(s) }));
        answer = await p.pickMany(items, { ...common, placeHolder: 'Statuses to show (none = every status)' });
        if (Array.isArray(answer)) draft.statuses = answer as AgentState[];
        break;
      }
      case 2: {
        const items = skills.map(s => ({ label: s.name, description: agentCount(s.agents), value: s.id, picked: draft.skillIds?.includes(s.id) }));
        answer = items.length ? await p.pickMany(items, { ...common, placeHolder: 'Agents with any of these skills (none = any skill)' }) : [];
        if (Array.isArray(answer)) draft.skillIds = answer as string[];
        break;
      }
      case 3: {
        const items = groups.map(g => ({ label: g.name, description: agentCount(g.agents), value: g.id, picked: draft.groupIds?.includes(g.id) }));
        answer = items.length ? await p.pickMany(items, { ...common, placeHolder: 'Agents in any of these groups (none = any group)' }) : [];
        if (Array.isArray(answer)) draft.groupIds = answer as string[];
        break;
      }
      case 4: {
        const items: PickItem<ConnectionFilter>[] = [
          { label: 'Any connection state', value: 'any' },
          { label: 'Connected', detail: 'Connected and present', value: 'connected' },
          { label: 'Disconnected or not present', value: 'disconnected' },
        ].map(i => ({ ...i, value: i.value as ConnectionFilter, description: (draft.connection ?? 'any') === i.value ? 'current' : undefined }));
        answer = await p.pick(items, { ...common, placeHolder: 'Connection state' });
        if (typeof answer === 'string') draft.connection = answer as ConnectionFilter;
        break;
      }
      case 5: {
        answer = await p.input({ ...common, prompt: 'Name contains (display name, or login name before the @; empty = any name)', value: draft.nameContains ?? '' });
        if (typeof answer === 'string') draft.nameContains = answer.trim() || undefined;
        break;
      }
    }
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      step = Math.max(1, step - 1);
      continue;
    }
    step++;
  }
  return {
    statuses: draft.statuses?.length ? draft.statuses : undefined,
    skillIds: draft.skillIds?.length ? draft.skillIds : undefined,
    groupIds: draft.groupIds?.length ? draft.groupIds : undefined,
    connection: draft.connection && draft.connection !== 'any' ? draft.connection : undefined,
    nameContains: draft.nameContains,
    ...(draft.overLimit ? { overLimit: true } : {}), // set by Show Only Agents Over Limit; kept here
  };
}
