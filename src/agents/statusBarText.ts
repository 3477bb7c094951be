// The status-bar item's text and tooltip for the per-status counts. No `vscode` import.
import type { StateCounts } from './agentsModel';
import { escapeMarkdown, formatClock } from './format';
import { STATE_ICON, WARNING_ICON } from './agentPresentation';
import type { FloorStatus } from './staffingFloors';

/** One icon per state, the same as the Live Agents rows and the Status Reasons groups. */
export const STATUS_BAR_ICONS = {
  total: 'person',
  online: STATE_ICON.online.iconId,
  backSoon: STATE_ICON.backSoon.iconId,
  away: STATE_ICON.away.iconId,
  offline: STATE_ICON.offline.iconId,
} as const;
/** the status-bar item's mark while Live Agents' auto-refresh is paused */
export const PAUSED_ICON = 'debug-pause';

/** `$(person) 42 $(circle-filled) 30 $(clock) 5 $(circle-slash) 7` (+ offline when any). */
export function statusBarText(c: StateCounts): string {
  const parts = [`$(${STATUS_BAR_ICONS.total}) ${c.total}`, `$(${STATUS_BAR_ICONS.online}) ${c.online}`, `$(${STATUS_BAR_ICONS.backSoon}) ${c.backSoon}`, `$(${STATUS_BAR_ICONS.away}) ${c.away}`];
  if (c.offline) parts.push(`$(${STATUS_BAR_ICONS.offline}) ${c.offline}`);
  return parts.join(' ');
}

export function statusBarAccessibleText(c: StateCounts): string {
  return `Live agents: ${c.total} — ${c.online} online, ${c.backSoon} back soon, ${c.away} away, ${c.offline} offline${c.stale ? `, ${c.stale} stale` : ''}`;
}

export function statusBarTooltipMarkdown(c: StateCounts, account: string, updatedAt: number | undefined, partial: boolean, paused = false): string {
  const lines = [
    `**Live agents** — ${escapeMarkdown(account)}`,
    '',
    '| | |',
    '|---|---|',
    `| $(${STATUS_BAR_ICONS.online}) Online | ${c.online} |`,
    `| $(${STATUS_BAR_ICONS.backSoon}) Back soon | ${c.backSoon} |`,
    `| $(${STATUS_BAR_ICONS.away}) Away | ${c.away} |`,
    `| $(${STATUS_BAR_ICONS.offline}) Offline | ${c.offline} |`,
    `| **Total** | **${c.total}** |`,
  ];
  if (c.stale) lines.push(`| stale (not in the last partial answer) | ${c.stale} |`);
  lines.push('', updatedAt === undefined ? 'Not loaded yet.' : `Updated ${formatClock(updatedAt)}${partial ? ' — partial answer' : ''}. Click to show Live Agents.`);
  if (paused) lines.push('', `$(${PAUSED_ICON}) Auto-refresh is paused (resume it from the Live Agents view).`);
  return lines.join('\n');
}

/** ` $(warning) 3` (agents over a time limit) and ` $(organization) Billing 2/4` (+N more floors not met); '' when all is well. */
export function supervisionText(overLimit: number, short: readonly FloorStatus[]): string {
  let t = overLimit ? ` $(${WARNING_ICON.iconId}) ${overLimit}` : '';
  if (short.length) t += ` $(organization) ${short[0].label} ${short[0].online}/${short[0].needs}${short.length > 1 ? ` +${short.length - 1}` : ''}`;
  return t;
}

export function supervisionAccessibleText(overLimit: number, short: readonly FloorStatus[]): string {
  const parts: string[] = [];
  if (overLimit) parts.push(`${overLimit} over their time limit`);
  for (const f of short) parts.push(`${f.label} below its staffing floor: ${f.online} online, needs ${f.needs}`);
  return parts.length ? `; ${parts.join('; ')}` : '';
}

export function supervisionMarkdown(overLimit: number, short: readonly FloorStatus[]): string {
  const lines: string[] = [];
  if (overLimit) lines.push('', `$(${WARNING_ICON.iconId}) **${overLimit}** agent${overLimit === 1 ? '' : 's'} over their time limit.`);
  if (short.length) {
    lines.push('', '**Below the staffing floor**', '', '| | online | needs |', '|---|---|---|');
    for (const f of short) lines.push(`| ${escapeMarkdown(f.label)} | ${f.online} | ${f.needs} |`);
  }
  return lines.length ? `\n${lines.join('\n')}` : ''; // a paragraph of its own
}
