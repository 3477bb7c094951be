// The sticky column of lane names on the left: real DOM text (textContent only — agent names are
// server text), virtualised like the canvas: only rows on screen have an element, from a pool.
import type { ColumnarDataset } from '../../shared/columnar';
import { laneLabels } from '../../shared/laneLabels';
import { visibleRows, type LaneLayout } from '../model/laneLayout';

const MIN_NAME_ROW = 10;

export class LaneNames {
  private readonly pool: HTMLDivElement[] = [];
  private lastKey = '';
  private lastData: ColumnarDataset | undefined;
  private lastLayout: LaneLayout | undefined;

  constructor(private readonly root: HTMLElement, private readonly onPick: (row: number) => void) {
    root.addEventListener('click', e => {
      const el = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
      if (el?.dataset.row) this.onPick(Number(el.dataset.row));
    });
  }

  render(ds: ColumnarDataset | undefined, layout: LaneLayout | undefined, scrollTop: number, height: number, hoverRow: number, selectedRow: number): void {
    // zoom and pan redraw the canvas every frame; the names only change with scroll, layout, hover, selection
    const key = `${scrollTop}|${height}|${hoverRow}|${selectedRow}`;
    if (key === this.lastKey && ds === this.lastData && layout === this.lastLayout) return;
    this.lastKey = key;
    this.lastData = ds;
    this.lastLayout = layout;
    let used = 0;
    if (ds && layout && layout.rowHeight >= MIN_NAME_ROW) {
      const [r0, r1] = visibleRows(layout, scrollTop, height);
      const h = layout.rowHeight;
      for (let r = r0; r < r1; r++) {
        const row = layout.rows[r];
        const el = this.pool[used] ?? this.make();
        used++;
        el.hidden = false;
        el.dataset.row = String(r);
        el.style.transform = `translateY(${Math.round(r * h - scrollTop)}px)`;
        el.style.height = `${Math.round((r + 1) * h) - Math.round(r * h)}px`;
        el.className = row.kind === 'group' ? 'lane-name group' : `lane-name${r === hoverRow ? ' hover' : ''}${r === selectedRow ? ' selected' : ''}${r % 2 ? ' odd' : ''}`;
        if (row.kind === 'group') {
          el.textContent = `${row.label} (${row.lanes})`;
          el.title = el.textContent;
        } else {
          const lane = ds.lanes[row.lane];
          el.textContent = laneLabels(ds.lanes)[row.lane];
          el.title = lane.loginName && lane.loginName !== lane.name ? `${lane.name} — ${lane.loginName} (id ${lane.agentId})` : `${lane.name} (id ${lane.agentId})`;
        }
      }
    } else if (ds && layout) {
      const el = this.pool[used] ?? this.make();
      used++;
      el.hidden = false;
      delete el.dataset.row;
      el.style.transform = 'translateY(0)';
      el.style.height = 'auto';
      el.className = 'lane-name summary';
      el.textContent = `${ds.lanes.length.toLocaleString()} agents in view. Choose Comfortable or Compact lanes to read their names.`;
      el.title = '';
    }
    for (let i = used; i < this.pool.length; i++) this.pool[i].hidden = true;
  }

  private make(): HTMLDivElement {
    const el = document.createElement('div');
    el.className = 'lane-name';
    this.root.appendChild(el);
    this.pool.push(el);
    return el;
  }
}
