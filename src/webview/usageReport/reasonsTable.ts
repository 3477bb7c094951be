// The report's table of reasons: a real <table> with a caption, one button per column header
// (click or Enter/Space sorts; aria-sort on the header says the order), and one row per reason.
// Every server string goes in with textContent.
import type { ReportColumn, ReportPayload, ReportSort } from '../../shared/usageReportProtocol';
import { REPORT_COLUMNS } from '../../shared/usageReportProtocol';
import { cellText, COLUMN_TITLE, FIRST_DIRECTION, sortRows } from '../../shared/usageReportFormat';

const NUMERIC = new Set<ReportColumn>(['uses', 'totalMs', 'awayShare', 'agents', 'medianMs', 'p90Ms']);

export class ReasonsTable {
  private readonly table = document.createElement('table');
  private readonly caption = document.createElement('caption');
  private readonly body = document.createElement('tbody');
  private readonly headers = new Map<ReportColumn, HTMLTableCellElement>();

  constructor(parent: HTMLElement, private sort: ReportSort, private readonly onSort: (s: ReportSort) => void, private readonly onPick: (reasonId: string) => void) {
    this.table.id = 'reasons';
    this.table.className = 'reasons';
    this.table.append(this.caption);
    const head = this.table.createTHead().insertRow();
    for (const c of REPORT_COLUMNS) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.dataset.column = c;
      if (NUMERIC.has(c)) th.className = 'num';
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      b.textContent = COLUMN_TITLE[c];
      const mark = document.createElement('span');
      mark.className = 'sort-mark';
      mark.setAttribute('aria-hidden', 'true');
      b.append(mark);
      b.addEventListener('click', () => {
        const direction = this.sort.column === c ? (this.sort.direction === 'ascending' ? 'descending' : 'ascending') : FIRST_DIRECTION[c];
        this.sort = { column: c, direction };
        this.onSort(this.sort);
      });
      th.append(b);
      head.append(th);
      this.headers.set(c, th);
    }
    this.table.append(this.body);
    parent.append(this.table);
  }

  render(report: ReportPayload, sort: ReportSort): void {
    this.sort = sort;
    for (const [c, th] of this.headers) {
      const on = c === sort.column;
      if (on) th.setAttribute('aria-sort', sort.direction); else th.removeAttribute('aria-sort');
      th.querySelector('.sort-mark')!.textContent = on ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : '';
    }
    this.caption.textContent = `${report.rows.length} status reasons, sorted by ${COLUMN_TITLE[sort.column].toLowerCase()} (${sort.direction}). Column headers sort.`;
    const rows = sortRows(report.rows, sort);
    this.body.replaceChildren(...rows.map(r => {
      const tr = document.createElement('tr');
      tr.dataset.reasonId = r.reasonId;
      if (r.status === 'deleted') tr.classList.add('deleted');
      if (r.uses === 0) tr.classList.add('unused');
      for (const c of REPORT_COLUMNS) {
        const td = document.createElement(c === 'text' ? 'th' : 'td');
        if (c === 'text') {
          (td as HTMLTableCellElement).scope = 'row';
          const b = document.createElement('button');
          b.type = 'button';
          b.className = 'link';
          b.textContent = r.text;
          b.title = `Show the hours of “${r.text}” in the heatmap (id ${r.reasonId})`;
          b.addEventListener('click', () => this.onPick(r.reasonId));
          td.append(b);
          if (r.status === 'deleted') {
            const tag = document.createElement('span');
            tag.className = 'tag';
            tag.textContent = 'deleted';
            td.append(' ', tag);
          }
        } else td.textContent = cellText(r, c, report.timeZone);
        if (NUMERIC.has(c)) td.classList.add('num');
        if (c === 'lastUsedAt' && r.lastAgentId) td.title = `by agent ${r.lastAgentId}`;
        tr.append(td);
      }
      return tr;
    }));
  }
}
