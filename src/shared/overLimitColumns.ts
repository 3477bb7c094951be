// The over-limit parts of a timeline in columnar form, posted next to the dataset (columnar.ts):
// only the intervals that ran over, cut into lanes by offsets like the dataset, so the renderer
// binary-searches the visible ones per lane and a dataset with no limits costs nothing. Part k is
// the time [from[k], dataset.end[index[k]]) of interval index[k]; parts are sorted within a lane.
// Computed on the host (timelineOverLimit.ts), again when the limit settings change.
import type { LimitPolicy } from '../domain/timeLimits';
import { describeRule } from '../domain/timeLimits';
import { forEachOverLimit } from '../domain/timelineOverLimit';
import type { AgentTimeline } from '../domain/timelineTypes';
import type { ColumnarDataset } from './columnar';

export interface OverLimitColumns {
  /** true when at least one time-limit rule is set (the legend then explains the mark) */
  active: boolean;
  /** lanes.length + 1 entries: lane i owns parts [laneOffsets[i], laneOffsets[i+1]) */
  laneOffsets: Uint32Array;
  /** the interval (index into the dataset's columns) each part belongs to */
  index: Uint32Array;
  /** where the over part starts; it ends with its interval */
  from: Float64Array;
  /** index into `rules` */
  rule: Uint16Array;
  /** each applied rule as the tooltip names it: "Away · Lunch: 30 min" */
  rules: string[];
}

/** The over-limit parts of timelines packed in the same lane and interval order as packTimelines. */
export function packOverLimit(timelines: readonly AgentTimeline[], policy: LimitPolicy | undefined): OverLimitColumns {
  const index: number[] = [];
  const from: number[] = [];
  const rule: number[] = [];
  const rules: string[] = [];
  const ruleIndex = new Map<object, number>();
  const laneOffsets = new Uint32Array(timelines.length + 1);
  let base = 0;
  timelines.forEach((t, lane) => {
    laneOffsets[lane] = index.length;
    if (policy) {
      forEachOverLimit(t.intervals, policy, (i, f, limit) => {
        let r = ruleIndex.get(limit.rule);
        if (r === undefined) { r = rules.push(describeRule(limit.rule)) - 1; ruleIndex.set(limit.rule, r); }
        index.push(base + i);
        from.push(f);
        rule.push(r);
      });
    }
    base += t.intervals.length;
  });
  laneOffsets[timelines.length] = index.length;
  return { active: !!policy && policy.rules.length > 0, laneOffsets, index: Uint32Array.from(index), from: Float64Array.from(from), rule: Uint16Array.from(rule), rules };
}

export function emptyOverLimit(lanes: number): OverLimitColumns {
  return { active: false, laneOffsets: new Uint32Array(lanes + 1), index: new Uint32Array(0), from: new Float64Array(0), rule: new Uint16Array(0), rules: [] };
}

/** Every ArrayBuffer of the columns (for a transfer list). */
export function overLimitBuffers(o: OverLimitColumns): ArrayBuffer[] {
  return [o.laneOffsets, o.index, o.from, o.rule].map(a => a.buffer as ArrayBuffer);
}

/** Checks columns that came over the wire against their dataset. Returns a problem or undefined. */
export function overLimitProblem(x: unknown, ds: ColumnarDataset): string | undefined {
  if (typeof x !== 'object' || x === null) return 'overLimit is not an object';
  const o = x as Record<string, unknown>;
  if (typeof o.active !== 'boolean') return 'overLimit.active is not a boolean';
  if (!(o.laneOffsets instanceof Uint32Array) || !(o.index instanceof Uint32Array) || !(o.from instanceof Float64Array) || !(o.rule instanceof Uint16Array)) return 'overLimit columns have the wrong types';
  if (!Array.isArray(o.rules) || !o.rules.every(r => typeof r === 'string' && r.length <= 500)) return 'overLimit.rules must be strings';
  const c = x as OverLimitColumns;
  const lanes = ds.lanes.length;
  const n = c.index.length;
  if (c.laneOffsets.length !== lanes + 1 || c.laneOffsets[0] !== 0 || c.laneOffsets[lanes] !== n) return 'overLimit offsets do not match the lanes';
  if (c.from.length !== n || c.rule.length !== n) return 'overLimit columns differ in length';
  for (let lane = 0; lane < lanes; lane++) {
    const a = c.laneOffsets[lane];
    const b = c.laneOffsets[lane + 1];
    if (a > b) return `overLimit offsets of lane ${lane} go backwards`;
    for (let k = a; k < b; k++) {
      const i = c.index[k];
      if (i < ds.laneOffsets[lane] || i >= ds.laneOffsets[lane + 1]) return `overLimit part ${k} is not in lane ${lane}`;
      if (k > a && i <= c.index[k - 1]) return `overLimit parts of lane ${lane} are unsorted`;
      if (!(c.from[k] >= ds.start[i] && c.from[k] < ds.end[i])) return `overLimit part ${k} is outside its interval`;
      if (c.rule[k] >= c.rules.length) return `overLimit part ${k} points past the rules`;
    }
  }
  return undefined;
}
