// Output of the pure timeline model (src/domain/timeline*.ts), consumed by the Activity Timeline.
import type { AgentState } from './agentState';

/** The window a timeline is built for, epoch ms: [from, to). */
export interface TimeWindow {
  from: number;
  to: number;
}

export interface StatusInterval {
  /** epoch ms, inclusive */
  start: number;
  /** epoch ms, exclusive */
  end: number;
  state: AgentState;
  reasonId?: string;
  reasonText?: string;
  sessionId?: string;
  /** true when the interval is still going at the end of the data (e.g. the live "now" segment) */
  open?: boolean;
}
export interface AgentSession {
  sessionId?: string;
  /** undefined: logged in before the window (or login missing) */
  login?: number;
  /** undefined: still logged in at the end of the window */
  logout?: number;
}
export interface TimelineMarker { time: number; kind: 'login' | 'logout' }

export interface AgentTimeline {
  agentId: string;
  agentName?: string;
  agentLoginName?: string;
  agentGroupId?: string;
  /** sorted by start, non-overlapping */
  intervals: StatusInterval[];
  sessions: AgentSession[];
  markers: TimelineMarker[];
}

export interface StateTotals {
  /** ms per state */
  byState: Record<AgentState, number>;
  /** ms per reason id ('' = no reason), for the away (and other) states; `overMs`: of it, over the time limit */
  byReason: Record<string, { state: AgentState; text: string; ms: number; overMs: number }>;
  /** ms logged in (sum of all non-offline intervals) */
  loggedIn: number;
  /** ms over the time limits (timelineOverLimit.ts); 0 without limits */
  overMs: number;
}
export interface TimelineTotals {
  perAgent: Record<string, StateTotals>;
  overall: StateTotals;
}
