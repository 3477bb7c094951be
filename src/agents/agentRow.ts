// One agent as the Live Agents view shows it: an Agent Metrics record joined with the lookups
// (reason texts incl. deleted reasons, user names, group and skill names). No `vscode` here.
import type { AgentStatusRecord, LookupTables } from '../api/types';
import { type AgentState, stateFromMetrics } from '../domain/agentState';

export interface AgentSkillRef {
  id: string;
  name: string;
}

export interface AgentRow {
  agentId: string;
  /** nickname, else login name (record first, then the users lookup), else `Agent <id>` */
  displayName: string;
  loginName?: string;
  state: AgentState;
  /** epoch ms the current status started */
  statusStart?: number;
  /** ms in status at the time of the answer (used when the start time is missing) */
  statusDurationAtAnswer?: number;
  reasonId?: string;
  /** the joined reason text; undefined when the id is not in the reasons lookup */
  reasonText?: string;
  reasonDeleted: boolean;
  reasonStart?: number;
  reasonDurationAtAnswer?: number;
  groupId?: string;
  groupName?: string;
  skills: AgentSkillRef[];
  load?: number;
  busySlots?: number;
  ringingSlots?: number;
  maxSlots?: number;
  openConversations?: number;
  intenseConversations?: number;
  /** currentConnectionState is not DISCONNECTED */
  connected: boolean;
  /** epoch ms the agent was first seen DISCONNECTED in this episode (set by the model from the previous answer) */
  disconnectedSince?: number;
  /** agentPresence is not false */
  present: boolean;
  lastUpdated?: number;
  /** epoch ms of the answer this row came from */
  answeredAt: number;
  /** kept from an earlier answer because a partial answer did not mention this agent */
  stale: boolean;
  /** every field the tree shows, except times that only move because the clock moves */
  fingerprint: string;
  /** precomputed name order key (case- and accent-insensitive, numbers in numeric order, then id) */
  sortKey: string;
}

/** `Agent 9` < `agent 10` < `Álvaro`… as plain string comparison, so sorting 10,000 rows stays cheap. */
export function nameSortKey(name: string, id: string): string {
  return `${name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\d+/g, d => d.padStart(12, '0'))}\u0000${id}`;
}

const NO_REASON = new Set(['', '0', '-1', 'NA']);

function nonEmpty(s: string | undefined): string | undefined {
  return s !== undefined && s.trim() !== '' ? s : undefined;
}

export type RowLookups = Pick<LookupTables, 'reasons' | 'users' | 'skills' | 'groups'>;

export const EMPTY_LOOKUPS: RowLookups = { reasons: new Map(), users: new Map(), skills: new Map(), groups: new Map() };

export function toAgentRow(rec: AgentStatusRecord, lookups: RowLookups, answeredAt: number): AgentRow {
  const agentId = String(rec.agentId);
  const user = lookups.users.get(agentId);
  const loginName = nonEmpty(rec.agentLoginName) ?? nonEmpty(user?.loginName);
  const displayName =
    nonEmpty(rec.agentNickname) ?? nonEmpty(user?.nickname) ?? loginName ?? nonEmpty(rec.agentName) ?? `Agent ${agentId}`;

  const rawReason = rec.currentStatusReason === undefined ? undefined : String(rec.currentStatusReason);
  const reasonId = rawReason !== undefined && !NO_REASON.has(rawReason) ? rawReason : undefined;
  const reason = reasonId !== undefined ? lookups.reasons.get(reasonId) : undefined;

  const groupId = rec.agentGroupId !== undefined && rec.agentGroupId !== null ? String(rec.agentGroupId) : user?.agentGroupId;
  const groupName =
    groupId === undefined
      ? undefined
      : nonEmpty(rec.agentGroupName) ?? lookups.groups.get(groupId)?.name ?? (groupId === '-1' ? 'Main Group' : `Group ${groupId}`);

  const skillSource = rec.agentSkills?.length ? rec.agentSkills.map(s => ({ id: String(s.skillId), name: s.skillName })) : (user?.skillIds ?? []).map(id => ({ id, name: undefined }));
  const skills = skillSource.map(s => ({ id: s.id, name: nonEmpty(s.name) ?? lookups.skills.get(s.id)?.name ?? `Skill ${s.id}` }));

  const row: AgentRow = {
    agentId,
    displayName,
    loginName,
    state: stateFromMetrics(rec.currentStatus),
    statusStart: rec.currentStatusStartTime,
    statusDurationAtAnswer: rec.currentStatusDuration,
    reasonId,
    reasonText: reason?.text,
    reasonDeleted: reason?.deleted ?? false,
    reasonStart: reasonId !== undefined ? rec.currentStatusReasonStartTime : undefined,
    reasonDurationAtAnswer: reasonId !== undefined ? rec.currentStatusReasonDuration : undefined,
    groupId,
    groupName,
    skills,
    load: rec.load,
    busySlots: rec.busySlots,
    ringingSlots: rec.ringingSlots,
    maxSlots: rec.configuredMaxSlots,
    openConversations: rec.openAssignedConversations,
    intenseConversations: rec.intenseConversations,
    connected: rec.currentConnectionState !== 'DISCONNECTED',
    present: rec.agentPresence !== false,
    lastUpdated: rec.lastUpdatedTime,
    answeredAt,
    stale: false,
    fingerprint: '',
    sortKey: nameSortKey(displayName, agentId),
  };
  row.fingerprint = fingerprintOf(row);
  return row;
}

/** The same row, kept from an earlier answer and marked stale (a partial answer did not mention it). */
export function markStale(row: AgentRow): AgentRow {
  if (row.stale) return row;
  const stale = { ...row, stale: true };
  stale.fingerprint = fingerprintOf(stale);
  return stale;
}

function fingerprintOf(r: AgentRow): string {
  // Unit Separator keeps fields apart whatever the server text holds.
  const U = '\u001f';
  return [
    r.displayName, r.loginName ?? '', r.state, r.statusStart ?? '', r.reasonId ?? '', r.reasonText ?? '', r.reasonDeleted ? 1 : 0,
    r.reasonStart ?? '', r.groupId ?? '', r.groupName ?? '', r.skills.map(s => `${s.id}=${s.name}`).join(','), r.load ?? '',
    r.busySlots ?? '', r.ringingSlots ?? '', r.maxSlots ?? '', r.openConversations ?? '', r.intenseConversations ?? '',
    r.connected ? 1 : 0, r.present ? 1 : 0, r.stale ? 1 : 0,
  ].join(U);
}

/** ms the agent has been in its current status at `now`. */
export function timeInStatus(row: AgentRow, now: number): number | undefined {
  if (row.statusStart !== undefined) return Math.max(0, now - row.statusStart);
  if (row.statusDurationAtAnswer !== undefined) return Math.max(0, row.statusDurationAtAnswer + (now - row.answeredAt));
  return undefined;
}

/** ms the agent has had its current reason at `now`. */
export function timeInReason(row: AgentRow, now: number): number | undefined {
  if (row.reasonId === undefined) return undefined;
  if (row.reasonStart !== undefined) return Math.max(0, now - row.reasonStart);
  if (row.reasonDurationAtAnswer !== undefined) return Math.max(0, row.reasonDurationAtAnswer + (now - row.answeredAt));
  return undefined;
}

/** The reason as the tree shows it: its text, `(deleted)` when soft-deleted, `reason #id` when unknown. */
export function reasonLabel(row: AgentRow): string | undefined {
  if (row.reasonId === undefined) return undefined;
  if (row.reasonText === undefined) return `reason #${row.reasonId}`;
  return row.reasonDeleted ? `${row.reasonText} (deleted)` : row.reasonText;
}
