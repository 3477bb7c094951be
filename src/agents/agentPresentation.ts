// How an agent or a group row looks: label, description, icon, colour, contextValue, tooltip
// Markdown. Plain data (no `vscode` import) so the diffing code, the unit tests and the benchmark
// use exactly what the tree provider turns into TreeItems.
import { AGENT_STATE_LABEL, type AgentState } from '../domain/agentState';
import { type AgentRow, reasonLabel, timeInReason, timeInStatus } from './agentRow';
import { escapeMarkdown, formatClock, formatDurationLong, formatDurationShort, formatLoad } from './format';
import { type LimitHit, overByText, ruleText } from './overLimit';
import { floorText, type FloorStatus } from './staffingFloors';

export interface ItemPresentation {
  label: string;
  description?: string;
  /** codicon id */
  iconId: string;
  /** theme colour id */
  colorId?: string;
  contextValue: string;
  /** screen-reader text */
  ariaLabel: string;
}

export const STATE_ICON: Record<AgentState, { iconId: string; colorId: string }> = {
  online: { iconId: 'circle-filled', colorId: 'charts.green' },
  backSoon: { iconId: 'clock', colorId: 'charts.yellow' },
  away: { iconId: 'circle-slash', colorId: 'charts.orange' },
  offline: { iconId: 'circle-outline', colorId: 'disabledForeground' },
};
/** the distinct mark for an agent that is DISCONNECTED or not present (keeps the status colour) */
export const DISCONNECTED_ICON = 'debug-disconnect';
/** an agent over a time limit, a floor not met: the warning icon in the theme's warning colour */
export const WARNING_ICON = { iconId: 'warning', colorId: 'list.warningForeground' } as const;
/** the key of the "Over limit (N)" group that comes first when grouped by status */
export const OVER_LIMIT_GROUP_KEY = 'overLimit';

/** The part of an agent row's look that changes only because time passes. */
export function agingKey(row: AgentRow, now: number): string {
  const t = timeInStatus(row, now);
  return t === undefined ? '' : formatDurationShort(t);
}

/** The part of a login name shown to tell agents with the same display name apart (`chloe.moreau@x.com` → `chloe.moreau`). */
export function loginLocalPart(login: string): string {
  const at = login.indexOf('@');
  return at > 0 ? login.slice(0, at) : login;
}

const nameKey = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase();

/**
 * Display names that more than one agent of the account has (case-insensitive), given one name per
 * agent id — every user of the account, not just the logged-in or filtered ones, so a row's label
 * does not change with the filter or as namesakes log in and out, and it reads like the timeline's
 * lane name for the same agent.
 */
export function collidingNames(namesById: ReadonlyMap<string, string>): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of namesById.values()) {
    const k = nameKey(name);
    if (seen.has(k)) twice.add(k);
    else seen.add(k);
  }
  return twice;
}

/** `Chloé (chloe.moreau)` when another agent is also called Chloé; the plain display name otherwise. */
export function agentLabel(row: AgentRow, colliding: ReadonlySet<string>): string {
  if (!colliding.has(nameKey(row.displayName))) return row.displayName;
  const login = row.loginName ? loginLocalPart(row.loginName) : undefined;
  const tag = login && nameKey(login) !== nameKey(row.displayName) ? login : `id ${row.agentId}`;
  return `${row.displayName} (${tag})`;
}

export function presentAgent(row: AgentRow, now: number, opts: { statusInDescription: boolean; label?: string; limit?: LimitHit }): ItemPresentation {
  const marks: string[] = [];
  if (opts.limit) marks.push(overByText(opts.limit.overMs));
  if (row.stale) marks.push('stale');
  if (!row.connected) marks.push('disconnected');
  else if (!row.present) marks.push('not present');
  const parts = [...marks];
  const stateLabel = AGENT_STATE_LABEL[row.state];
  if (opts.statusInDescription) parts.push(stateLabel);
  const reason = reasonLabel(row);
  if (reason !== undefined) parts.push(reason);
  const aging = agingKey(row, now);
  if (aging) parts.push(aging);
  const load = formatLoad(row.load);
  if (load !== undefined) parts.push(`load ${load}`);
  const icon = STATE_ICON[row.state];
  const contextValue = ['agent', row.state, ...(row.connected && row.present ? [] : ['disconnected']), ...(row.stale ? ['stale'] : []), ...(opts.limit ? ['overLimit'] : [])].join(' ');
  const iconId = opts.limit ? WARNING_ICON.iconId : marks.includes('disconnected') || marks.includes('not present') ? DISCONNECTED_ICON : icon.iconId;
  return {
    label: opts.label ?? row.displayName,
    description: parts.join(' · '),
    iconId,
    colorId: row.stale ? 'disabledForeground' : opts.limit ? WARNING_ICON.colorId : icon.colorId,
    contextValue,
    ariaLabel: [opts.label ?? row.displayName, stateLabel, ...marks, reason, aging, load && `load ${load}`].filter(Boolean).join(', '),
  };
}

export interface GroupLike {
  groupBy: 'status' | 'group' | 'skill';
  key: string;
  name: string;
  count: number;
  stale: number;
  /** the staffing floor this group or skill has */
  floor?: FloorStatus;
}

export function presentGroup(g: GroupLike): ItemPresentation {
  const overLimit = g.groupBy === 'status' && g.key === OVER_LIMIT_GROUP_KEY;
  const state = g.groupBy === 'status' && !overLimit ? (g.key as AgentState) : undefined;
  const short = g.floor && !g.floor.met;
  const icon = overLimit
    ? WARNING_ICON
    : state
    ? STATE_ICON[state]
    : { iconId: g.groupBy === 'group' ? 'organization' : 'mortar-board', colorId: short ? WARNING_ICON.colorId : undefined };
  const description = [g.floor ? floorText(g.floor) : undefined, g.stale ? `${g.stale} stale` : undefined].filter(Boolean).join(' · ');
  return {
    label: `${g.name} (${g.count})`,
    description: description || undefined,
    iconId: icon.iconId,
    colorId: icon.colorId,
    contextValue: overLimit ? 'agentGroup overLimit' : `agentGroup ${g.groupBy}${short ? ' belowFloor' : ''}`,
    ariaLabel: `${g.name}: ${g.count} agent${g.count === 1 ? '' : 's'}${overLimit ? ' over their time limit' : ''}${g.floor ? `, ${g.floor.online} online, needs ${g.floor.needs}` : ''}${g.stale ? `, ${g.stale} stale` : ''}`,
  };
}

/** The lazy tooltip (Markdown). Every server string is escaped. */
export function agentTooltipMarkdown(row: AgentRow, now: number, limit?: LimitHit, disconnectedMs?: number): string {
  const e = escapeMarkdown;
  const lines: string[] = [];
  lines.push(`**${e(row.displayName)}**${row.stale ? ' — *stale: not in the last (partial) answer*' : ''}`);
  lines.push('');
  const reason = reasonLabel(row);
  const connection = row.connected ? (row.present ? 'connected' : 'connected, not present') : 'disconnected';
  const inStatus = timeInStatus(row, now);
  const inReason = timeInReason(row, now);
  const n = (v: number | undefined) => (v === undefined ? '—' : String(v));
  const rows: [string, string][] = [
    ['Status', `${AGENT_STATE_LABEL[row.state]}${reason !== undefined ? ` — ${e(reason)}` : ''} (${connection})`],
    ['Login name', row.loginName !== undefined ? e(row.loginName) : '—'],
    ['Agent id', e(row.agentId)],
    ['Group', row.groupName !== undefined ? e(row.groupName) : '—'],
    ['Skills', row.skills.length ? row.skills.map(s => e(s.name)).join(', ') : '—'],
    ['Slots', `${n(row.busySlots)} busy · ${n(row.ringingSlots)} ringing · ${n(row.maxSlots)} max`],
    ['Conversations', `${n(row.openConversations)} open · ${n(row.intenseConversations)} intense`],
    ['Load', formatLoad(row.load) ?? '—'],
    ['In status', inStatus === undefined ? '—' : `${formatDurationLong(inStatus)}${row.statusStart !== undefined ? ` (since ${formatClock(row.statusStart)})` : ''}`],
    ['In reason', inReason === undefined ? '—' : `${formatDurationLong(inReason)}${row.reasonStart !== undefined ? ` (since ${formatClock(row.reasonStart)})` : ''}`],
    ['Last updated', formatClock(row.lastUpdated ?? row.answeredAt)],
  ];
  if (limit) rows.unshift(['⚠ Time limit', `${overByText(limit.overMs)} — rule ${e(ruleText(limit.rule, disconnectedMs))}, counted since ${formatClock(limit.since)}`]);
  lines.push('| | |', '|---|---|');
  for (const [k, v] of rows) lines.push(`| ${k} | ${v} |`);
  return lines.join('\n');
}
