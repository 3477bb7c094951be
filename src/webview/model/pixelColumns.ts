// Sub-pixel merging: every pixel column of a lane takes the state that covered most of its time
// (a gap counts as a competitor, so mostly-empty columns stay empty). Cost is O(visible intervals +
// columns) per lane whatever the zoom, and the output is at most one run per column.
import { STATE_COUNT, type ColumnarDataset } from '../../shared/columnar';
import { visibleIntervals } from './laneSearch';
import type { TimeWindow } from './timeScale';

export const EMPTY = 255;

/** Reusable scratch space (coverage per column per state) so a frame allocates nothing. */
export class ColumnScratch {
  coverage = new Float32Array(0);
  ensure(width: number): Float32Array {
    if (this.coverage.length < width * STATE_COUNT) this.coverage = new Float32Array(width * STATE_COUNT);
    return this.coverage;
  }
}

/**
 * Fills out[0..width) with the dominant state code of each column (EMPTY where no data dominates).
 * Returns the number of intervals visited.
 */
export function laneColumns(ds: ColumnarDataset, lane: number, w: TimeWindow, width: number, scratch: ColumnScratch, out: Uint8Array): number {
  const cov = scratch.ensure(width);
  cov.fill(0, 0, width * STATE_COUNT);
  out.fill(EMPTY, 0, width);
  const [first, last] = visibleIntervals(ds, lane, w.start, w.end);
  const k = width / (w.end - w.start);
  let touchedLo = width;
  let touchedHi = -1;
  for (let i = first; i < last; i++) {
    let x0 = (ds.start[i] - w.start) * k;
    let x1 = (ds.end[i] - w.start) * k;
    if (x0 < 0) x0 = 0;
    if (x1 > width) x1 = width;
    if (!(x1 > x0)) continue;
    const s = ds.state[i];
    const c0 = Math.floor(x0);
    const c1 = Math.min(Math.ceil(x1), width) - 1;
    if (c0 < touchedLo) touchedLo = c0;
    if (c1 > touchedHi) touchedHi = c1;
    if (c0 === c1) { cov[c0 * STATE_COUNT + s] += x1 - x0; continue; }
    cov[c0 * STATE_COUNT + s] += c0 + 1 - x0;
    for (let c = c0 + 1; c < c1; c++) cov[c * STATE_COUNT + s] += 1;
    cov[c1 * STATE_COUNT + s] += x1 - c1;
  }
  for (let c = touchedLo; c <= touchedHi; c++) {
    const b = c * STATE_COUNT;
    let best = EMPTY;
    let bestCov = 0;
    let total = 0;
    for (let s = 0; s < STATE_COUNT; s++) {
      const v = cov[b + s];
      total += v;
      if (v > bestCov) { bestCov = v; best = s; }
    }
    // the part of the column with no data competes too; ties go to the data
    out[c] = bestCov >= 1 - total ? best : EMPTY;
  }
  return last - first;
}

export interface Run { x0: number; x1: number; state: number }

/** Runs of equal, non-empty columns: [x0, x1) in columns. */
export function columnRuns(cols: Uint8Array, width: number): Run[] {
  const runs: Run[] = [];
  let c = 0;
  while (c < width) {
    const s = cols[c];
    let e = c + 1;
    while (e < width && cols[e] === s) e++;
    if (s !== EMPTY) runs.push({ x0: c, x1: e, state: s });
    c = e;
  }
  return runs;
}
