// Lookups over the over-limit parts (shared/overLimitColumns.ts) for the renderer and the tooltip:
// the parts visible in a window by binary search, a lane's pixel columns that are over, and the
// part of one interval. No DOM; the cost per frame is the parts on screen, not the dataset's size.
import { FLAG_OPEN, type ColumnarDataset } from '../../shared/columnar';
import type { OverLimitColumns } from '../../shared/overLimitColumns';
import type { TimeWindow } from './timeScale';

/** Parts [a, b) of `lane` that overlap [t0, t1). */
export function visibleOverParts(ol: OverLimitColumns, ds: ColumnarDataset, lane: number, t0: number, t1: number): [number, number] {
  let lo = ol.laneOffsets[lane];
  let hi = ol.laneOffsets[lane + 1];
  const end = hi;
  // first part whose end is after t0 (parts end with their intervals: sorted)
  while (lo < hi) { const m = (lo + hi) >>> 1; if (ds.end[ol.index[m]] <= t0) lo = m + 1; else hi = m; }
  const a = lo;
  hi = end;
  // first part starting at or after t1
  while (lo < hi) { const m = (lo + hi) >>> 1; if (ol.from[m] < t1) lo = m + 1; else hi = m; }
  return [a, lo];
}

/**
 * Marks in `mask` (length ≥ width; cleared here) the pixel columns of `lane` that show over-limit
 * time: every part covers at least one column. Returns how many parts were visible.
 */
export function overColumns(ol: OverLimitColumns, ds: ColumnarDataset, lane: number, window: TimeWindow, width: number, mask: Uint8Array): number {
  mask.fill(0, 0, width);
  const [a, b] = visibleOverParts(ol, ds, lane, window.start, window.end);
  const k = width / (window.end - window.start);
  for (let p = a; p < b; p++) {
    const x0 = Math.max(0, Math.floor((ol.from[p] - window.start) * k));
    const x1 = Math.min(width, Math.max(x0 + 1, Math.ceil((ds.end[ol.index[p]] - window.start) * k)));
    mask.fill(1, x0, x1);
  }
  return b - a;
}

/** The part of interval `i` of `lane`, or -1 when it is not over its limit. */
export function overPartOf(ol: OverLimitColumns, lane: number, i: number): number {
  let lo = ol.laneOffsets[lane];
  let hi = ol.laneOffsets[lane + 1];
  while (lo < hi) { const m = (lo + hi) >>> 1; if (ol.index[m] < i) lo = m + 1; else hi = m; }
  return lo < ol.laneOffsets[lane + 1] && ol.index[lo] === i ? lo : -1;
}

export interface OverLimitDetail {
  /** how long the interval ran over its limit */
  ms: number;
  /** the rule, as "Away · Lunch: 30 min" */
  rule: string;
  /** still going: the over time grows */
  open: boolean;
}

export function overLimitDetail(ol: OverLimitColumns | undefined, ds: ColumnarDataset, lane: number, i: number): OverLimitDetail | undefined {
  if (!ol) return undefined;
  const p = overPartOf(ol, lane, i);
  if (p < 0) return undefined;
  return { ms: ds.end[i] - ol.from[p], rule: ol.rules[ol.rule[p]] ?? '', open: (ds.flags[i] & FLAG_OPEN) !== 0 };
}
