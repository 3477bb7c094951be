// Time formatting in the timeline's time zone ('local' = the machine's zone, or 'utc'), used by the
// webview (axis, tooltip, details) and the host (titles, CSV/JSON export). Plain Date arithmetic so
// it behaves the same in Node and in the browser.
import type { TimeZoneMode } from './protocol';

export interface TimeParts { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number; weekday: number }

export function timeParts(t: number, tz: TimeZoneMode): TimeParts {
  const d = new Date(t);
  return tz === 'utc'
    ? { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), weekday: d.getUTCDay() }
    : { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds(), ms: d.getMilliseconds(), weekday: d.getDay() };
}

/** Epoch ms of the given wall-clock parts in the zone (month 0-based; overflow normalises). */
export function fromParts(tz: TimeZoneMode, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return tz === 'utc' ? Date.UTC(year, month, day, hour, minute, second) : new Date(year, month, day, hour, minute, second).getTime();
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatClock(t: number, tz: TimeZoneMode, seconds = false): string {
  const p = timeParts(t, tz);
  return `${pad(p.hour)}:${pad(p.minute)}${seconds ? `:${pad(p.second)}` : ''}`;
}
export function formatDay(t: number, tz: TimeZoneMode): string {
  const p = timeParts(t, tz);
  return `${WEEKDAYS[p.weekday]} ${p.day} ${MONTHS[p.month]}`;
}
/** "Mon 23 Nov 13:05:09" */
export function formatDateTime(t: number, tz: TimeZoneMode, seconds = true): string {
  return `${formatDay(t, tz)} ${formatClock(t, tz, seconds)}`;
}
export function zoneLabel(tz: TimeZoneMode, at = Date.now()): string {
  if (tz === 'utc') return 'UTC';
  const off = -new Date(at).getTimezoneOffset();
  return off === 0 ? 'UTC' : `UTC${off > 0 ? '+' : '−'}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** ISO 8601 with the zone's offset: "2026-11-23T13:05:09.120+01:00" (or "Z" in UTC). */
export function formatIso(t: number, tz: TimeZoneMode): string {
  if (tz === 'utc') return new Date(t).toISOString();
  const p = timeParts(t, 'local');
  const off = -new Date(t).getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${p.year}-${pad(p.month + 1)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.ms, 3)}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/**
 * THE date format of the timeline, wherever a user reads or types a date (titles, the palette's
 * custom range, the panel's From/To, tooltips, details): "2026-11-01 00:00" (":ss" with seconds).
 */
export const STAMP_PATTERN = 'YYYY-MM-DD HH:mm';
export function formatStamp(t: number, tz: TimeZoneMode, seconds = false): string {
  const p = timeParts(t, tz);
  return `${p.year}-${pad(p.month + 1)}-${pad(p.day)} ${formatClock(t, tz, seconds)}`;
}

/** The value the custom-range fields show: "2026-11-23 13:05" (the one format). */
export function toInputValue(t: number, tz: TimeZoneMode): string {
  return formatStamp(t, tz);
}
/** Parses "YYYY-MM-DD HH:mm" (a "T" also works; a bare "YYYY-MM-DD" is 00:00) in the zone; NaN when malformed. */
export function parseInputValue(value: string, tz: TimeZoneMode): number {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (!m) return NaN;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return NaN;
  const t = fromParts(tz, y, mo - 1, d, h, mi, s);
  return timeParts(t, tz).day === d ? t : NaN; // refuses 31 Feb and the like
}

/** "2 h 05 min", "45 s", "3 d 4 h" */
export function formatDuration(ms: number): string {
  if (!(ms > 0)) return '0 s';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min${s % 60 ? ` ${pad(s % 60)} s` : ''}`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h ${pad(min % 60)} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
/** Hours with one decimal, for tables: "12.5 h" */
export function formatHours(ms: number): string {
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
