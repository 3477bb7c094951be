// The Live Agents filter: status, skills, groups, connection state, name contains. Applied on the
// client over the full model, so the status-bar counts stay those of the whole account.
// No `vscode` here.
import { AGENT_STATE_LABEL, AGENT_STATES, type AgentState, stateFromMetrics } from '../domain/agentState';
import { ValidationError } from '../api/errors';
import type { AgentRow, RowLookups } from './agentRow';
import { loginLocalPart } from './agentPresentation';

export type ConnectionFilter = 'any' | 'connected' | 'disconnected';

export interface AgentFilter {
  statuses?: readonly AgentState[];
  skillIds?: readonly string[];
  groupIds?: readonly string[];
  connection?: ConnectionFilter;
  nameContains?: string;
  /** only agents over their time limit (Show Only Agents Over Limit) */
  overLimit?: boolean;
}

export function isFilterActive(f: AgentFilter): boolean {
  return !!(f.statuses?.length || f.skillIds?.length || f.groupIds?.length || (f.connection && f.connection !== 'any') || f.nameContains?.trim() || f.overLimit);
}

/** A compiled predicate: sets built once, so filtering 10,000 rows stays cheap. `isOverLimit` answers for `overLimit`. */
export function compileFilter(f: AgentFilter, isOverLimit: (agentId: string) => boolean = () => false): (row: AgentRow) => boolean {
  if (!isFilterActive(f)) return () => true;
  const statuses = f.statuses?.length ? new Set(f.statuses) : undefined;
  const skills = f.skillIds?.length ? new Set(f.skillIds) : undefined;
  const groups = f.groupIds?.length ? new Set(f.groupIds) : undefined;
  const connection = f.connection ?? 'any';
  const needle = f.nameContains?.trim().toLocaleLowerCase();
  const overLimit = f.overLimit === true;
  return row => {
    if (overLimit && !isOverLimit(row.agentId)) return false;
    if (statuses && !statuses.has(row.state)) return false;
    if (skills && !row.skills.some(s => skills.has(s.id))) return false;
    if (groups && (row.groupId === undefined || !groups.has(row.groupId))) return false;
    const online = row.connected && row.present;
    if (connection === 'connected' && !online) return false;
    if (connection === 'disconnected' && online) return false;
    // the display name and the login's local part — not its @domain, which every agent shares
    if (needle && !row.displayName.toLocaleLowerCase().includes(needle) && !loginLocalPart(row.loginName ?? '').toLocaleLowerCase().includes(needle)) return false;
    return true;
  };
}

/** Short text for the view description, e.g. `filter: Away, Back soon · 2 skills · "ann"`. */
export function describeFilter(f: AgentFilter, names?: { skill(id: string): string; group(id: string): string }): string {
  const parts: string[] = [];
  if (f.overLimit) parts.push('over limit');
  if (f.statuses?.length) parts.push(f.statuses.map(s => AGENT_STATE_LABEL[s]).join(', '));
  const list = (ids: readonly string[], one: (id: string) => string, noun: string) =>
    ids.length <= 2 ? ids.map(one).join(', ') : `${ids.length} ${noun}`;
  if (f.skillIds?.length) parts.push(list(f.skillIds, names?.skill ?? (id => `skill ${id}`), 'skills'));
  if (f.groupIds?.length) parts.push(list(f.groupIds, names?.group ?? (id => `group ${id}`), 'groups'));
  if (f.connection && f.connection !== 'any') parts.push(f.connection);
  if (f.nameContains?.trim()) parts.push(`"${f.nameContains.trim()}"`);
  return parts.length ? `filter: ${parts.join(' · ')}` : '';
}

function stringList(v: unknown, field: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new ValidationError(`Filter field "${field}" must be a list.`);
  return v.map(x => {
    if (typeof x !== 'string' && typeof x !== 'number') throw new ValidationError(`Filter field "${field}" must hold ids (strings).`);
    return String(x);
  });
}

/**
 * Validates a filter passed as a command argument (tests, keybindings). Statuses may use the view's
 * names (`away`, `backSoon`) or Agent Metrics names (`AWAY`, `BACK_SOON`). Bad input → ValidationError.
 */
export function parseFilterArg(arg: unknown): AgentFilter {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) throw new ValidationError('The filter must be an object: { statuses?, skillIds?, groupIds?, connection?, nameContains?, overLimit? }.');
  const a = arg as Record<string, unknown>;
  const known = new Set(['statuses', 'skillIds', 'groupIds', 'connection', 'nameContains', 'overLimit']);
  const unknownKeys = Object.keys(a).filter(k => !known.has(k));
  if (unknownKeys.length) throw new ValidationError(`Unknown filter field(s): ${unknownKeys.join(', ')}.`);
  const statuses = stringList(a.statuses, 'statuses')?.map(s => {
    if ((AGENT_STATES as readonly string[]).includes(s)) return s as AgentState;
    if (['ONLINE', 'AWAY', 'BACK_SOON', 'OFFLINE'].includes(s)) return stateFromMetrics(s);
    throw new ValidationError(`Unknown status "${s}" (use online, backSoon, away, offline).`);
  });
  const connection = a.connection;
  if (connection !== undefined && connection !== 'any' && connection !== 'connected' && connection !== 'disconnected') {
    throw new ValidationError('Filter field "connection" must be "any", "connected" or "disconnected".');
  }
  if (a.nameContains !== undefined && typeof a.nameContains !== 'string') throw new ValidationError('Filter field "nameContains" must be text.');
  if (a.overLimit !== undefined && typeof a.overLimit !== 'boolean') throw new ValidationError('Filter field "overLimit" must be true or false.');
  return {
    statuses,
    skillIds: stringList(a.skillIds, 'skillIds'),
    groupIds: stringList(a.groupIds, 'groupIds'),
    connection: connection as ConnectionFilter | undefined,
    nameContains: a.nameContains as string | undefined,
    ...(a.overLimit === true ? { overLimit: true } : {}),
  };
}

export interface CatalogEntry {
  id: string;
  name: string;
  /** logged-in agents that have this skill / are in this group now */
  agents: number;
}

/** Skills and groups to offer in the filter: every one the lookups or the current agents name, with how many agents have it now. */
export function filterCatalog(lookups: RowLookups, rows: readonly AgentRow[]): { skills: CatalogEntry[]; groups: CatalogEntry[] } {
  const skills = new Map<string, CatalogEntry>();
  const groups = new Map<string, CatalogEntry>();
  for (const s of lookups.skills.values()) if (!s.deleted) skills.set(s.id, { id: s.id, name: s.name, agents: 0 });
  for (const g of lookups.groups.values()) if (!g.deleted) groups.set(g.id, { id: g.id, name: g.name, agents: 0 });
  for (const r of rows) {
    for (const s of r.skills) {
      const e = skills.get(s.id) ?? { id: s.id, name: s.name, agents: 0 };
      e.agents++;
      skills.set(s.id, e);
    }
    if (r.groupId !== undefined) {
      const e = groups.get(r.groupId) ?? { id: r.groupId, name: r.groupName ?? r.groupId, agents: 0 };
      e.agents++;
      groups.set(r.groupId, e);
    }
  }
  const sorted = (m: Map<string, CatalogEntry>) => [...m.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { skills: sorted(skills), groups: sorted(groups) };
}
