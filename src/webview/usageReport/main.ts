// The Reason Usage Report webview app: builds the page, says `ready`, renders what the host sends
// (every message validated first). Persists only UI state (range, zone, sort, the heatmap's reason)
// through setState and tells the host (exports follow the table's order).
import './styles.css';
import { formatDuration } from '../../shared/timeFormat';
import { DEFAULT_SORT, formatZoned } from '../../shared/usageReportFormat';
import { parseHostReportMessage, parseReportUiState, type HostToReport, type ReportPayload, type ReportRange, type ReportToHost, type ReportUiState, type ReportZone } from '../../shared/usageReportProtocol';
import { Heatmap } from './heatmap';
import { ReasonsTable } from './reasonsTable';

interface VsCodeApi { postMessage(msg: unknown): void; getState(): unknown; setState(s: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;
const vscode = acquireVsCodeApi();
const post = (m: ReportToHost) => vscode.postMessage(m);

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: { id?: string; className?: string; text?: string } = {}, parent: HTMLElement = document.body) => {
  const e = document.createElement(tag);
  if (props.id) e.id = props.id;
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  parent.append(e);
  return e;
};
const button = (parent: HTMLElement, text: string, onClick: () => void, secondary = true) => {
  const b = el('button', { className: secondary ? 'secondary' : 'primary', text }, parent);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
};
const select = <T extends string>(parent: HTMLElement, label: string, id: string, options: [T, string][], onChange: (v: T) => void) => {
  const l = el('label', { text: `${label} ` }, parent);
  const s = el('select', { id }, l);
  for (const [v, t] of options) { const o = el('option', { text: t }, s); o.value = v; }
  s.addEventListener('change', () => onChange(s.value as T));
  return s;
};

let state: ReportUiState = parseReportUiState(vscode.getState()) ?? { range: '7d', zone: 'local', sort: DEFAULT_SORT };
let report: ReportPayload | undefined;
let loadingId = -1;

const toolbar = el('header', { className: 'toolbar' });
const rangeSel = select<ReportRange>(toolbar, 'Range', 'range', [['24h', 'Last 24 hours'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days']], v => { save({ range: v }); load(false); });
const localName = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zoneSel = select<ReportZone>(toolbar, 'Time zone', 'zone', [['local', `Local (${localName})`], ['utc', 'UTC']], v => { save({ zone: v }); load(false); });
const actions = el('div', { className: 'actions' }, toolbar);
button(actions, 'Refresh', () => load(true));
const csvButton = button(actions, 'Export CSV…', () => post({ type: 'exportCsv', sort: state.sort }));
const mdButton = button(actions, 'Copy as Markdown', () => post({ type: 'copyMarkdown', sort: state.sort }));

const status = el('section', { id: 'status', className: 'status' });
status.setAttribute('aria-live', 'polite');
const summary = el('p', { id: 'summary', className: 'summary' });
const main = el('main', { id: 'content' });
main.hidden = true;
const table = new ReasonsTable(el('section', { className: 'table-wrap' }, main), state.sort, sort => { save({ sort }); render(); }, id => { save({ heatmapReason: id }); render(); document.getElementById('heatmap-reason')?.focus(); });
const heatSection = el('section', { className: 'heat-wrap' }, main);
heatSection.setAttribute('aria-label', 'Hours of the week');
el('h2', { text: 'Hour of day × weekday' }, heatSection);
const heatmap = new Heatmap(heatSection, id => { save({ heatmapReason: id }); render(); });

function save(patch: Partial<ReportUiState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
  post({ type: 'uiState', state });
}

function load(fresh: boolean): void {
  post({ type: 'load', range: state.range, zone: state.zone, fresh });
}

function showStatus(kind: 'loading' | 'error' | 'notice' | 'none', fill?: (box: HTMLElement) => void): void {
  status.replaceChildren();
  status.className = `status ${kind}`;
  if (fill) fill(status);
}

function render(): void {
  rangeSel.value = state.range;
  zoneSel.value = state.zone;
  const has = !!report && report.range === state.range && report.zone === state.zone;
  main.hidden = !report;
  csvButton.disabled = mdButton.disabled = !has;
  if (!report) { summary.textContent = ''; return; }
  const r = report;
  summary.textContent = `Account ${r.accountId} · ${formatZoned(r.from, r.timeZone)} – ${formatZoned(r.to, r.timeZone)} (${r.timeZone}) · ${r.changes.toLocaleString('en-US')} status changes of ${r.agents.toLocaleString('en-US')} agents · ${formatDuration(r.awayTotalMs)} in Away reasons · ${r.rows.filter(x => x.uses === 0).length} reasons unused`;
  table.render(r, state.sort);
  const shown = heatmap.render(r, state.heatmapReason);
  if (shown && shown !== state.heatmapReason) { state = { ...state, heatmapReason: shown }; vscode.setState(state); }
}

function receive(m: HostToReport): void {
  switch (m.type) {
    case 'init':
      state = { ...m.state, sort: parseReportUiState(vscode.getState())?.sort ?? m.state.sort };
      vscode.setState(state);
      render();
      return;
    case 'loading':
      loadingId = m.requestId;
      showStatus('loading', box => {
        el('span', { className: 'spinner', text: '' }, box).setAttribute('aria-hidden', 'true');
        el('span', { text: m.text }, box);
        button(box, 'Cancel', () => post({ type: 'cancel' }));
      });
      return;
    case 'data':
      report = m.report;
      state = { ...state, range: m.report.range, zone: m.report.zone };
      vscode.setState(state);
      showStatus('none');
      render();
      return;
    case 'cancelled':
      if (m.requestId < loadingId) return;
      showStatus('notice', box => { el('span', { text: 'Loading was cancelled.' }, box); button(box, 'Load again', () => load(false)); });
      return;
    case 'error':
      showStatus('error', box => {
        el('strong', { text: m.error.title }, box);
        el('p', { text: m.error.message }, box);
        if (m.error.hint) el('p', { className: 'hint', text: m.error.hint }, box);
        const row = el('div', { className: 'actions' }, box);
        for (const a of m.error.actions) button(row, a.label, () => post({ type: 'action', action: a.id }), a.id !== 'retry' && a.id !== 'signIn');
      });
      return;
    case 'notice':
      showStatus(m.level === 'error' ? 'error' : 'notice', box => { el('span', { text: m.text }, box); });
      return;
  }
}

window.addEventListener('message', e => {
  const parsed = parseHostReportMessage(e.data);
  if (!parsed.ok) { console.warn(`Reason Usage Report: ignored a message (${parsed.problem})`); return; }
  receive(parsed.value);
});
render();
post({ type: 'ready' });
