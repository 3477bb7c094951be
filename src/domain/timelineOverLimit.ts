// Which part of each timeline interval ran over its time limit (settings `liveperson.agents.timeLimits`,
// compiled by timeLimits.ts). Pure, one pass per lane, no allocation per interval that is not over.
//
// The rules, exactly:
// - An interval's limit is `policy.limitFor(state, reasonText)`: a reason rule beats a state rule;
//   Offline has no limit. An interval with a reason id but no known text gets its state's rule.
// - A REASON rule counts from the interval's own start: over from `start + L` to `end`.
// - A STATE rule counts from the start of the state EPISODE: the run of consecutive intervals of the
//   same state with no gap between them (one ends where the next starts), whatever their reasons or
//   sessions. E.g. Away (no reason) 10 min, then Away · Coffee 10 min, with "Away: 15 min" and no rule
//   for Coffee: the Coffee interval is over from its 5th minute. Over from `max(start, episodeStart + L)`.
//   A reason interval in the middle of an episode does not restart it.
// - Only what the timeline holds is known: an episode (or interval) that began before the window
//   counts from the window's start (the timeline is clipped there), and a gap (unknown state) ends it.
// - The open "now" interval is over up to its current end, so its over part grows with the data.
// - `disconnectedMs` of the policy has no effect here: Agent Activity intervals carry no connection state.
import type { AppliedLimit, LimitPolicy } from './timeLimits';
import type { AgentTimeline, StatusInterval, TimeWindow } from './timelineTypes';

/** Calls `visit(i, overFrom, limit)` for every interval of one lane (sorted, non-overlapping) that ran over. */
export function forEachOverLimit(intervals: readonly StatusInterval[], policy: LimitPolicy, visit: (index: number, overFrom: number, limit: AppliedLimit) => void): void {
  if (!policy.rules.length) return;
  let episodeStart = 0;
  for (let i = 0; i < intervals.length; i++) {
    const iv = intervals[i];
    const prev = i > 0 ? intervals[i - 1] : undefined;
    if (!prev || prev.state !== iv.state || prev.end !== iv.start) episodeStart = iv.start;
    const limit = policy.limitFor(iv.state, iv.reasonText);
    if (!limit) continue;
    const from = limit.byReason ? iv.start + limit.ms : Math.max(iv.start, episodeStart + limit.ms);
    if (from < iv.end) visit(i, from, limit);
  }
}

export interface OverLimitPart {
  /** index of the interval in its lane */
  index: number;
  /** the over part is [from, the interval's end) */
  from: number;
  limit: AppliedLimit;
}

/** The over-limit parts of one lane, in order. */
export function overLimitParts(intervals: readonly StatusInterval[], policy: LimitPolicy): OverLimitPart[] {
  const out: OverLimitPart[] = [];
  forEachOverLimit(intervals, policy, (index, from, limit) => out.push({ index, from, limit }));
  return out;
}

/** Milliseconds over the limit of one timeline, the over parts clipped to `window`. */
export function overLimitMs(timeline: AgentTimeline, policy: LimitPolicy, window: TimeWindow): number {
  let ms = 0;
  forEachOverLimit(timeline.intervals, policy, (i, from) => { ms += clippedMs(from, timeline.intervals[i].end, window); });
  return ms;
}

export function clippedMs(from: number, to: number, window: TimeWindow): number {
  const s = from < window.from ? window.from : from;
  const e = to > window.to ? window.to : to;
  return e > s ? e - s : 0;
}
