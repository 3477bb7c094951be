// The live "now" segment of a timeline: the agent's current state (from Agent Metrics) drawn from
// when it started until now, as an open interval. Agent Activity lags (≈ 1 hour), so its last
// interval usually ends before `since` (a gap stays a gap) or overlaps it (the live state wins from
// `since` on: earlier intervals are cut there, later ones dropped).
import type { AgentState } from './agentState';
import type { AgentTimeline, StatusInterval } from './timelineTypes';

export interface CurrentState {
  state: AgentState;
  reasonId?: string;
  reasonText?: string;
  /** epoch ms when the current state began */
  since: number;
}

/** A new timeline (the input is not changed) ending with the open "now" interval [since, now). */
export function appendNow(timeline: AgentTimeline, current: CurrentState, now: number): AgentTimeline {
  const since = Math.min(current.since, now);
  const intervals: StatusInterval[] = [];
  for (const iv of timeline.intervals) {
    if (iv.start >= since) break;
    if (iv.end > since || iv.open) {
      const { open: _open, ...closed } = iv;
      intervals.push({ ...closed, end: Math.min(iv.end, since) });
    } else intervals.push(iv);
  }
  const last = intervals[intervals.length - 1];
  const same = last && last.end === since && last.state === current.state && last.reasonId === current.reasonId;
  if (same) {
    intervals[intervals.length - 1] = { ...last, end: now, open: true };
  } else if (now > since) {
    const iv: StatusInterval = { start: since, end: now, state: current.state, open: true };
    if (current.reasonId !== undefined) iv.reasonId = current.reasonId;
    if (current.reasonText !== undefined) iv.reasonText = current.reasonText;
    if (last?.sessionId !== undefined && current.state !== 'offline' && last.state !== 'offline') iv.sessionId = last.sessionId;
    intervals.push(iv);
  }
  return { ...timeline, intervals };
}
