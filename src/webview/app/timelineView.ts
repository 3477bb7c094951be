// The chart: canvas + sticky lane names + vertical scrollbar + tooltip, and the state they draw
// (data, visible window, scroll, hover, selection). Input handling lives in chartInput.ts; the
// drawing in renderer.ts; geometry in ../model. Draws at most once per animation frame.
import type { ColumnarDataset } from '../../shared/columnar';
import type { OverLimitColumns } from '../../shared/overLimitColumns';
import type { LaneDensity, SelectionRef, TimeZoneMode } from '../../shared/protocol';
import { intervalAt, intervalStartingAt, markerNear } from '../model/laneSearch';
import { layoutLanes, maxScroll, rowAt, scrollToShow, stepLaneRow, type LaneLayout } from '../model/laneLayout';
import { LodPyramid } from '../model/lodPyramid';
import { clampWindow, panByPixels, xToTime, zoomAt, type TimeWindow } from '../model/timeScale';
import { intervalDetails, markerDetails, type Details } from '../model/intervalDetails';
import { overLimitDetail } from '../model/overLimitSearch';
import { LaneNames } from './laneNames';
import { AXIS_HEIGHT, TimelineRenderer, type FrameStats } from './renderer';
import { readTheme, type Theme } from './theme';
import { Tooltip } from './tooltip';

export interface ChartCallbacks {
  onViewChange(window: TimeWindow): void;
  onSelectionChange(details: Details | undefined, ref: SelectionRef | undefined): void;
}
export type Hit = { kind: 'interval'; lane: number; row: number; index: number } | { kind: 'marker'; lane: number; row: number; index: number };

export class TimelineView {
  readonly canvas: HTMLCanvasElement;
  private readonly renderer: TimelineRenderer;
  private readonly names: LaneNames;
  private readonly vscroll: HTMLDivElement;
  private readonly vspacer: HTMLDivElement;
  readonly tooltip: Tooltip;
  private theme: Theme;
  ds: ColumnarDataset | undefined;
  /** the parts of intervals over their time limit (belongs to `ds`) */
  overLimit: OverLimitColumns | undefined;
  private pyramid: LodPyramid | undefined;
  layout: LaneLayout | undefined;
  bounds: TimeWindow = { start: 0, end: 1 };
  window: TimeWindow = { start: 0, end: 1 };
  now = 0;
  scrollTop = 0;
  hoverRow = -1;
  selected: { lane: number; index: number } | undefined;
  dragSelect: { x0: number; x1: number } | undefined;
  tz: TimeZoneMode = 'local';
  private density: LaneDensity = 'comfortable';
  private groupByGroup = false;
  private frame = 0;
  lastStats: FrameStats | undefined;
  frames = 0;
  /** performance.now() at the end of the last frame (the benchmark's first-paint clock) */
  lastDrawEnd = 0;

  constructor(private readonly root: HTMLElement, private readonly cb: ChartCallbacks) {
    root.classList.add('chart');
    const namesCol = el('div', 'names-col');
    const namesHead = el('div', 'names-head');
    namesHead.textContent = 'Agent';
    const names = el('div', 'names');
    namesCol.append(namesHead, names);
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'plot';
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute('role', 'application');
    this.canvas.setAttribute('aria-roledescription', 'activity timeline');
    this.canvas.setAttribute('aria-label', 'Activity timeline. Arrow keys pan and move between agents, + and − zoom, [ and ] step through intervals, Enter zooms to the selection, 0 resets.');
    this.vscroll = el('div', 'vscroll');
    this.vspacer = el('div', 'vspacer');
    this.vscroll.appendChild(this.vspacer);
    this.tooltip = new Tooltip(el('div', 'tooltip'));
    root.append(namesCol, this.canvas, this.vscroll, this.tooltip.el);
    this.renderer = new TimelineRenderer(this.canvas);
    this.theme = readTheme();
    this.names = new LaneNames(names, row => this.selectRow(row));
    this.vscroll.addEventListener('scroll', () => { this.scrollTop = this.vscroll.scrollTop; this.requestDraw(); });
    names.addEventListener('wheel', e => { e.preventDefault(); this.scrollBy(e.deltaY); }, { passive: false });
    new ResizeObserver(() => { this.relayout(); }).observe(root);
  }

  /** Plot size in CSS px. */
  get plotWidth(): number { return Math.max(1, this.canvas.clientWidth); }
  get plotHeight(): number { return Math.max(1, this.canvas.clientHeight - AXIS_HEIGHT); }

  setData(ds: ColumnarDataset, overLimit: OverLimitColumns, bounds: TimeWindow, now: number, view: TimeWindow | undefined, selection: SelectionRef | undefined): void {
    this.ds = ds;
    this.overLimit = overLimit;
    this.bounds = bounds;
    this.now = now;
    this.pyramid = new LodPyramid(ds, bounds);
    this.window = clampWindow(view ?? bounds, bounds);
    this.selected = undefined;
    this.relayout();
    if (selection) {
      const lane = ds.lanes.findIndex(l => l.agentId === selection.agentId);
      const index = lane >= 0 ? intervalStartingAt(ds, lane, selection.start) : -1;
      if (index >= 0) this.select(lane, index, false);
    }
    this.drawNow(); // first paint without waiting for the next animation frame
  }
  /** New over-limit parts for the same data (the limit settings changed). */
  setOverLimit(overLimit: OverLimitColumns): void {
    this.overLimit = overLimit;
    if (this.selected && this.ds) this.cb.onSelectionChange(this.intervalDetailsOf(this.selected.lane, this.selected.index), { agentId: this.ds.lanes[this.selected.lane].agentId, start: this.ds.start[this.selected.index] });
    this.requestDraw();
  }
  clear(): void {
    this.ds = undefined;
    this.overLimit = undefined;
    this.layout = undefined;
    this.selected = undefined;
    this.tooltip.hide();
    this.drawNow();
  }
  setOptions(o: { tz: TimeZoneMode; density: LaneDensity; groupByGroup: boolean }): void {
    const relayout = o.density !== this.density || o.groupByGroup !== this.groupByGroup;
    this.tz = o.tz;
    this.density = o.density;
    this.groupByGroup = o.groupByGroup;
    if (relayout) this.relayout();
    this.requestDraw();
  }
  refreshTheme(): void { this.theme = readTheme(); this.requestDraw(); }

  private relayout(): void {
    if (this.ds) {
      this.layout = layoutLanes(this.ds.lanes, { groupByGroup: this.groupByGroup, density: this.density, viewportHeight: this.plotHeight });
      this.vspacer.style.height = `${Math.ceil(this.layout.contentHeight)}px`;
      this.vscroll.classList.toggle('needed', this.layout.contentHeight > this.plotHeight + 0.5);
      this.scrollTop = Math.min(this.scrollTop, maxScroll(this.layout, this.plotHeight));
    }
    this.requestDraw();
  }

  requestDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.drawNow(); });
  }
  /** Draws synchronously (also used by the benchmark to time a frame). */
  drawNow(): FrameStats | undefined {
    if (this.frame) { cancelAnimationFrame(this.frame); this.frame = 0; }
    const selectedRow = this.selected && this.layout ? this.layout.rowOfLane[this.selected.lane] : -1;
    this.names.render(this.ds, this.layout, this.scrollTop, this.plotHeight, this.hoverRow, selectedRow);
    if (!this.ds || !this.layout || !this.pyramid) {
      const ctx = this.canvas.getContext('2d');
      if (ctx) { ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = this.theme.background; ctx.fillRect(0, 0, this.canvas.width, this.canvas.height); }
      return undefined;
    }
    this.lastStats = this.renderer.draw({
      ds: this.ds, layout: this.layout, window: this.window, now: this.now, scrollTop: this.scrollTop,
      width: this.plotWidth, height: this.plotHeight, dpr: window.devicePixelRatio || 1, tz: this.tz, theme: this.theme,
      pyramid: this.pyramid, overLimit: this.overLimit, hoverRow: this.hoverRow, selected: this.selected, dragSelect: this.dragSelect,
    });
    this.frames++;
    this.lastDrawEnd = performance.now();
    this.root.dataset.frames = String(this.frames);
    this.root.dataset.mode = this.lastStats.mode;
    // the axis labels drawn on the canvas, for tests and assistive tech reading the chart's state
    this.root.dataset.axis = this.lastStats.ticks.join(' | ');
    return this.lastStats;
  }

  // ---- navigation ----------------------------------------------------------------------------
  setWindow(w: TimeWindow): void {
    const next = clampWindow(w, this.bounds);
    if (next.start === this.window.start && next.end === this.window.end) return;
    this.window = next;
    this.tooltip.hide();
    this.cb.onViewChange(next);
    this.requestDraw();
  }
  zoomBy(factor: number, anchorX = this.plotWidth / 2): void { this.setWindow(zoomAt(this.window, this.plotWidth, anchorX, factor, this.bounds)); }
  panBy(dx: number): void { this.setWindow(panByPixels(this.window, this.plotWidth, dx, this.bounds)); }
  reset(): void { this.setWindow(this.bounds); }
  scrollBy(dy: number): void {
    if (!this.layout) return;
    this.scrollTop = Math.max(0, Math.min(maxScroll(this.layout, this.plotHeight), this.scrollTop + dy));
    this.vscroll.scrollTop = this.scrollTop;
    this.requestDraw();
  }

  // ---- hit-testing and selection -------------------------------------------------------------
  hitTest(x: number, y: number): Hit | undefined {
    if (!this.ds || !this.layout || y < AXIS_HEIGHT || x < 0 || x > this.plotWidth) return undefined;
    const row = rowAt(this.layout, y - AXIS_HEIGHT + this.scrollTop);
    const r = row >= 0 ? this.layout.rows[row] : undefined;
    if (!r || r.kind !== 'lane') return undefined;
    const t = xToTime(this.window, this.plotWidth, x);
    const msPerPx = (this.window.end - this.window.start) / this.plotWidth;
    if (this.layout.rowHeight >= 6) {
      const m = markerNear(this.ds, r.lane, t, 2 * msPerPx);
      if (m >= 0) return { kind: 'marker', lane: r.lane, row, index: m };
    }
    const i = intervalAt(this.ds, r.lane, t, 3 * msPerPx);
    return i >= 0 ? { kind: 'interval', lane: r.lane, row, index: i } : undefined;
  }
  detailsOf(hit: Hit): Details | undefined {
    if (!this.ds) return undefined;
    return hit.kind === 'interval' ? this.intervalDetailsOf(hit.lane, hit.index) : markerDetails(this.ds, hit.lane, hit.index, this.tz);
  }
  private intervalDetailsOf(lane: number, index: number): Details {
    const ds = this.ds!;
    return intervalDetails(ds, lane, index, this.tz, this.now, overLimitDetail(this.overLimit, ds, lane, index));
  }
  select(lane: number, index: number, reveal = true): void {
    if (!this.ds || !this.layout) return;
    this.selected = { lane, index };
    if (reveal) {
      const row = this.layout.rowOfLane[lane];
      if (row >= 0) this.scrollBy(scrollToShow(this.layout, row, this.scrollTop, this.plotHeight) - this.scrollTop);
      const s = this.ds.start[index];
      const e = this.ds.end[index];
      if (e <= this.window.start || s >= this.window.end) {
        const span = this.window.end - this.window.start;
        this.setWindow({ start: (s + e) / 2 - span / 2, end: (s + e) / 2 + span / 2 });
      }
    }
    this.cb.onSelectionChange(this.intervalDetailsOf(lane, index), { agentId: this.ds.lanes[lane].agentId, start: this.ds.start[index] });
    this.requestDraw();
  }
  clearSelection(): void {
    if (!this.selected) return;
    this.selected = undefined;
    this.cb.onSelectionChange(undefined, undefined);
    this.requestDraw();
  }
  /** Selects the interval at the view's centre (or the selection's time) in a lane row. */
  selectRow(row: number): void {
    if (!this.ds || !this.layout) return;
    const r = this.layout.rows[row];
    if (!r || r.kind !== 'lane') return;
    const t = this.selected ? Math.max(this.window.start, Math.min(this.window.end, (this.ds.start[this.selected.index] + this.ds.end[this.selected.index]) / 2)) : (this.window.start + this.window.end) / 2;
    const i = intervalAt(this.ds, r.lane, t, Infinity);
    if (i >= 0) this.select(r.lane, i);
  }
  stepLane(delta: 1 | -1): void {
    if (!this.layout) return;
    const from = this.selected ? this.layout.rowOfLane[this.selected.lane] : delta > 0 ? -1 : this.layout.rows.length;
    const row = stepLaneRow(this.layout, from, delta);
    if (row !== from) this.selectRow(row);
  }
  stepInterval(delta: 1 | -1): void {
    if (!this.ds || !this.selected) { this.stepLane(1); return; }
    const { lane, index } = this.selected;
    const next = index + delta;
    if (next >= this.ds.laneOffsets[lane] && next < this.ds.laneOffsets[lane + 1]) this.select(lane, next);
  }
  zoomToSelection(): void {
    if (!this.ds || !this.selected) return;
    const s = this.ds.start[this.selected.index];
    const e = this.ds.end[this.selected.index];
    const pad = (e - s) * 0.15;
    this.setWindow({ start: s - pad, end: e + pad });
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  return e;
}
