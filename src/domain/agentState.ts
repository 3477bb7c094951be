// One status vocabulary across the three APIs (liveperson-api.md §7, §5.4):
//   Agent Metrics `currentStatus`  ONLINE | AWAY | BACK_SOON | OFFLINE
//   Agent Activity `statusSubType` 2 online | 4 away | 3 occupied (= back soon) | 1 offline
//   Status Reason `state`          "Online" | "Away" | "Occupied"

/** Agent Metrics `currentStatus` values. */
export type MetricsStatus = 'ONLINE' | 'AWAY' | 'BACK_SOON' | 'OFFLINE';
/** The state a status reason applies to (Account Configuration spelling). */
export type ReasonState = 'Away' | 'Online' | 'Occupied';
export const REASON_STATES: readonly ReasonState[] = ['Away', 'Online', 'Occupied'];

export type AgentState = 'online' | 'away' | 'backSoon' | 'offline';
export const AGENT_STATES: readonly AgentState[] = ['online', 'backSoon', 'away', 'offline'];

export const AGENT_STATE_LABEL: Record<AgentState, string> = {
  online: 'Online',
  backSoon: 'Back soon',
  away: 'Away',
  offline: 'Offline',
};

export function stateFromMetrics(status: MetricsStatus | string): AgentState {
  switch (status) {
    case 'ONLINE': return 'online';
    case 'AWAY': return 'away';
    case 'BACK_SOON': return 'backSoon';
    default: return 'offline';
  }
}
export function metricsFromState(state: AgentState): MetricsStatus {
  return ({ online: 'ONLINE', away: 'AWAY', backSoon: 'BACK_SOON', offline: 'OFFLINE' } as const)[state];
}
export function stateFromActivitySubType(subType: number): AgentState {
  switch (subType) {
    case 2: return 'online';
    case 3: return 'backSoon';
    case 4: return 'away';
    default: return 'offline';
  }
}
export function activitySubTypeFromState(state: AgentState): number {
  return ({ offline: 1, online: 2, backSoon: 3, away: 4 } as const)[state];
}
export function stateFromReasonState(state: ReasonState): AgentState {
  return state === 'Online' ? 'online' : state === 'Occupied' ? 'backSoon' : 'away';
}
export function reasonStateFromState(state: AgentState): ReasonState | undefined {
  return state === 'online' ? 'Online' : state === 'backSoon' ? 'Occupied' : state === 'away' ? 'Away' : undefined;
}
