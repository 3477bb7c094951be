// Totals over built timelines: time per state and per reason, per agent and overall, and logged-in
// time (every non-offline interval). Intervals are clipped to the window again, so totals over a
// narrower window than the one the timelines were built for are right too.
// byReason keys: a reason id for intervals that carry one; '' for AWAY time without a reason.
// (Online / back-soon / offline time without a reason is only counted in byState.)
import { AGENT_STATES, type AgentState } from './agentState';
import type { AgentTimeline, StateTotals, TimelineTotals } from './timelineTypes';
import type { TimeWindow } from './timeline';

export function emptyTotals(): StateTotals {
  const byState = {} as Record<AgentState, number>;
  for (const s of AGENT_STATES) byState[s] = 0;
  return { byState, byReason: {}, loggedIn: 0 };
}

export function computeTotals(timelines: readonly AgentTimeline[], window: TimeWindow): TimelineTotals {
  const perAgent: Record<string, StateTotals> = {};
  const overall = emptyTotals();
  for (const tl of timelines) {
    const t = perAgent[tl.agentId] ?? (perAgent[tl.agentId] = emptyTotals());
    for (const iv of tl.intervals) {
      const s = iv.start < window.from ? window.from : iv.start;
      const e = iv.end > window.to ? window.to : iv.end;
      if (e <= s) continue;
      const ms = e - s;
      add(t, iv.state, iv.reasonId, iv.reasonText, ms);
    }
  }
  for (const t of Object.values(perAgent)) merge(overall, t);
  return { perAgent, overall };
}

function merge(into: StateTotals, t: StateTotals): void {
  for (const s of AGENT_STATES) into.byState[s] += t.byState[s];
  into.loggedIn += t.loggedIn;
  for (const [key, r] of Object.entries(t.byReason)) {
    const o = into.byReason[key] ?? (into.byReason[key] = { state: r.state, text: r.text, ms: 0 });
    o.ms += r.ms;
  }
}

function add(t: StateTotals, state: AgentState, reasonId: string | undefined, reasonText: string | undefined, ms: number): void {
  t.byState[state] += ms;
  if (state !== 'offline') t.loggedIn += ms;
  const key = reasonId ?? (state === 'away' ? '' : undefined);
  if (key === undefined) return;
  const r = t.byReason[key] ?? (t.byReason[key] = { state, text: reasonText ?? (key === '' ? 'No reason' : key), ms: 0 });
  r.ms += ms;
  if (reasonText && r.text === key) r.text = reasonText;
}
