// The over-limit mark, written into the bars' pixel buffer like the bars themselves (so it costs no
// paths and works in the exact and level-of-detail modes alike): a striped "warning tape" along the
// top of the bar over the part beyond the limit, and a solid edge where the limit was reached. The
// tape alternates the theme's warning colour with black or white, so it shows on every state colour
// in light, dark and high-contrast themes.
import type { ColumnarDataset } from '../../shared/columnar';
import type { OverLimitColumns } from '../../shared/overLimitColumns';
import { overColumns } from '../model/overLimitSearch';
import type { TimeWindow } from '../model/timeScale';
import type { Theme } from './theme';

/** Lanes whose bar is thinner than this get no mark (too thin to tell it from the bar). */
export const MIN_OVER_BAR_PX = 4;

export class OverLimitPainter {
  private mask = new Uint8Array(0);

  /** Paints the mark of `lane` into `px` (width W, height H) for the bar rows [top, bottom). */
  paint(px: Uint32Array, W: number, H: number, top: number, bottom: number, ol: OverLimitColumns, ds: ColumnarDataset, lane: number, window: TimeWindow, theme: Theme): void {
    if (bottom - top < MIN_OVER_BAR_PX || ol.laneOffsets[lane] === ol.laneOffsets[lane + 1]) return;
    if (this.mask.length < W) this.mask = new Uint8Array(W);
    const mask = this.mask;
    if (!overColumns(ol, ds, lane, window, W, mask)) return;
    const tapeH = bottom - top >= 12 ? 3 : 2;
    const tile = theme.overTile;
    for (let y = Math.max(0, top); y < Math.min(H, top + tapeH); y++) {
      const base = y * W;
      const trow = (y & 7) * 8;
      for (let x = 0; x < W; x++) if (mask[x]) px[base + x] = tile[trow + (x & 7)];
    }
    // the edge where each over part begins, down the whole bar
    for (let x = 0; x < W; x++) {
      if (!mask[x] || (x > 0 && mask[x - 1])) continue;
      for (let y = Math.max(0, top); y < Math.min(H, bottom); y++) px[y * W + x] = theme.overEdge;
    }
  }
}
