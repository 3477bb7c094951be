// Builders for columnar timeline fixtures used by the shared/ and webview/ unit tests.
import type { AgentState } from '../../../src/domain/agentState';
import type { AgentTimeline, StatusInterval } from '../../../src/domain/timelineTypes';
import { packTimelines, type ColumnarDataset } from '../../../src/shared/columnar';

export type IntervalSpec = [start: number, end: number, state: AgentState, reason?: string, session?: string];

export function timeline(agentId: string, intervals: IntervalSpec[], extra: Partial<AgentTimeline> = {}): AgentTimeline {
  return {
    agentId,
    agentName: `Agent ${agentId}`,
    intervals: intervals.map(([start, end, state, reasonText, sessionId]): StatusInterval => ({ start, end, state, ...(reasonText ? { reasonText } : {}), ...(sessionId ? { sessionId } : {}) })),
    sessions: [],
    markers: [],
    ...extra,
  };
}

export function dataset(...lanes: IntervalSpec[][]): ColumnarDataset {
  return packTimelines(lanes.map((l, i) => timeline(String(i + 1), l)));
}
