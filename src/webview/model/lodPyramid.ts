// Level-of-detail pyramids for zoomed-out views: per lane, the dominant state per time bin at bin
// widths base·2^L, built lazily per lane. Drawing a zoomed-out lane then costs O(columns) — one
// lookup per pixel column in the coarsest level whose bins are no wider than a pixel — instead of
// O(intervals in view).
import { STATE_COUNT, type ColumnarDataset } from '../../shared/columnar';
import { EMPTY } from './pixelColumns';
import type { TimeWindow } from './timeScale';

const MINUTE = 60_000;
/** Level 0 has at most this many bins per lane (memory: ~2 bytes per bin over all levels). */
export const MAX_BASE_BINS = 8192;

export function baseBinMs(rangeMs: number): number {
  let bin = MINUTE;
  while (rangeMs / bin > MAX_BASE_BINS) bin *= 2;
  return bin;
}

export class LodPyramid {
  readonly baseMs: number;
  private readonly levels: (Uint8Array[] | undefined)[];
  private scratch = new Float32Array(0);

  constructor(private readonly ds: ColumnarDataset, readonly bounds: TimeWindow) {
    this.baseMs = baseBinMs(Math.max(bounds.end - bounds.start, MINUTE));
    this.levels = new Array(ds.lanes.length);
  }

  /** Coarsest level whose bin width is ≤ msPerPixel, or -1 when even level 0 is too coarse. */
  levelFor(msPerPixel: number): number {
    if (msPerPixel < this.baseMs) return -1;
    return Math.floor(Math.log2(msPerPixel / this.baseMs) + 1e-9);
  }
  binMs(level: number): number { return this.baseMs * 2 ** level; }
  isBuilt(lane: number): boolean { return this.levels[lane] !== undefined; }

  /** The lane's levels (building them on first use). Level L has ceil(range / binMs(L)) bins. */
  lane(lane: number): Uint8Array[] {
    return this.levels[lane] ?? (this.levels[lane] = this.build(lane));
  }

  private build(lane: number): Uint8Array[] {
    const { ds, bounds, baseMs } = this;
    const n0 = Math.max(1, Math.ceil((bounds.end - bounds.start) / baseMs));
    if (this.scratch.length < n0 * STATE_COUNT) this.scratch = new Float32Array(n0 * STATE_COUNT);
    const cov = this.scratch;
    cov.fill(0, 0, n0 * STATE_COUNT);
    const k = 1 / baseMs;
    for (let i = ds.laneOffsets[lane]; i < ds.laneOffsets[lane + 1]; i++) {
      const x0 = Math.max(0, (ds.start[i] - bounds.start) * k);
      const x1 = Math.min(n0, (ds.end[i] - bounds.start) * k);
      if (!(x1 > x0)) continue;
      const s = ds.state[i];
      const c0 = Math.floor(x0);
      const c1 = Math.min(Math.ceil(x1), n0) - 1;
      if (c0 === c1) { cov[c0 * STATE_COUNT + s] += x1 - x0; continue; }
      cov[c0 * STATE_COUNT + s] += c0 + 1 - x0;
      for (let c = c0 + 1; c < c1; c++) cov[c * STATE_COUNT + s] += 1;
      cov[c1 * STATE_COUNT + s] += x1 - c1;
    }
    const levels: Uint8Array[] = [];
    let n = n0;
    let width = 1; // bin width of this level in level-0 bins
    for (;;) {
      const dom = new Uint8Array(n);
      for (let b = 0; b < n; b++) {
        let best = EMPTY;
        let bestCov = 0;
        let total = 0;
        for (let s = 0; s < STATE_COUNT; s++) {
          const v = cov[b * STATE_COUNT + s];
          total += v;
          if (v > bestCov) { bestCov = v; best = s; }
        }
        dom[b] = bestCov >= width - total ? best : EMPTY;
      }
      levels.push(dom);
      if (n === 1) break;
      // sum pairs into the next level, in place
      const next = Math.ceil(n / 2);
      for (let b = 0; b < next; b++) {
        for (let s = 0; s < STATE_COUNT; s++) {
          const a = cov[2 * b * STATE_COUNT + s];
          const c = 2 * b + 1 < n ? cov[(2 * b + 1) * STATE_COUNT + s] : 0;
          cov[b * STATE_COUNT + s] = a + c;
        }
      }
      n = next;
      width *= 2;
    }
    return levels;
  }

  /** Fills out[0..width) from the pyramid: the bin under each column's centre at `level`. */
  sample(lane: number, level: number, w: TimeWindow, width: number, out: Uint8Array): void {
    const levels = this.lane(lane);
    const dom = levels[Math.min(level, levels.length - 1)];
    const bin = this.binMs(Math.min(level, levels.length - 1));
    const msPerPx = (w.end - w.start) / width;
    const origin = this.bounds.start;
    for (let c = 0; c < width; c++) {
      const t = w.start + (c + 0.5) * msPerPx;
      const b = Math.floor((t - origin) / bin);
      out[c] = b >= 0 && b < dom.length ? dom[b] : EMPTY;
    }
  }
}
