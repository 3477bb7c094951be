// Binary searches over one lane of the columnar dataset. Intervals in a lane are sorted and do not
// overlap, so both `start` and `end` are sorted: the visible window, hover hit-testing and marker
// culling are all O(log n) per lane.
import type { ColumnarDataset } from '../../shared/columnar';

/** First index in [lo, hi) with a[i] > t (hi when none). */
export function upperBound(a: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] > t) hi = mid; else lo = mid + 1;
  }
  return lo;
}
/** First index in [lo, hi) with a[i] >= t (hi when none). */
export function lowerBound(a: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] >= t) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/** Index range [first, last) of the lane's intervals that intersect [t0, t1). */
export function visibleIntervals(ds: ColumnarDataset, lane: number, t0: number, t1: number): [number, number] {
  const lo = ds.laneOffsets[lane];
  const hi = ds.laneOffsets[lane + 1];
  const first = upperBound(ds.end, lo, hi, t0); // first interval ending after t0
  const last = lowerBound(ds.start, first, hi, t1); // first interval starting at/after t1
  return [first, last];
}

/** Index range [first, last) of the lane's markers within [t0, t1]. */
export function visibleMarkers(ds: ColumnarDataset, lane: number, t0: number, t1: number): [number, number] {
  const lo = ds.markerOffsets[lane];
  const hi = ds.markerOffsets[lane + 1];
  return [lowerBound(ds.markerTime, lo, hi, t0), upperBound(ds.markerTime, lo, hi, t1)];
}

/**
 * The interval of `lane` under time t, or — when t falls in a gap or on a sliver narrower than a
 * pixel — the nearest interval within `toleranceMs`. -1 when none.
 */
export function intervalAt(ds: ColumnarDataset, lane: number, t: number, toleranceMs = 0): number {
  const lo = ds.laneOffsets[lane];
  const hi = ds.laneOffsets[lane + 1];
  if (lo === hi) return -1;
  const i = upperBound(ds.start, lo, hi, t) - 1; // last interval starting at or before t
  if (i >= lo && t < ds.end[i]) return i;
  let best = -1;
  let bestDist = toleranceMs;
  if (i >= lo) { const d = t - ds.end[i]; if (d <= bestDist) { best = i; bestDist = d; } }
  if (i + 1 < hi) { const d = ds.start[i + 1] - t; if (d <= bestDist) { best = i + 1; } }
  return best;
}

/** Index of the interval of `lane` that starts exactly at `start` (selection restore), or -1. */
export function intervalStartingAt(ds: ColumnarDataset, lane: number, start: number): number {
  const lo = ds.laneOffsets[lane];
  const hi = ds.laneOffsets[lane + 1];
  const i = lowerBound(ds.start, lo, hi, start);
  return i < hi && ds.start[i] === start ? i : -1;
}

/** The marker of `lane` nearest to t within toleranceMs, or -1. */
export function markerNear(ds: ColumnarDataset, lane: number, t: number, toleranceMs: number): number {
  const lo = ds.markerOffsets[lane];
  const hi = ds.markerOffsets[lane + 1];
  const i = lowerBound(ds.markerTime, lo, hi, t);
  let best = -1;
  let bestDist = toleranceMs;
  for (const j of [i - 1, i]) {
    if (j >= lo && j < hi) { const d = Math.abs(ds.markerTime[j] - t); if (d <= bestDist) { best = j; bestDist = d; } }
  }
  return best;
}
