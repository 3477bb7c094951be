// Agent Activity range rules for the CLIENT (liveperson-api.md §5.1): a request may span at most one
// month and start at most 6 months back (13 where the account allows it: the caller says which). A longer range is split into chunks that every reading of
// "one month" accepts: a calendar month from the chunk start, and never more than 30 days.
// The look-back limit and its calendar arithmetic live here; the timeline UI's range rules
// (src/shared/rangeRules.ts) import them from here.

const DAY = 86_400_000;
export const MAX_CHUNK_MS = 30 * DAY;

/**
 * How far back Agent Activity serves history. LivePerson documents two look-backs — 6 months (the
 * overview page) and 13 months (the v2 page) — so it is a setting (`liveperson.timeline.lookBackMonths`);
 * 6 is the default, safe on every account.
 */
export const LOOKBACK_MONTHS = 6;
export type LookBackMonths = 6 | 13;
export const LOOKBACK_CHOICES: readonly LookBackMonths[] = [6, 13];

/** The look-back to use: the setting's value when it is one of the documented two, else 6. */
export function lookBackOf(value: unknown): LookBackMonths {
  return LOOKBACK_CHOICES.includes(value as LookBackMonths) ? (value as LookBackMonths) : LOOKBACK_MONTHS;
}

/** The earliest `from` the API accepts at `now`: `months` calendar months back. */
export function earliestFrom(now: number, months: number = LOOKBACK_MONTHS): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

/** The end of a chunk that starts at `start`: one calendar month later or 30 days, whichever is sooner. */
export function chunkEnd(start: number): number {
  const d = new Date(start);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return Math.min(d.getTime(), start + MAX_CHUNK_MS);
}

/** What is wrong with a whole requested range (any length), or undefined. `to` in the future is allowed (it is clamped). */
export function activityRangeProblem(from: number, to: number, now: number, months: number = LOOKBACK_MONTHS): string | undefined {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 'The activity range needs a valid start and end time.';
  if (to <= from) return `The activity range must end after it starts (from ${iso(from)}, to ${iso(to)}).`;
  if (from > now) return `The activity range starts in the future (${iso(from)}).`;
  const earliest = earliestFrom(now, months);
  if (from < earliest) {
    return `Agent Activity keeps only ${months} months of history: the range starts ${iso(from)}, the earliest allowed start is ${iso(earliest)}.`;
  }
  return undefined;
}

/** Splits [from, to) into consecutive chunks, each within the one-month rule. */
export function splitActivityRange(from: number, to: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let start = from; start < to; ) {
    const end = Math.min(chunkEnd(start), to);
    out.push({ from: start, to: end });
    start = end;
  }
  return out;
}

function iso(t: number): string {
  return new Date(t).toISOString();
}
