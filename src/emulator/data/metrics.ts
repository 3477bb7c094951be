// Agent Metrics records (liveperson-api.md §4.1) derived from an agent's live state: durations are
// now − start, reason fields only when AWAY with a reason, conversations/load plausible and stable
// for a few minutes, a few agents DISCONNECTED, a few not present (agentPresence false).
import { hashInts, unit } from './random';
import { metricsTime } from './format';
import { LiveSnapshot, SUB_AWAY, SUB_OCCUPIED, SUB_ONLINE } from './schedule';
import type { Dataset } from './dataset';
import type { SeedAgent } from './seed';
import { floorRoleAt } from './roster';
import type { LiveStatus } from '../types';

export function liveStatus(s: LiveSnapshot): LiveStatus {
  if (!s.loggedIn) return 'OFFLINE';
  return s.sub === SUB_ONLINE ? 'ONLINE' : s.sub === SUB_AWAY ? 'AWAY' : s.sub === SUB_OCCUPIED ? 'BACK_SOON' : 'OFFLINE';
}

export interface LiveAgent {
  agent: SeedAgent;
  snap: LiveSnapshot;
  status: LiveStatus;
  connected: boolean;
  /** agentPresence: false for a few desk agents' sessions (see isPresent) */
  present: boolean;
  lastUpdated: number;
  open: number;
}

export function liveAgent(data: Dataset, agent: SeedAgent, now: number): LiveAgent {
  const snap = data.liveState(agent, now);
  const status = liveStatus(snap);
  const bucket = Math.floor(now / 120_000);
  const max = agent.maxChats;
  let open = 0;
  if (status === 'ONLINE') open = Math.floor(unit(data.seed, agent.index, bucket, 1) * (max + 1));
  else if (status !== 'OFFLINE') open = unit(data.seed, agent.index, bucket, 2) < 0.2 ? 1 : 0;
  open = Math.min(open, max);
  return {
    agent, snap, status,
    connected: isConnected(data, agent, snap, now),
    present: isPresent(data, agent, snap),
    lastUpdated: Math.max(snap.statusSince, now - (hashInts(data.seed, agent.index, bucket, 4) % 20_000)),
    open,
  };
}

/**
 * Bots stay connected; agents set through the control API are DISCONNECTED only when told; the floor's
 * agents when they hold its DISCONNECTED role (roster.ts); desk agents lose it in one session of 25.
 */
function isConnected(data: Dataset, agent: SeedAgent, snap: LiveSnapshot, now: number): boolean {
  if (agent.userTypeId === 2) return true;
  if (data.isOverridden(agent)) return !snap.disconnected;
  if (agent.rota.kind === 'floor') return !(snap.loggedIn && floorRoleAt(data.seed, agent.rota.seat, now).disconnected);
  return hashInts(data.seed, agent.index, snap.session, 3) % 25 !== 0;
}

/**
 * agentPresence: a desk agent is not present in one login session of 20 (the whole session); bots,
 * the floor's agents and agents set through the control API always are — so the default filter
 * (agentPresence true when omitted) hides a few agents that `agentPresence: false` returns.
 */
function isPresent(data: Dataset, agent: SeedAgent, snap: LiveSnapshot): boolean {
  if (agent.rota.kind !== 'desk' || data.isOverridden(agent) || !snap.loggedIn) return true;
  return hashInts(data.seed, agent.index, snap.session, 0x9e5) % 20 !== 0;
}

export function metricsRecord(data: Dataset, a: LiveAgent, now: number): Record<string, unknown> {
  const { agent, snap, status, open } = a;
  const since = snap.statusSince;
  const sinceText = metricsTime(since);
  const hasReason = status === 'AWAY' && snap.reason > 0;
  const ringing = status === 'ONLINE' && open < agent.maxChats && hashInts(data.seed, agent.index, Math.floor(now / 30_000)) % 6 === 0 ? 1 : 0;
  // field order as in the documented example; absent (not null) fields when not applicable
  return {
    agentId: String(agent.id),
    lastUpdatedTimeL: a.lastUpdated, lastUpdatedTime: metricsTime(a.lastUpdated),
    currentStatusStartTimeL: since, currentStatusStartTime: sinceText,
    ...(hasReason ? { currentStatusReasonStartTimeL: since, currentStatusReasonStartTime: sinceText } : {}),
    agentName: agent.fullName, agentNickname: agent.nickname, agentLoginName: agent.loginName,
    ...(agent.pictureUrl ? { agentPictureURL: agent.pictureUrl } : {}),
    agentSkills: agent.skillIds.map(id => ({ skillId: String(id), skillName: data.skillNames.get(id) ?? '' })),
    agentGroupId: agent.groupId, agentGroupName: data.groupNames.get(agent.groupId) ?? 'Main Group',
    currentStatus: status, currentStatusDuration: Math.max(0, now - since),
    ...(hasReason ? { currentStatusReason: String(snap.reason), currentStatusReasonDuration: Math.max(0, now - since) } : {}),
    load: Math.round((open / agent.maxChats) * 100) / 100,
    ringingSlots: ringing, configuredMaxSlots: agent.maxChats, busySlots: open,
    openAssignedConversations: open, intenseConversations: open > 1 && hashInts(data.seed, agent.index, 5) % 4 === 0 ? 1 : 0,
    agentPresence: a.present ? 'true' : 'false',
    currentConnectionState: a.connected ? 'CONNECTED' : 'DISCONNECTED',
  };
}
