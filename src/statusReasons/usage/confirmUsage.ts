// The usage line of the delete / disable confirmations: the session's cached usage when there is
// one, else computed on demand (the result is kept for the tree). The dialog never waits longer than
// CONFIRM_WAIT_MS for it: then it says "still loading" and the user decides without it (the fetch
// goes on in the background and fills the cache). A failure is one line, never a blocked dialog.
import type { LivePersonClient } from '../../api/types';
import type { Credentials } from '../../api/types';
import { usageProblem } from './usageProblem';
import type { ConfirmUsage } from './usageLook';
import type { ReasonUsageSource, UsageRange } from './usageSource';

/** at most this long before the confirmation shows without usage */
export const CONFIRM_WAIT_MS = 3_000;

/** Resolves with the promise's value, or `undefined` after `ms` (the promise goes on). */
export function withinTimeLimit<T>(p: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    p.then(value => { clearTimeout(timer); resolve({ value }); }, e => { clearTimeout(timer); reject(e); });
  });
}

export async function usageForConfirmation(
  source: ReasonUsageSource, client: LivePersonClient, range: UsageRange,
  account: { accountId: string; method: Credentials['kind'] }, waitMs = CONFIRM_WAIT_MS,
): Promise<ConfirmUsage> {
  const cached = source.peek(client, range);
  if (cached) return { kind: 'ready', byReason: cached.byReason, now: client.serverNow() };
  const running = source.get(client, range);
  running.catch(() => undefined); // answered after the dialog: nobody is waiting for the error
  try {
    const r = await withinTimeLimit(running, waitMs);
    if (!r) return { kind: 'loading', waitedMs: waitMs };
    return { kind: 'ready', byReason: r.value.byReason, now: client.serverNow() };
  } catch (e) {
    return { kind: 'error', message: usageProblem(e, account).text };
  }
}
