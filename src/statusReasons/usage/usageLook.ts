// How reason usage reads in the Status Reasons tree and in the delete / disable confirmations, as
// plain strings (unit-tested without VS Code). Server strings (agent names) are escaped wherever the
// text is Markdown (tooltips); descriptions and dialog text are plain text. No `vscode` here.
import type { ReasonUsage } from '../../domain/reasonUsage';
import { escapeMarkdown } from '../../domain/markdownText';
import { RANGE_TEXT, type UsageRange } from './usageSource';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** `unused in 7 days` — the range in a few words */
export const RANGE_SPAN: Record<UsageRange, string> = { '24h': '24 hours', '7d': '7 days', '30d': '30 days' };

/** `3 h 40 m`, `12 m`, `45 s`, `0 s` (minutes rounded down; hours not folded into days) */
export function formatDuration(ms: number): string {
  if (ms < MIN) return `${Math.floor(Math.max(0, ms) / 1000)} s`;
  const h = Math.floor(ms / HOUR);
  const m = Math.floor((ms % HOUR) / MIN);
  if (h === 0) return `${m} m`;
  return m === 0 ? `${h} h` : `${h} h ${m} m`;
}

/** `just now`, `5 min ago`, `2 h ago`, `3 days ago` (rounded down) */
export function formatAgo(ms: number): string {
  if (ms < MIN) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MIN)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  const d = Math.floor(ms / DAY);
  return `${d} day${d === 1 ? '' : 's'} ago`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The part of a reason's description: `12 uses · 3 h 40 m · 9 agents`, or `unused in 7 days`. */
export function usageDescription(u: ReasonUsage | undefined, range: UsageRange): string {
  if (!u || u.uses === 0) return `unused in ${RANGE_SPAN[range]}`;
  return `${plural(u.uses, 'use')} · ${formatDuration(u.totalMs)} · ${plural(u.agents, 'agent')}`;
}

/** A state group's total: `40 uses · 12 h 3 m` (or `unused in 7 days`). */
export function groupUsageDescription(usages: readonly (ReasonUsage | undefined)[], range: UsageRange): string {
  let uses = 0;
  let ms = 0;
  for (const u of usages) {
    uses += u?.uses ?? 0;
    ms += u?.totalMs ?? 0;
  }
  return uses === 0 ? `unused in ${RANGE_SPAN[range]}` : `${plural(uses, 'use')} · ${formatDuration(ms)}`;
}

/** `2026-12-05 14:03` in the zone */
export function formatInstant(ms: number, timeZone: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(ms).map(x => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const zoneName = (timeZone: string) => (timeZone === 'UTC' ? 'UTC' : 'local time');
const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;

export interface UsageTooltipInput {
  usage: ReasonUsage | undefined;
  range: UsageRange;
  /** 'UTC' or an IANA zone: the dates and hours below */
  timeZone: string;
  /** agent id → display name (server text: escaped here) */
  agentName: (id: string) => string | undefined;
}

/** The tooltip's usage lines (Markdown; every server string escaped). */
export function usageTooltipMarkdown({ usage: u, range, timeZone, agentName }: UsageTooltipInput): string {
  const over = `Usage ${RANGE_TEXT[range]}`;
  if (!u || u.uses === 0) return `${over}: none  `;
  const who = agentName(u.lastAgentId);
  return [
    `${over}: ${plural(u.uses, 'use')}, ${formatDuration(u.totalMs)}, ${plural(u.agents, 'agent')}  `,
    `Median duration: ${formatDuration(u.medianMs)} · 90th percentile: ${formatDuration(u.p90Ms)}  `,
    `Last used: ${formatInstant(u.lastUsedAt, timeZone)} (${zoneName(timeZone)}) by ${escapeMarkdown(who ?? `agent ${u.lastAgentId}`)}  `,
    `Busiest hour: ${hh(u.busiestHour)}–${hh(u.busiestHour + 1)} (${zoneName(timeZone)})  `,
  ].join('\n');
}

/** What the confirmation knows about usage: the answer, still loading after the time limit, or an error. */
export type ConfirmUsage =
  | { kind: 'ready'; byReason: ReadonlyMap<string, ReasonUsage>; now: number }
  | { kind: 'loading'; waitedMs: number }
  | { kind: 'error'; message: string };

/**
 * "Used 48 times by 17 agents in the last 7 days, last 2 h ago." for one reason; one line per
 * reason for several; "usage still loading" after the time limit. Plain text (a modal's detail).
 */
export function confirmUsageText(reasons: readonly { id: string; text: string }[], usage: ConfirmUsage, range: UsageRange): string {
  const over = RANGE_TEXT[range];
  if (usage.kind === 'loading') return `Usage ${over}: still loading (no answer within ${Math.round(usage.waitedMs / 1000)} s). You can decide without it, or cancel and look again with Show Reason Usage.`;
  if (usage.kind === 'error') return `Usage ${over} is unknown: ${usage.message}`;
  const one = (id: string) => {
    const u = usage.byReason.get(id);
    if (!u || u.uses === 0) return `not used ${over}`;
    return `used ${plural(u.uses, 'time')} by ${plural(u.agents, 'agent')} ${over}, last ${formatAgo(usage.now - u.lastUsedAt)}`;
  };
  if (reasons.length === 1) {
    const t = one(reasons[0].id);
    return `${t[0].toUpperCase()}${t.slice(1)}.`;
  }
  return ['Usage:', ...reasons.map(r => `“${r.text}”: ${one(r.id)}.`)].join('\n');
}
