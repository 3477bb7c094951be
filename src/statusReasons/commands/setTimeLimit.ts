// liveperson.statusReasons.setTimeLimit — "Set Time Limit…" on a reason: how long agents may stay in
// it before Live Agents flags them over the limit (a reason rule beats its state's). Args: a reason
// node, `{ id }` or an id string; nothing from the palette (pick among the reasons). Returns what was
// saved, or undefined when cancelled. See timeLimits/setTimeLimitFlow.ts.
import { ValidationError } from '../../api/errors';
import type { StatusReason } from '../../api/types';
import { stateFromReasonState } from '../../domain/agentState';
import { LIMIT_NAME_OF_STATE } from '../../domain/timeLimits';
import { type LimitTarget, setTimeLimitFlow } from '../../timeLimits/setTimeLimitFlow';
import { isReasonNode } from '../reasonLook';
import type { ReasonsFeature } from '../feature';

function targetOf(r: StatusReason): LimitTarget {
  return { state: LIMIT_NAME_OF_STATE[stateFromReasonState(r.state)]!, reason: r.text };
}

export function setTimeLimitCommand(f: ReasonsFeature) {
  return async (arg?: unknown) => {
    const id = isReasonNode(arg) ? arg.id : typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null && typeof (arg as { id?: unknown }).id === 'string' ? (arg as { id: string }).id : undefined;
    if (arg !== undefined && id === undefined) throw new ValidationError('liveperson.statusReasons.setTimeLimit expects a reason node, { id } or a reason id.');
    if (id === undefined) {
      const all = f.model.reasons.filter(r => !r.deleted).map(targetOf);
      if (!all.length) throw new ValidationError('There are no status reasons to set a time limit on.', [], 'Create a status reason first, or set a state’s limit from Live Agents.');
      return setTimeLimitFlow(f.ctx, all, async () => all);
    }
    const reason = f.model.reasons.find(r => r.id === id);
    if (!reason) throw new ValidationError(`No status reason with id ${id} (it may have been deleted).`, [], 'Refresh the Status Reasons view and try again.');
    if (reason.deleted) throw new ValidationError(`“${reason.text}” is deleted: agents cannot pick it, so it needs no time limit.`);
    return setTimeLimitFlow(f.ctx, targetOf(reason), async () => []);
  };
}
