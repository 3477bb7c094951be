// liveperson.agents.setTimeLimit — "Set Time Limit…" on a status group (that state), an agent (its
// current reason, or its state), or from the palette (pick a state or reason). Args from tests or
// keybindings: `{ state, reason? }`. See timeLimits/setTimeLimitFlow.ts. Returns what was saved, or
// undefined when cancelled.
import { ValidationError } from '../../api/errors';
import type { FeatureContext } from '../../platform/featureContext';
import { LIMIT_NAME_OF_STATE } from '../../domain/timeLimits';
import { stateFromReasonState } from '../../domain/agentState';
import { type LimitTarget, parseTargetArg, setTimeLimitFlow } from '../../timeLimits/setTimeLimitFlow';
import { AgentNode, GroupNode } from '../agentsTree';
import type { LiveAgentsController } from '../liveAgentsController';

function targetOf(node: AgentNode | GroupNode): LimitTarget | LimitTarget[] {
  if (node instanceof GroupNode) {
    const state = node.groupBy === 'status' ? LIMIT_NAME_OF_STATE[node.key as keyof typeof LIMIT_NAME_OF_STATE] : undefined;
    if (!state) throw new ValidationError(`“${node.name}” is not a state with a time limit.`, [], 'Use Set Time Limit… on the Online, Back soon or Away group, on an agent, or from the Command Palette.');
    return { state };
  }
  const state = LIMIT_NAME_OF_STATE[node.row.state];
  if (!state) throw new ValidationError(`${node.row.displayName} is offline: there is no time limit for Offline.`, [], 'Pick an agent who is Online, Back soon or Away.');
  // an agent in a reason: the reason's limit first, the state's second
  return node.row.reasonText !== undefined && !node.row.reasonDeleted ? [{ state, reason: node.row.reasonText }, { state }] : { state };
}

export function registerSetTimeLimitCommand(ctx: FeatureContext, agents: LiveAgentsController): void {
  ctx.registerCommand('liveperson.agents.setTimeLimit', async (arg?: unknown) => {
    const target = arg instanceof AgentNode || arg instanceof GroupNode ? targetOf(arg) : arg !== undefined && arg !== null ? parseTargetArg(arg) : undefined;
    return setTimeLimitFlow(ctx, target, async () => reasonTargets(agents));
  });
}

/** Every status reason the lookups know (not deleted), with its state. */
async function reasonTargets(agents: LiveAgentsController): Promise<LimitTarget[]> {
  const client = agents.account?.client;
  if (!client) return [];
  const t = await client.lookups.load({});
  const out: LimitTarget[] = [];
  for (const r of t.reasons.values()) {
    if (r.deleted) continue;
    const state = LIMIT_NAME_OF_STATE[stateFromReasonState(r.state)];
    if (state) out.push({ state, reason: r.text });
  }
  return out.sort((a, b) => a.state.localeCompare(b.state) || a.reason!.localeCompare(b.reason!));
}
