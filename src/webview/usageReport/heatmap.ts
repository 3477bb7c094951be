// One reason's hours: a table of 7 weekdays (Monday first) × 24 hours, each cell's background
// the share of the reason's busiest cell and its value in text and in aria-label, so it reads
// without colour (high contrast, screen readers). Server text only through textContent.
import type { ReportPayload, ReportRow } from '../../shared/usageReportProtocol';
import { formatDuration } from '../../shared/timeFormat';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `45m`, `2.5h`: short enough for a cell */
function short(ms: number): string {
  if (ms <= 0) return '';
  const min = ms / 60_000;
  return min < 60 ? `${Math.max(1, Math.round(min))}m` : `${(min / 60).toFixed(min < 600 ? 1 : 0)}h`;
}

export class Heatmap {
  private readonly select = document.createElement('select');
  private readonly table = document.createElement('table');
  private readonly note = document.createElement('p');
  private report: ReportPayload | undefined;

  constructor(parent: HTMLElement, private readonly onPick: (reasonId: string) => void) {
    const label = document.createElement('label');
    label.textContent = 'Reason: ';
    label.append(this.select);
    this.select.id = 'heatmap-reason';
    this.select.addEventListener('change', () => this.onPick(this.select.value));
    this.table.id = 'heatmap';
    this.table.className = 'heatmap';
    this.note.className = 'hint';
    parent.append(label, this.note, this.table);
  }

  render(report: ReportPayload, reasonId: string | undefined): string | undefined {
    this.report = report;
    const used = report.rows.filter(r => r.uses > 0).sort((a, b) => b.totalMs - a.totalMs);
    const row = used.find(r => r.reasonId === reasonId) ?? report.rows.find(r => r.reasonId === reasonId) ?? used[0];
    this.select.replaceChildren(...report.rows.slice().sort((a, b) => b.totalMs - a.totalMs).map(r => {
      const o = document.createElement('option');
      o.value = r.reasonId;
      o.textContent = `${r.text}${r.status === 'deleted' ? ' (deleted)' : ''}${r.uses ? '' : ' — unused'}`;
      return o;
    }));
    if (row) this.select.value = row.reasonId;
    this.draw(row);
    return row?.reasonId;
  }

  private draw(row: ReportRow | undefined): void {
    const tz = this.report?.timeZone ?? 'UTC';
    this.table.replaceChildren();
    if (!row) { this.note.textContent = 'No reason was used in this range.'; return; }
    const max = Math.max(...row.heatmap);
    this.note.textContent = row.uses
      ? `Time in “${row.text}” per hour of the week, ${tz}. Busiest hour: ${pad(row.busiestHour ?? 0)}:00. Darker = more time; each cell shows its time.`
      : `“${row.text}” was not used in this range.`;
    const caption = this.table.createCaption();
    caption.textContent = `Hours of “${row.text}” by weekday (${tz})`;
    const head = this.table.createTHead().insertRow();
    const corner = document.createElement('td');
    head.append(corner);
    for (let h = 0; h < 24; h++) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = pad(h);
      th.title = `${pad(h)}:00–${pad(h)}:59`;
      head.append(th);
    }
    const body = this.table.createTBody();
    for (let d = 0; d < 7; d++) {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = DAYS[d].slice(0, 3);
      th.title = DAYS[d];
      tr.append(th);
      for (let h = 0; h < 24; h++) {
        const ms = row.heatmap[d * 24 + h];
        const td = tr.insertCell();
        td.textContent = short(ms);
        td.setAttribute('aria-label', `${DAYS[d]} ${pad(h)}:00: ${ms > 0 ? formatDuration(ms) : 'none'}`);
        const level = max > 0 ? ms / max : 0;
        td.style.setProperty('--level', String(Math.round(level * 100) / 100));
        if (level > 0.55) td.classList.add('strong');
      }
    }
  }
}
