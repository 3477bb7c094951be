// Who is over a time limit now, by how much, under which rule — and when that next changes, so the
// view re-renders exactly then (between refreshes, without a request). Pure: rows and a compiled
// policy in, plain data out; no `vscode` import. Time comes from the server's own status and reason
// start (or duration) fields, so it is right the moment the view opens.
import { describeRule, type LimitPolicy, type TimeLimitRule } from '../domain/timeLimits';
import { type AgentRow, timeInReason, timeInStatus } from './agentRow';

export interface LimitHit {
  /** ms beyond the limit (> 0) */
  overMs: number;
  limitMs: number;
  /** the rule, or 'disconnected' for the logged-in-but-disconnected limit */
  rule: TimeLimitRule | 'disconnected';
  /** epoch ms the counted time started (the status, the reason, or the disconnection) */
  since: number;
  /** one episode of the agent: a new status, reason or disconnection is a new episode (notifications) */
  episode: string;
}

export interface LimitEvaluation {
  hit?: LimitHit;
  /** when the hit appears or its whole-minute "over by" moves (undefined: never, without new data) */
  nextChangeAt?: number;
}

const MINUTE = 60_000;

/** The time the disconnection started: tracked by the model, else (first seen disconnected) the status start. */
function disconnectedSince(row: AgentRow, now: number): number | undefined {
  if (row.disconnectedSince !== undefined) return row.disconnectedSince;
  const t = timeInStatus(row, now);
  return t === undefined ? undefined : now - t;
}

export function evaluateLimit(row: AgentRow, policy: LimitPolicy, now: number): LimitEvaluation {
  if (policy.empty || row.state === 'offline' || row.stale) return NOTHING;
  // the row's own rule (a reason's, else its state's) and the disconnected limit, whichever is further over
  let hit: LimitHit | undefined;
  let nextChangeAt: number | undefined;
  const applied = policy.limitFor(row.state, row.reasonText);
  if (applied) {
    const elapsed = applied.byReason ? timeInReason(row, now) : timeInStatus(row, now);
    if (elapsed !== undefined) {
      const since = now - elapsed;
      const crossAt = since + applied.ms;
      if (now <= crossAt) nextChangeAt = crossAt + 1;
      else {
        nextChangeAt = nextMinute(crossAt, now);
        hit = { overMs: now - crossAt, limitMs: applied.ms, rule: applied.rule, since, episode: `${row.agentId}|${row.state}|${applied.byReason ? row.reasonId : ''}|${Math.round(since / 1000)}` };
      }
    }
  }
  if (!row.connected && policy.disconnectedMs !== undefined) {
    const since = disconnectedSince(row, now);
    if (since !== undefined) {
      const crossAt = since + policy.disconnectedMs;
      if (now <= crossAt) nextChangeAt = Math.min(nextChangeAt ?? Infinity, crossAt + 1);
      else {
        nextChangeAt = Math.min(nextChangeAt ?? Infinity, nextMinute(crossAt, now));
        if (!hit || now - crossAt > hit.overMs) hit = { overMs: now - crossAt, limitMs: policy.disconnectedMs, rule: 'disconnected', since, episode: `${row.agentId}|disconnected|${Math.round(since / 1000)}` };
      }
    }
  }
  return hit || nextChangeAt !== undefined ? { hit, nextChangeAt } : NOTHING;
}

const NOTHING: LimitEvaluation = Object.freeze({});

/** the next instant the whole minutes of "over by" move */
function nextMinute(crossAt: number, now: number): number {
  return crossAt + (Math.floor((now - crossAt) / MINUTE) + 1) * MINUTE;
}

/** `over by 12 min` (`over by <1 min` in the first minute). */
export function overByText(overMs: number): string {
  const min = Math.floor(overMs / MINUTE);
  return min < 1 ? 'over by <1 min' : `over by ${formatMinutes(min)}`;
}

/** `12 min`, `1 h 05 min` */
export function formatMinutes(min: number): string {
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

/** The rule as the tooltip names it. */
export function ruleText(rule: LimitHit['rule'], disconnectedMs?: number): string {
  if (rule === 'disconnected') return `logged in but disconnected: ${disconnectedMs === undefined ? '' : `${Math.round(disconnectedMs / MINUTE)} min`} (liveperson.agents.disconnectedLimitMinutes)`;
  return describeRule(rule);
}
