// Totals over built timelines: time per state and per reason, per agent and overall, logged-in
// time (every non-offline interval), and time over the time limits (timelineOverLimit.ts) when a
// policy is given. Intervals — and their over-limit parts — are clipped to the window again, so
// totals over a narrower window than the one the timelines were built for are right too.
// byReason keys: a reason id for intervals that carry one; '' for AWAY time without a reason.
// (Online / back-soon / offline time without a reason is only counted in byState; its over-limit
// time only in the agent's overMs.)
import { AGENT_STATES, type AgentState } from './agentState';
import type { LimitPolicy } from './timeLimits';
import { clippedMs, forEachOverLimit } from './timelineOverLimit';
import type { AgentTimeline, StateTotals, StatusInterval, TimelineTotals, TimeWindow } from './timelineTypes';

export function emptyTotals(): StateTotals {
  const byState = {} as Record<AgentState, number>;
  for (const s of AGENT_STATES) byState[s] = 0;
  return { byState, byReason: {}, loggedIn: 0, overMs: 0 };
}

export function computeTotals(timelines: readonly AgentTimeline[], window: TimeWindow, limits?: LimitPolicy): TimelineTotals {
  const perAgent: Record<string, StateTotals> = {};
  const overall = emptyTotals();
  for (const tl of timelines) {
    const t = perAgent[tl.agentId] ?? (perAgent[tl.agentId] = emptyTotals());
    for (const iv of tl.intervals) {
      const ms = clippedMs(iv.start, iv.end, window);
      if (ms > 0) add(t, iv, ms);
    }
    if (limits) {
      forEachOverLimit(tl.intervals, limits, (i, from) => {
        const iv = tl.intervals[i];
        const ms = clippedMs(from, iv.end, window);
        if (ms <= 0) return;
        t.overMs += ms;
        const r = t.byReason[reasonKeyOf(iv) ?? '\u0000'];
        if (r) r.overMs += ms;
      });
    }
  }
  for (const t of Object.values(perAgent)) merge(overall, t);
  return { perAgent, overall };
}

function merge(into: StateTotals, t: StateTotals): void {
  for (const s of AGENT_STATES) into.byState[s] += t.byState[s];
  into.loggedIn += t.loggedIn;
  into.overMs += t.overMs;
  for (const [key, r] of Object.entries(t.byReason)) {
    const o = into.byReason[key] ?? (into.byReason[key] = { state: r.state, text: r.text, ms: 0, overMs: 0 });
    o.ms += r.ms;
    o.overMs += r.overMs;
  }
}

/** The byReason key of an interval, or undefined when it has none (see the header). */
function reasonKeyOf(iv: StatusInterval): string | undefined {
  return iv.reasonId ?? (iv.state === 'away' ? '' : undefined);
}

function add(t: StateTotals, iv: StatusInterval, ms: number): void {
  const { state, reasonText } = iv;
  t.byState[state] += ms;
  if (state !== 'offline') t.loggedIn += ms;
  const key = reasonKeyOf(iv);
  if (key === undefined) return;
  const r = t.byReason[key] ?? (t.byReason[key] = { state, text: reasonText ?? (key === '' ? 'No reason' : key), ms: 0, overMs: 0 });
  r.ms += ms;
  if (reasonText && r.text === key) r.text = reasonText;
}
