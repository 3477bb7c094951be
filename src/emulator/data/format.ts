// Time formats used by the LivePerson APIs.

/** Agent Metrics: `yyyy-MM-dd HH:mm:ss.SSS+0000` (UTC). */
export function metricsTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // yyyy-MM-ddTHH:mm:ss.SSSZ
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}+0000`;
}

/** AC `dateUpdated`: `yyyy-MM-dd HH:mm:ss` (UTC). */
export function acDate(ms: number): string {
  return metricsTime(ms).slice(0, 19);
}

/** Agent Activity `time`: RFC 3339 with milliseconds, UTC. */
export function rfc3339Ms(ms: number): string {
  return new Date(ms).toISOString();
}

/** Agent Activity `timeframe`: RFC 3339 without milliseconds, UTC. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Parses RFC 3339 date-times, including the short `2022-02-24T00:00Z` form; `undefined` if invalid. */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '00', frac = '', zone] = m;
  const ms = frac ? frac.slice(1, 4).padEnd(3, '0') : '000';
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${zone.toUpperCase()}`;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? t : undefined;
}
