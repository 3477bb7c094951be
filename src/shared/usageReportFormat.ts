// The Reason Usage Report's table as text: column titles, cell text, the sort (the webview's and
// the exports' — one order everywhere), CSV and Markdown. Times are written in the report's zone.
// No `vscode`, no DOM.
import { formatDuration } from './timeFormat';
import type { ReportColumn, ReportPayload, ReportRow, ReportSort } from './usageReportProtocol';

export const COLUMN_TITLE: Record<ReportColumn, string> = {
  text: 'Reason', state: 'State', uses: 'Uses', totalMs: 'Total time', awayShare: 'Share of Away', agents: 'Agents',
  medianMs: 'Median', p90Ms: '90th percentile', lastUsedAt: 'Last used', status: 'Status',
};
export const DEFAULT_SORT: ReportSort = { column: 'totalMs', direction: 'descending' };
/** numbers sort most-first on the first click; text A→Z */
export const FIRST_DIRECTION: Record<ReportColumn, ReportSort['direction']> = {
  text: 'ascending', state: 'ascending', status: 'ascending', uses: 'descending', totalMs: 'descending', awayShare: 'descending',
  agents: 'descending', medianMs: 'descending', p90Ms: 'descending', lastUsedAt: 'descending',
};

type Key = string | number;
function sortKey(r: ReportRow, c: ReportColumn): Key {
  switch (c) {
    case 'text': return r.text.toLocaleLowerCase('en');
    case 'awayShare': return r.awayShare ?? -1;
    case 'lastUsedAt': return r.lastUsedAt ?? -Infinity;
    default: return r[c];
  }
}

/** A stable order: the column, then total time (most first), then the reason id. */
export function sortRows(rows: readonly ReportRow[], sort: ReportSort): ReportRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const cmp = (a: Key, b: Key) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => sign * cmp(sortKey(a, sort.column), sortKey(b, sort.column)) || b.totalMs - a.totalMs || cmp(a.reasonId, b.reasonId));
}

/** `2026-12-05 14:03` in the zone ('UTC' or an IANA name) */
export function formatZoned(t: number, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(t).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)} %`;
}

/** The text of a cell as the table shows it. */
export function cellText(r: ReportRow, c: ReportColumn, timeZone: string): string {
  switch (c) {
    case 'text': return r.text;
    case 'state': return r.state;
    case 'status': return r.status;
    case 'uses': case 'agents': return r[c].toLocaleString('en-US');
    case 'totalMs': case 'medianMs': case 'p90Ms': return r.uses ? formatDuration(r[c]) : '—';
    case 'awayShare': return formatShare(r.awayShare);
    case 'lastUsedAt': return r.lastUsedAt === null ? 'unused' : formatZoned(r.lastUsedAt, timeZone);
  }
}

export const CSV_COLUMNS = ['reason_id', 'reason', 'state', 'status', 'uses', 'total_seconds', 'away_share', 'agents', 'median_seconds', 'p90_seconds', 'last_used', 'last_agent_id', 'busiest_hour'] as const;

const csvCell = (v: string) => (/[",\r\n]/.test(v) || /^[=+\-@\t]/.test(v) ? `"${(/^[=+\-@\t]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);
const seconds = (ms: number) => String(Math.round(ms / 1000));

/** One line per row, in the order given; times ISO-like in the report's zone. Formula-looking text is defused. */
export function reportCsv(report: ReportPayload, sort: ReportSort): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of sortRows(report.rows, sort)) {
    lines.push([
      r.reasonId, r.text, r.state, r.status, String(r.uses), seconds(r.totalMs), r.awayShare === null ? '' : r.awayShare.toFixed(4), String(r.agents),
      seconds(r.medianMs), seconds(r.p90Ms), r.lastUsedAt === null ? '' : formatZoned(r.lastUsedAt, report.timeZone), r.lastAgentId, r.busiestHour === null ? '' : String(r.busiestHour),
    ].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const mdCell = (v: string) => v.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([*_`[\]<>])/g, '\\$1');
const MD_COLUMNS: ReportColumn[] = ['text', 'state', 'status', 'uses', 'totalMs', 'awayShare', 'agents', 'medianMs', 'p90Ms', 'lastUsedAt'];
const RIGHT = new Set<ReportColumn>(['uses', 'totalMs', 'awayShare', 'agents', 'medianMs', 'p90Ms']);

export function reportMarkdown(report: ReportPayload, sort: ReportSort, rangeText: string): string {
  const head = `**Status reason usage**, account ${mdCell(report.accountId)}, ${rangeText} (${formatZoned(report.from, report.timeZone)} – ${formatZoned(report.to, report.timeZone)} ${mdCell(report.timeZone)}): ${report.changes.toLocaleString('en-US')} status changes of ${report.agents.toLocaleString('en-US')} agents.`;
  const lines = [head, '', `| ${MD_COLUMNS.map(c => COLUMN_TITLE[c]).join(' | ')} |`, `|${MD_COLUMNS.map(c => (RIGHT.has(c) ? ' ---: ' : ' --- ')).join('|')}|`];
  for (const r of sortRows(report.rows, sort)) lines.push(`| ${MD_COLUMNS.map(c => mdCell(cellText(r, c, report.timeZone))).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}
