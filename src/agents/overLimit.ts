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
  if (policy.empty || row.state === 'offline' || row.stale) return {};
  const candidates: LimitHit[] = [];
  let nextChangeAt: number | undefined;
  const consider = (since: number | undefined, limitMs: number, rule: LimitHit['rule'], episode: string) => {
    if (since === undefined) return;
    const crossAt = since + limitMs;
    if (now <= crossAt) {
      nextChangeAt = nextChangeAt === undefined ? crossAt + 1 : Math.min(nextChangeAt, crossAt + 1);
      return;
    }
    const overMs = now - crossAt;
    const nextMinute = crossAt + (Math.floor(overMs / MINUTE) + 1) * MINUTE;
    nextChangeAt = nextChangeAt === undefined ? nextMinute : Math.min(nextChangeAt, nextMinute);
    candidates.push({ overMs, limitMs, rule, since, episode });
  };
  const applied = policy.limitFor(row.state, row.reasonText);
  if (applied) {
    const elapsed = applied.byReason ? timeInReason(row, now) : timeInStatus(row, now);
    if (elapsed !== undefined) {
      const since = now - elapsed;
      consider(since, applied.ms, applied.rule, `${row.agentId}|${row.state}|${applied.byReason ? row.reasonId : ''}|${Math.round(since / 1000)}`);
    }
  }
  if (!row.connected && policy.disconnectedMs !== undefined) {
    const since = disconnectedSince(row, now);
    if (since !== undefined) consider(since, policy.disconnectedMs, 'disconnected', `${row.agentId}|disconnected|${Math.round(since / 1000)}`);
  }
  if (!candidates.length) return { nextChangeAt };
  const hit = candidates.reduce((a, b) => (b.overMs > a.overMs ? b : a));
  return { hit, nextChangeAt };
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
