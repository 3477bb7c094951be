// The status-bar item's text and tooltip for the per-status counts. No `vscode` import.
import type { StateCounts } from './agentsModel';
import { escapeMarkdown, formatClock } from './format';

export const STATUS_BAR_ICONS = { total: 'person', online: 'circle-filled', backSoon: 'clock', away: 'circle-slash', offline: 'circle-outline' } as const;

/** `$(person) 42 $(circle-filled) 30 $(clock) 5 $(circle-slash) 7` (+ offline when any). */
export function statusBarText(c: StateCounts): string {
  const parts = [`$(${STATUS_BAR_ICONS.total}) ${c.total}`, `$(${STATUS_BAR_ICONS.online}) ${c.online}`, `$(${STATUS_BAR_ICONS.backSoon}) ${c.backSoon}`, `$(${STATUS_BAR_ICONS.away}) ${c.away}`];
  if (c.offline) parts.push(`$(${STATUS_BAR_ICONS.offline}) ${c.offline}`);
  return parts.join(' ');
}

export function statusBarAccessibleText(c: StateCounts): string {
  return `Live agents: ${c.total} — ${c.online} online, ${c.backSoon} back soon, ${c.away} away, ${c.offline} offline${c.stale ? `, ${c.stale} stale` : ''}`;
}

export function statusBarTooltipMarkdown(c: StateCounts, account: string, updatedAt: number | undefined, partial: boolean): string {
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
  return lines.join('\n');
}
