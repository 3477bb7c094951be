// Small text formatters for the Live Agents view. No `vscode` here: unit-tested in plain Node.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Coarse "time in status" for a tree row: `<1 min`, `12 min`, `3 h`, `2 d`. Coarse on purpose — the
 * text only changes once a minute in the first hour and once an hour after that, so rows are not
 * re-rendered on every refresh just because time passed (the tooltip has the exact figure).
 */
export function formatDurationShort(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return '<1 min';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} d`;
}

/** Exact duration for tooltips: `1 h 12 min`, `4 min 5 s`, `12 s`. */
export function formatDurationLong(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${sec} s`;
  return `${sec} s`;
}

/** "updated just now", "updated 15 s ago", "updated 3 min ago" — rounded to 5 s so a coarse timer suffices. */
export function formatUpdatedAgo(ms: number): string {
  if (!Number.isFinite(ms) || ms < 5000) return 'updated just now';
  if (ms < MINUTE) return `updated ${Math.floor(ms / 5000) * 5} s ago`;
  if (ms < HOUR) return `updated ${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `updated ${Math.floor(ms / HOUR)} h ago`;
  return `updated ${Math.floor(ms / DAY)} d ago`;
}

/** The short form for the view description: "just now", "15 s ago", "3 min ago" (rounded to 5 s). */
export function formatAgo(ms: number): string {
  return formatUpdatedAgo(ms).replace(/^updated /, '');
}

/**
 * Agent Metrics `load` is documented as a percentage but examples are fractions (0.33); the docs
 * disagree on the scale (liveperson-api.md §9). ≤ 1 is read as a fraction, above as a percentage.
 */
export function formatLoad(load: number | undefined): string | undefined {
  if (load === undefined || !Number.isFinite(load)) return undefined;
  const pct = load <= 1 ? load * 100 : load;
  return `${Math.round(pct)}%`;
}

/** Local wall-clock time, `14:02:05`. */
export function formatClock(epochMs: number | undefined): string {
  if (epochMs === undefined || !Number.isFinite(epochMs)) return '—';
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export { escapeMarkdown } from '../domain/markdownText';
