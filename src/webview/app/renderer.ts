// The hand-written Canvas 2D renderer (docs/timeline-rendering.md): only the lanes on screen, the
// visible window of each lane by binary search, sub-pixel runs merged per pixel column, and the
// level-of-detail pyramid when zoomed far out. Bars are written straight into a Uint32Array over an
// ImageData (one putImageData a frame, patterns included); text, markers and outlines are drawn on
// top with a handful of paths. All the geometry comes from the pure modules in ../model.
import { AGENT_STATE_LABEL } from '../../domain/agentState';
import { stateOfCode, type ColumnarDataset } from '../../shared/columnar';
import type { TimeZoneMode } from '../../shared/protocol';
import { AXIS_LABEL_PAD, axisTicks, placeAxisLabels } from '../model/timeTicks';
import { visibleIntervals, visibleMarkers } from '../model/laneSearch';
import { ColumnScratch, EMPTY, laneColumns } from '../model/pixelColumns';
import type { LodPyramid } from '../model/lodPyramid';
import type { OverLimitColumns } from '../../shared/overLimitColumns';
import { OverLimitPainter } from './overLimitPaint';
import { visibleRows, type LaneLayout } from '../model/laneLayout';
import type { TimeWindow } from '../model/timeScale';
import type { Theme } from './theme';

export const AXIS_HEIGHT = 30;
/** Switch to the pyramid when more intervals than this are on screen (or lanes are thin). */
export const LOD_INTERVALS = 8000;
export const MIN_LABEL_PX = 30;
export const MIN_LABEL_LANE_PX = 14;

export interface Frame {
  ds: ColumnarDataset;
  layout: LaneLayout;
  window: TimeWindow;
  now: number;
  scrollTop: number;
  /** plot size in CSS px (the axis is above it) */
  width: number;
  height: number;
  dpr: number;
  tz: TimeZoneMode;
  theme: Theme;
  pyramid: LodPyramid;
  /** parts of intervals over their time limit, marked on the bars */
  overLimit?: OverLimitColumns;
  hoverRow: number;
  selected: { lane: number; index: number } | undefined;
  dragSelect: { x0: number; x1: number } | undefined;
}
export interface FrameStats { mode: 'exact' | 'lod'; visibleIntervals: number; lanesDrawn: number; drawMs: number; ticks: string[] }

/** Vertical geometry of the bar inside a lane row [y0, y1). */
export function barBand(y0: number, y1: number): { top: number; bottom: number; thinTop: number; thinBottom: number } {
  const h = y1 - y0;
  const pad = h >= 18 ? 4 : h >= 10 ? 2 : h >= 4 ? 1 : 0;
  const top = y0 + pad;
  const bottom = Math.max(top + 1, y1 - pad);
  const barH = bottom - top;
  const inset = barH >= 6 ? Math.round(barH * 0.36) : 0;
  return { top, bottom, thinTop: top + inset, thinBottom: bottom - inset };
}

export class TimelineRenderer {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly bars = document.createElement('canvas');
  private readonly barsCtx: CanvasRenderingContext2D;
  private image: ImageData | undefined;
  private pixels = new Uint32Array(0);
  private readonly scratch = new ColumnScratch();
  private readonly over = new OverLimitPainter();
  private cols = new Uint8Array(0);
  private readonly textWidths = new Map<string, number>();
  private textFont = '';

  constructor(private readonly canvas: HTMLCanvasElement) {
    const ctx = canvas.getContext('2d', { alpha: false });
    const barsCtx = this.bars.getContext('2d');
    if (!ctx || !barsCtx) throw new Error('Canvas 2D is not available.');
    this.ctx = ctx;
    this.barsCtx = barsCtx;
  }

  draw(f: Frame): FrameStats {
    const t0 = performance.now();
    const { ctx, canvas } = this;
    this.tilesRef = f.theme.tiles;
    const W = Math.max(1, Math.floor(f.width));
    const H = Math.max(1, Math.floor(f.height));
    const pw = Math.round(W * f.dpr);
    const ph = Math.round((H + AXIS_HEIGHT) * f.dpr);
    if (canvas.width !== pw || canvas.height !== ph) { canvas.width = pw; canvas.height = ph; }
    ctx.setTransform(f.dpr, 0, 0, f.dpr, 0, 0);
    ctx.fillStyle = f.theme.background;
    ctx.fillRect(0, 0, W, H + AXIS_HEIGHT);
    const font = `${f.theme.fontSize}px ${f.theme.font}`;
    if (font !== this.textFont) { this.textFont = font; this.textWidths.clear(); }
    ctx.font = font;

    const [r0, r1] = visibleRows(f.layout, f.scrollTop, H);
    const rh = f.layout.rowHeight;
    const rowY = (r: number) => AXIS_HEIGHT + Math.round(r * rh - f.scrollTop);

    // lane backgrounds: zebra, group headers, hover
    if (rh >= 8) {
      for (let r = r0; r < r1; r++) {
        const row = f.layout.rows[r];
        const y0 = rowY(r);
        const y1 = rowY(r + 1);
        if (row.kind === 'group') { ctx.fillStyle = f.theme.hover; ctx.fillRect(0, y0, W, y1 - y0); continue; }
        if (r === f.hoverRow) { ctx.fillStyle = f.theme.hover; ctx.fillRect(0, y0, W, y1 - y0); } else if (r % 2 === 1) { ctx.fillStyle = f.theme.zebra; ctx.fillRect(0, y0, W, y1 - y0); }
      }
    }

    // decide exact vs level-of-detail
    let visible = 0;
    for (let r = r0; r < r1; r++) {
      const row = f.layout.rows[r];
      if (row.kind !== 'lane') continue;
      const [a, b] = visibleIntervals(f.ds, row.lane, f.window.start, f.window.end);
      visible += b - a;
    }
    const msPerPx = (f.window.end - f.window.start) / W;
    const level = f.pyramid.levelFor(msPerPx);
    const lod = level >= 0 && (rh < 6 || visible > LOD_INTERVALS);

    const lanesDrawn = this.drawBars(f, W, H, r0, r1, lod, level);
    this.drawGrid(f, W, H);
    if (!lod && rh >= MIN_LABEL_LANE_PX) this.drawLabels(f, W, r0, r1, rowY);
    if (rh >= 6) this.drawMarkers(f, W, r0, r1, rowY);
    this.drawSelection(f, W, rowY);
    const ticks = this.drawAxis(f, W, H);
    if (f.dragSelect) {
      const x0 = Math.min(f.dragSelect.x0, f.dragSelect.x1);
      const x1 = Math.max(f.dragSelect.x0, f.dragSelect.x1);
      ctx.globalAlpha = 0.18;
      ctx.fillStyle = f.theme.selection;
      ctx.fillRect(x0, AXIS_HEIGHT, x1 - x0, H);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = f.theme.selection;
      ctx.lineWidth = 1;
      ctx.strokeRect(x0 + 0.5, AXIS_HEIGHT + 0.5, Math.max(0, x1 - x0 - 1), H - 1);
    }
    return { mode: lod ? 'lod' : 'exact', visibleIntervals: visible, lanesDrawn, drawMs: performance.now() - t0, ticks };
  }

  private drawBars(f: Frame, W: number, H: number, r0: number, r1: number, lod: boolean, level: number): number {
    if (!this.image || this.image.width !== W || this.image.height !== H) {
      this.image = this.barsCtx.createImageData(W, H);
      this.pixels = new Uint32Array(this.image.data.buffer);
      this.bars.width = W;
      this.bars.height = H;
    }
    if (this.cols.length < W) this.cols = new Uint8Array(W);
    const px = this.pixels;
    px.fill(0);
    const cols = this.cols;
    const rh = f.layout.rowHeight;
    const fillLane = (lane: number) => {
      if (lod) f.pyramid.sample(lane, level, f.window, W, cols);
      else laneColumns(f.ds, lane, f.window, W, this.scratch, cols);
    };
    let drawn = 0;
    if (rh >= 1.5) {
      for (let r = r0; r < r1; r++) {
        const row = f.layout.rows[r];
        if (row.kind !== 'lane') continue;
        const y0 = Math.round(r * rh - f.scrollTop);
        const band = barBand(y0, Math.round((r + 1) * rh - f.scrollTop));
        fillLane(row.lane);
        drawn++;
        for (let y = Math.max(0, band.top); y < Math.min(H, band.bottom); y++) {
          this.paintRow(px, W, y, cols, y >= band.thinTop && y < band.thinBottom);
        }
        if (f.overLimit) this.over.paint(px, W, H, band.top, band.bottom, f.overLimit, f.ds, row.lane, f.window, f.theme);
      }
    } else {
      // lanes thinner than ~a pixel share pixel rows: each row shows the lane at its centre
      let lastLane = -1;
      for (let y = 0; y < H; y++) {
        const r = Math.floor((y + 0.5 + f.scrollTop) / rh);
        if (r < 0 || r >= f.layout.rows.length) continue;
        const row = f.layout.rows[r];
        if (row.kind !== 'lane') continue;
        if (row.lane !== lastLane) { fillLane(row.lane); lastLane = row.lane; drawn++; }
        this.paintRow(px, W, y, cols, true);
      }
    }
    this.barsCtx.putImageData(this.image, 0, 0);
    this.ctx.imageSmoothingEnabled = false;
    this.ctx.drawImage(this.bars, 0, AXIS_HEIGHT, W, H);
    return drawn;
  }

  /** One pixel row of a lane from its column states; offline only inside the thin track. */
  private paintRow(px: Uint32Array, W: number, y: number, cols: Uint8Array, inThin: boolean): void {
    const tiles = this.tilesRef;
    const base = y * W;
    const trow = (y & 7) * 8;
    let x = 0;
    while (x < W) {
      const s = cols[x];
      let e = x + 1;
      while (e < W && cols[e] === s) e++;
      if (s !== EMPTY && (s !== 3 || inThin)) {
        const tile = tiles[s];
        for (let i = x; i < e; i++) px[base + i] = tile[trow + (i & 7)];
      }
      x = e;
    }
  }
  private tilesRef: Uint32Array[] = [];

  private drawGrid(f: Frame, W: number, H: number): void {
    const { ticks } = axisTicks(f.window, W, f.tz);
    const ctx = this.ctx;
    for (const major of [false, true]) {
      ctx.beginPath();
      for (const t of ticks) {
        if (t.major !== major) continue;
        const x = Math.round(((t.t - f.window.start) / (f.window.end - f.window.start)) * W) + 0.5;
        ctx.moveTo(x, AXIS_HEIGHT);
        ctx.lineTo(x, AXIS_HEIGHT + H);
      }
      ctx.strokeStyle = major ? f.theme.gridMajor : f.theme.grid;
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    if (f.now > f.window.start && f.now <= f.window.end) {
      const x = Math.min(W - 1, Math.round(((f.now - f.window.start) / (f.window.end - f.window.start)) * W)) + 0.5;
      ctx.save();
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = f.theme.now;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x, AXIS_HEIGHT);
      ctx.lineTo(x, AXIS_HEIGHT + H);
      ctx.stroke();
      ctx.restore();
    }
  }

  private measure(text: string): number {
    let w = this.textWidths.get(text);
    if (w === undefined) {
      w = this.ctx.measureText(text).width;
      if (this.textWidths.size > 5000) this.textWidths.clear();
      this.textWidths.set(text, w);
    }
    return w;
  }
  /** The text cut with an ellipsis to fit `avail` px, or '' when not even three characters fit. */
  fit(text: string, avail: number): string {
    const w = this.measure(text);
    if (w <= avail) return text;
    const ell = this.measure('…');
    let n = Math.floor((text.length * (avail - ell)) / w);
    while (n >= 3 && this.measure(text.slice(0, n)) + ell > avail) n--;
    return n >= 3 ? `${text.slice(0, n).trimEnd()}…` : '';
  }

  private drawLabels(f: Frame, W: number, r0: number, r1: number, rowY: (r: number) => number): void {
    const { ctx, theme } = { ctx: this.ctx, theme: f.theme };
    const hc = theme.kind === 'highContrast';
    const k = W / (f.window.end - f.window.start);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    for (let r = r0; r < r1; r++) {
      const row = f.layout.rows[r];
      if (row.kind !== 'lane') continue;
      const band = barBand(rowY(r), rowY(r + 1));
      const [a, b] = visibleIntervals(f.ds, row.lane, f.window.start, f.window.end);
      for (let i = a; i < b; i++) {
        const x0 = Math.max(0, (f.ds.start[i] - f.window.start) * k);
        const x1 = Math.min(W, (f.ds.end[i] - f.window.start) * k);
        if (x1 - x0 < MIN_LABEL_PX) continue;
        const s = f.ds.state[i];
        const reason = f.ds.reasons[f.ds.reason[i]];
        const text = hc ? (reason ? `${AGENT_STATE_LABEL[stateOfCode(s)]} · ${reason}` : AGENT_STATE_LABEL[stateOfCode(s)]) : reason;
        if (!text) continue;
        const shown = this.fit(text, x1 - x0 - 8);
        if (!shown) continue;
        if (s === 3) {
          // offline is a thin track: put its label above the track, in the muted colour
          if (band.thinTop - band.top < 9) continue;
          ctx.fillStyle = theme.muted;
          ctx.fillText(shown, x0 + 4, (band.top + band.thinTop) / 2);
        } else {
          // a solid plate behind the text: the hatch/dots never run under the letters
          const mid = (band.top + band.bottom) / 2;
          const plateH = Math.min(band.bottom - band.top - 2, theme.fontSize + 4);
          ctx.fillStyle = theme.labelPlate[s];
          ctx.fillRect(Math.round(x0 + 2), Math.round(mid - plateH / 2), Math.ceil(this.measure(shown) + 4), Math.round(plateH));
          ctx.fillStyle = theme.onState[s];
          ctx.fillText(shown, x0 + 4, mid + 0.5);
        }
      }
    }
  }

  private drawMarkers(f: Frame, W: number, r0: number, r1: number, rowY: (r: number) => number): void {
    const ctx = this.ctx;
    const k = W / (f.window.end - f.window.start);
    const lines = new Path2D();
    const login = new Path2D();
    const logout = new Path2D();
    for (let r = r0; r < r1; r++) {
      const row = f.layout.rows[r];
      if (row.kind !== 'lane') continue;
      const y0 = rowY(r);
      const y1 = rowY(r + 1);
      const [a, b] = visibleMarkers(f.ds, row.lane, f.window.start, f.window.end);
      let lastX = -Infinity;
      for (let i = a; i < b; i++) {
        const x = Math.round((f.ds.markerTime[i] - f.window.start) * k) + 0.5;
        if (x - lastX < 3) continue;
        lastX = x;
        lines.moveTo(x, y0 + 1);
        lines.lineTo(x, y1 - 1);
        const sz = Math.min(4, (y1 - y0) / 4);
        if (f.ds.markerKind[i] === 0) { login.moveTo(x, y0 + 1); login.lineTo(x + sz + 1, y0 + 1 + sz); login.lineTo(x, y0 + 1 + 2 * sz); login.closePath(); }
        else { logout.rect(x - sz, y1 - 1 - sz, sz, sz); }
      }
    }
    ctx.strokeStyle = f.theme.marker;
    ctx.lineWidth = 1;
    ctx.globalAlpha = 0.85;
    ctx.stroke(lines);
    ctx.fillStyle = f.theme.marker;
    ctx.fill(login);
    ctx.fill(logout);
    ctx.globalAlpha = 1;
  }

  private drawSelection(f: Frame, W: number, rowY: (r: number) => number): void {
    if (!f.selected) return;
    const row = f.layout.rowOfLane[f.selected.lane];
    if (row < 0) return;
    const i = f.selected.index;
    const k = W / (f.window.end - f.window.start);
    const x0 = Math.max(-2, (f.ds.start[i] - f.window.start) * k);
    const x1 = Math.min(W + 2, (f.ds.end[i] - f.window.start) * k);
    if (x1 < 0 || x0 > W) return;
    const y0 = rowY(row);
    const y1 = rowY(row + 1);
    if (y1 < AXIS_HEIGHT) return;
    const ctx = this.ctx;
    ctx.strokeStyle = f.theme.selection;
    ctx.lineWidth = 2;
    ctx.strokeRect(Math.round(x0) + 1, y0 + 1, Math.max(2, Math.round(x1 - x0) - 2), Math.max(2, y1 - y0 - 2));
  }

  private drawAxis(f: Frame, W: number, _H: number): string[] {
    const ctx = this.ctx;
    const { ticks, context } = axisTicks(f.window, W, f.tz);
    ctx.fillStyle = f.theme.background;
    ctx.fillRect(0, 0, W, AXIS_HEIGHT);
    ctx.fillStyle = f.theme.gridMajor;
    ctx.fillRect(0, AXIS_HEIGHT - 1, W, 1);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const contextW = this.measure(context) + 16;
    const firstMajorX = ticks.find(t => t.major) ? ((ticks.find(t => t.major)!.t - f.window.start) / (f.window.end - f.window.start)) * W : Infinity;
    const showContext = firstMajorX > contextW || !ticks.length;
    const labels: string[] = [];
    const xs = ticks.map(t => Math.round(((t.t - f.window.start) / (f.window.end - f.window.start)) * W));
    ticks.forEach((t, i) => {
      ctx.fillStyle = t.major ? f.theme.gridMajor : f.theme.grid;
      ctx.fillRect(xs[i], AXIS_HEIGHT - (t.major ? 10 : 6), 1, t.major ? 10 : 6);
    });
    // whole labels only: one that would be cut at the right edge is left out
    for (const i of placeAxisLabels(ticks.map((t, i) => ({ x: xs[i], width: this.measure(t.label) })), W, showContext ? contextW : 0)) {
      const t = ticks[i];
      ctx.fillStyle = t.major ? f.theme.foreground : f.theme.muted;
      ctx.fillText(t.label, xs[i] + AXIS_LABEL_PAD, AXIS_HEIGHT / 2 - 2);
      labels.push(t.label);
    }
    if (showContext) {
      ctx.fillStyle = f.theme.foreground;
      ctx.fillText(context, 6, AXIS_HEIGHT / 2 - 2);
      labels.unshift(context);
    }
    if (f.now > f.window.start && f.now <= f.window.end) {
      const x = Math.min(W - 4, ((f.now - f.window.start) / (f.window.end - f.window.start)) * W);
      ctx.fillStyle = f.theme.now;
      ctx.beginPath();
      ctx.moveTo(x - 4, AXIS_HEIGHT - 6);
      ctx.lineTo(x + 4, AXIS_HEIGHT - 6);
      ctx.lineTo(x, AXIS_HEIGHT);
      ctx.closePath();
      ctx.fill();
    }
    return labels;
  }
}
