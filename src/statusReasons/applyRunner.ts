// Carries out an Apply plan: deletes, then updates, then one POST of all creates. Every write is
// checked against the reason as it was when the plan was made (and sends If-Match): anything someone
// else changed meanwhile is reported, not overwritten. Returns one line per item.
import { PartlyAppliedError } from '../api/errors';
import type { StatusReason } from '../api/types';
import { describePlanItem, type Plan, type PlanItem } from './applyPlan';
import { describeChange } from './conflictText';
import type { ReasonsFeature } from './feature';
import { duplicateOf } from './reasonValidation';
import { isRefusal, refusalText } from './serverRefusal';
import { deleteReason, writeReason, type WriteOutcome } from './writes';

export interface ApplyItemResult {
  item: string;
  /** unknown: the answer was lost and could not be read back — it may have been applied */
  status: 'applied' | 'failed' | 'skipped' | 'unknown';
  message?: string;
}

/** `onProgress(done, total)` after each write (creates count as one request). */
export async function runPlan(f: ReasonsFeature, plan: Plan, onProgress: (done: number, total: number) => void = () => undefined): Promise<ApplyItemResult[]> {
  const results: ApplyItemResult[] = [];
  const total = plan.items.filter(i => i.kind === 'delete' || i.kind === 'update').length + (plan.items.some(i => i.kind === 'create') ? 1 : 0);
  let done = 0;
  const step = () => onProgress(++done, total);
  const unchangedSincePlan = (before: StatusReason) => (fresh: StatusReason) => {
    const changed = describeChange(before, fresh);
    return changed ? `${changed} after the plan was made; run Apply again to re-plan` : undefined;
  };
  const record = (item: PlanItem, outcome: WriteOutcome) => {
    results.push(outcome.status === 'done'
      ? { item: describePlanItem(item), status: 'applied' }
      : { item: describePlanItem(item), status: 'failed', message: outcome.message });
  };

  for (const item of plan.items) {
    if (item.kind === 'invalid') results.push({ item: describePlanItem(item), status: 'skipped', message: item.problem });
  }
  for (const item of plan.items) {
    if (item.kind !== 'delete') continue;
    try {
      const fresh = f.model.find(item.reason.id) ?? item.reason;
      const stale = unchangedSincePlan(item.reason)(fresh);
      record(item, stale ? { status: 'conflict', message: stale } : await deleteReason(f, fresh, false));
    } catch (e) {
      results.push({ item: describePlanItem(item), status: failedOrUnknown(e), message: errorText(e) });
    }
    step();
  }
  for (const item of plan.items) {
    if (item.kind !== 'update') continue;
    try {
      const check = unchangedSincePlan(item.before);
      record(item, await writeReason(f, {
        before: f.model.find(item.before.id) ?? item.before,
        verb: (d => d.charAt(0).toLowerCase() + d.slice(1))(describePlanItem(item)),
        offerRetry: false,
        precheck: fresh => check(fresh) ?? (item.changes.includes('rename') ? duplicateProblem(f, item.after.text, fresh.id) : undefined),
        send: (fresh, revision, client) => client.statusReasons.update({
          ...fresh, text: item.after.text, state: item.after.state, enabled: item.after.enabled,
          ...(item.changes.includes('order') ? { order: item.after.order } : {}),
        }, { revision }),
      }));
    } catch (e) {
      results.push({ item: describePlanItem(item), status: failedOrUnknown(e), message: errorText(e) });
    }
    step();
  }
  const creates = plan.items.filter((i): i is Extract<PlanItem, { kind: 'create' }> => i.kind === 'create');
  const sendable = creates.filter(c => {
    const problem = duplicateProblem(f, c.reason.text);
    if (problem) results.push({ item: describePlanItem(c), status: 'failed', message: problem });
    return !problem;
  });
  if (sendable.length) {
    try {
      const account = f.model.forWrites();
      const created = await account.client.statusReasons.createMany(sendable.map(c => c.reason));
      account.addMany(created);
      for (const c of sendable) results.push({ item: describePlanItem(c), status: 'applied' });
    } catch (e) {
      if (!isRefusal(e) && (e as { kind?: string }).kind === 'auth') throw e;
      if (e instanceof PartlyAppliedError) {
        // the answer was lost; read back, the server holds some of them
        await f.model.load().catch(() => undefined);
        for (const c of sendable) {
          const made = e.created.some(r => r.text === c.reason.text);
          results.push(made
            ? { item: describePlanItem(c), status: 'applied', message: 'the answer was lost; read back, it was created' }
            : { item: describePlanItem(c), status: 'failed', message: 'the answer was lost; read back, it was not created' });
        }
      } else {
        const why = (e as { kind?: string }).kind === 'outcomeUnknown'
          ? `the answer was lost and could not be read back, so the ${sendable.length} creates may or may not have been applied (refresh to see): ${errorText(e)}`
          : `the server refused the creates, so none of the ${sendable.length} were created: ${errorText(e)}`;
        for (const c of sendable) results.push({ item: describePlanItem(c), status: failedOrUnknown(e), message: why });
      }
    }
  }
  if (creates.length) step();
  return results;
}

function duplicateProblem(f: ReasonsFeature, text: string, exceptId?: string): string | undefined {
  const clash = duplicateOf(text, f.model.reasons, exceptId);
  return clash ? `“${clash.text}” already exists (id ${clash.id})` : undefined;
}

function errorText(e: unknown): string {
  const checked = (e as { notApplied?: boolean } | null)?.notApplied ? ' (the answer was lost; read back, it was not applied)' : '';
  if (isRefusal(e)) return `${refusalText(e)}${checked}`;
  return `${e instanceof Error ? e.message : String(e)}${checked}`;
}

function failedOrUnknown(e: unknown): 'failed' | 'unknown' {
  return (e as { kind?: string } | null)?.kind === 'outcomeUnknown' ? 'unknown' : 'failed';
}
