// Vertical layout of the lanes: optional agent-group header rows, uniform row height from the
// density (or "fit": every lane on screen, possibly thinner than a pixel), and the virtualisation
// queries the renderer and the hit-tester need (which rows are on screen, which row is under y).
import type { LaneInfo } from '../../shared/columnar';
import type { LaneDensity } from '../../shared/protocol';

export type Row = { kind: 'group'; label: string; lanes: number } | { kind: 'lane'; lane: number };

export const DENSITY_HEIGHT: Record<Exclude<LaneDensity, 'fit'>, number> = { comfortable: 26, compact: 14 };
/** Group headers are only shown when rows are at least this tall. */
export const MIN_HEADER_HEIGHT = 12;

export interface LaneLayout {
  rows: Row[];
  rowHeight: number;
  contentHeight: number;
  /** row index of each lane (-1 when hidden) */
  rowOfLane: Int32Array;
}

const collator = typeof Intl !== 'undefined' ? new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }) : undefined;
const compare = (a: string, b: string) => (collator ? collator.compare(a, b) : a < b ? -1 : a > b ? 1 : 0);

export function layoutLanes(lanes: readonly LaneInfo[], opts: { groupByGroup: boolean; density: LaneDensity; viewportHeight: number }): LaneLayout {
  const order = lanes.map((_, i) => i);
  let rows: Row[];
  const fitHeight = (count: number) => Math.min(DENSITY_HEIGHT.comfortable, Math.max(opts.viewportHeight, 1) / Math.max(count, 1));
  if (opts.groupByGroup) {
    const groups = new Map<string, number[]>();
    for (const i of order) {
      const key = lanes[i].groupName ?? (lanes[i].groupId ? `Group ${lanes[i].groupId}` : 'No group');
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(i);
    }
    const keys = [...groups.keys()].sort(compare);
    const withHeaders = opts.density !== 'fit' || fitHeight(lanes.length + keys.length) >= MIN_HEADER_HEIGHT;
    rows = [];
    for (const k of keys) {
      const members = groups.get(k) ?? [];
      if (withHeaders) rows.push({ kind: 'group', label: k, lanes: members.length });
      for (const i of members) rows.push({ kind: 'lane', lane: i });
    }
  } else {
    rows = order.map(i => ({ kind: 'lane', lane: i }));
  }
  const rowHeight = opts.density === 'fit' ? fitHeight(rows.length) : DENSITY_HEIGHT[opts.density];
  const rowOfLane = new Int32Array(lanes.length).fill(-1);
  rows.forEach((r, i) => { if (r.kind === 'lane') rowOfLane[r.lane] = i; });
  return { rows, rowHeight, contentHeight: rows.length * rowHeight, rowOfLane };
}

/** Rows intersecting [scrollTop, scrollTop + height): [first, last). */
export function visibleRows(layout: LaneLayout, scrollTop: number, height: number): [number, number] {
  const h = layout.rowHeight;
  const first = Math.max(0, Math.floor(scrollTop / h));
  const last = Math.min(layout.rows.length, Math.ceil((scrollTop + height) / h));
  return [first, Math.max(first, last)];
}

/** Row index under content y (scrollTop already added), or -1. */
export function rowAt(layout: LaneLayout, y: number): number {
  if (y < 0) return -1;
  const r = Math.floor(y / layout.rowHeight);
  return r < layout.rows.length ? r : -1;
}

/** The next/previous lane row from `row` (skipping headers), for keyboard navigation. */
export function stepLaneRow(layout: LaneLayout, row: number, delta: 1 | -1): number {
  for (let r = row + delta; r >= 0 && r < layout.rows.length; r += delta) if (layout.rows[r].kind === 'lane') return r;
  return row;
}

/** Largest scrollTop, and a scrollTop that keeps `row` on screen. */
export function maxScroll(layout: LaneLayout, height: number): number {
  return Math.max(0, layout.contentHeight - height);
}
export function scrollToShow(layout: LaneLayout, row: number, scrollTop: number, height: number): number {
  const top = row * layout.rowHeight;
  const bottom = top + layout.rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + height) return Math.min(maxScroll(layout, height), bottom - height);
  return scrollTop;
}
