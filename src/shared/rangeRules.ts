// The Agent Activity range rules (liveperson-api.md §5.1), checked before anything is sent, and the
// resolution of range presets against "now". Shared by the palette flow (host) and the toolbar's
// custom from/to fields (webview), so both say the same thing. The look-back rule itself (how far back
// Agent Activity serves history) is the domain's: src/domain/activityRange.ts.
import type { RangePreset, RangeSpec, TimeZoneMode } from './protocol';
import { formatStamp } from './timeFormat';
import { earliestFrom, LOOKBACK_MONTHS } from '../domain/activityRange';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const PRESET_MS: Record<RangePreset, number> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY };
export const PRESET_LABEL: Record<RangePreset, string> = { '24h': 'last 24 h', '7d': 'last 7 days', '30d': 'last 30 days' };
/** The longest window one request may span ("≤ 1 month"; a month is at most 31 days). */
export const MAX_WINDOW_MS = 31 * DAY;

export function resolveRange(range: RangeSpec, now: number): { from: number; to: number } {
  return range.kind === 'preset' ? { from: now - PRESET_MS[range.preset], to: now } : { from: range.from, to: range.to };
}

/** A sentence for the user when the window breaks a rule, else undefined. */
export function rangeRuleProblem(from: number, to: number, now: number, months: number = LOOKBACK_MONTHS): string | undefined {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 'Enter both a start and an end.';
  if (from >= to) return 'The start must be before the end.';
  if (to - from > MAX_WINDOW_MS) return `The window is ${formatDays(to - from)} long — longer than one month (31 days): a timeline shows at most one month. Shorten it.`;
  if (from < earliestFrom(now, months)) return `The start is more than ${months} months ago: Agent Activity keeps only ${months} months of history${months === LOOKBACK_MONTHS ? ' (13 where the account allows it: setting liveperson.timeline.lookBackMonths)' : ''}.`;
  if (from > now) return 'The start is in the future.';
  return undefined;
}

/**
 * An end this little past "now" is taken as now (the range is cut at now): "now" is the server's clock
 * as its Date header tells it, known to about a second, and an end of "now" must not be refused for that.
 */
export const FUTURE_END_TOLERANCE_MS = 5_000;

/**
 * A custom range as typed (palette or panel), checked before anything is sent: the rules above on
 * the window exactly as typed, and an end in the future is refused (never silently moved to now).
 */
export function customRangeProblem(from: number, to: number, now: number, tz: TimeZoneMode, months: number = LOOKBACK_MONTHS): string | undefined {
  const problem = rangeRuleProblem(from, to, now, months);
  if (problem) return problem;
  if (to > now + FUTURE_END_TOLERANCE_MS) return `The end (${formatStamp(to, tz)}) is in the future: Agent Activity has nothing after now. Use an end up to ${formatStamp(now, tz)}.`;
  return undefined;
}

function formatDays(ms: number): string {
  const days = ms / DAY;
  return Number.isInteger(days) ? `${days} days` : `${days.toFixed(1)} days`;
}

/** "last 24 h" or "21 Nov 09:00 – 22 Nov 09:00 UTC" style wording for titles. */
export function describeRange(range: RangeSpec, formatTime: (t: number) => string): string {
  return range.kind === 'preset' ? PRESET_LABEL[range.preset] : `${formatTime(range.from)} – ${formatTime(range.to)}`;
}
