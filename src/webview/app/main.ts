// The Activity Timeline webview app. Builds the page, says `ready`, then renders what the host
// sends (every message validated first). Persists only UI state (range, zoom, selection, agents,
// options) through setState — the serializer hands it back after a reload and the host refetches.
import './styles.css';
import type { ColumnarDataset } from '../../shared/columnar';
import { overLimitProblem } from '../../shared/overLimitColumns';
import type { DataMessage, HostToWebview, OverLimitMessage, PanelUiState, WebviewToHost } from '../../shared/protocol';
import { parseHostMessage, parseUiState } from '../../shared/protocolGuards';
import { describeRange } from '../../shared/rangeRules';
import { formatStamp } from '../../shared/timeFormat';
import { attachChartInput } from './chartInput';
import { renderDetails } from './detailsStrip';
import { renderLegend } from './legend';
import { StatusPanel } from './statusPanel';
import { TimelineView } from './timelineView';
import { Toolbar } from './toolbar';
import { renderTotals } from './totalsTable';

interface VsCodeApi { postMessage(msg: unknown): void; getState(): unknown; setState(s: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: WebviewToHost) => vscode.postMessage(m);

const $ = <K extends keyof HTMLElementTagNameMap>(tag: K, id: string, parent: HTMLElement = document.body) => {
  const e = document.createElement(tag);
  e.id = id;
  parent.appendChild(e);
  return e;
};
const toolbarEl = $('header', 'toolbar');
const area = $('div', 'chart-area');
const chartEl = $('div', 'chart', area);
const statusEl = $('div', 'status', area);
const footer = $('footer', 'footer');
const legendEl = $('div', 'legend', footer);
const zoomEl = $('div', 'zoom', footer);
const detailsEl = $('section', 'details');
detailsEl.setAttribute('aria-live', 'polite');
detailsEl.hidden = true;
const totalsEl = $('section', 'totals');
totalsEl.setAttribute('aria-label', 'Totals');

let state: PanelUiState | undefined = parseUiStateOrUndefined(vscode.getState());
let data: DataMessage | undefined;
let loadingRequest = -1;

const view = new TimelineView(chartEl, {
  onViewChange: w => update({ view: w }, true),
  onSelectionChange: (details, ref) => {
    renderDetails(detailsEl, details);
    update({ selection: ref }, false);
    if (data) showTotals(data, ref?.agentId);
  },
});
attachChartInput(view);
const legend = renderLegend(legendEl);
const zoomButtons: [string, string, () => void][] = [
  ['−', 'Zoom out (−)', () => view.zoomBy(2)],
  ['+', 'Zoom in (+)', () => view.zoomBy(0.5)],
  ['Reset', 'Show the whole range (0)', () => view.reset()],
];
for (const [text, title, fn] of zoomButtons) {
  const b = document.createElement('vscode-button');
  b.textContent = text;
  b.title = title;
  b.secondary = true;
  b.addEventListener('click', fn);
  zoomEl.appendChild(b);
}
const hint = document.createElement('span');
hint.className = 'hint';
hint.textContent = 'Wheel: zoom · Drag: pan · Shift+drag: zoom to range · Shift+wheel: scroll agents';
zoomEl.appendChild(hint);

const status = new StatusPanel(statusEl, action => {
  if (action === 'cancel') { post({ type: 'cancel' }); return; }
  if (action === 'lastWeek') { load({ kind: 'preset', preset: '7d' }); return; }
  post({ type: 'action', action });
});
/** the server's clock minus this one (from the host): "now" for presets and the custom range check */
let clockOffsetMs = 0;
/** how far back a custom range may start (the host's setting) */
let lookBackMonths = 6;
const toolbar = new Toolbar(toolbarEl, {
  now: () => Date.now() + clockOffsetMs,
  lookBackMonths: () => lookBackMonths,
  load,
  pickAgents: () => post({ type: 'pickAgents' }),
  setGroupBy: on => { update({ groupByGroup: on }, false); applyOptions(); },
  setDensity: d => { update({ density: d }, false); applyOptions(); },
  setTimeZone: tz => {
    update({ timeZone: tz }, false);
    applyOptions();
    if (data) showTotals(data, state?.selection?.agentId);
  },
  exportAs: format => post({ type: 'export', format }),
  copyTotals: () => post({ type: 'copyTotals' }),
  copyLink: () => post({ type: 'copyLink' }),
});

function parseUiStateOrUndefined(x: unknown): PanelUiState | undefined {
  const p = parseUiState(x);
  return p.ok ? p.value : undefined;
}

let postTimer: ReturnType<typeof setTimeout> | undefined;
/** Merges a UI-state change, persists it, and tells the host (debounced while zooming). */
function update(patch: Partial<PanelUiState>, debounce: boolean): void {
  if (!state) return;
  state = { ...state, ...patch };
  for (const k of Object.keys(patch) as (keyof PanelUiState)[]) if (patch[k] === undefined) delete state[k];
  vscode.setState(state);
  if (postTimer) clearTimeout(postTimer);
  const send = () => { if (state) post({ type: 'uiState', state }); };
  if (debounce) postTimer = setTimeout(send, 250); else send();
  toolbar.update(state, !!data);
}
function applyOptions(): void {
  if (state) view.setOptions({ tz: state.timeZone, density: state.density, groupByGroup: state.groupByGroup });
}
function load(range: PanelUiState['range']): void {
  update({ range, view: undefined, selection: undefined }, false);
  post({ type: 'load', range });
}

function scopeText(): string {
  return state?.scope.kind === 'agents' ? state.scope.label : 'all agents';
}

function showTotals(d: DataMessage, focusAgentId: string | undefined): void {
  renderTotals(totalsEl, d.dataset.lanes, d.totals, focusAgentId, d.overLimit.active);
}

function onData(m: DataMessage): void {
  data = m;
  status.hide();
  const ds: ColumnarDataset = m.dataset;
  legend.setOverLimit(m.overLimit.active);
  view.setData(ds, m.overLimit, { start: m.from, end: m.to }, m.now, state?.view, state?.selection);
  // the chart first; the totals table (one row per agent) right after the first frame
  requestAnimationFrame(() => setTimeout(() => {
    if (data?.requestId !== m.requestId) return;
    showTotals(data, state?.selection?.agentId); // re-marked meanwhile: the latest totals
    totalsEl.hidden = false;
  }, 0));
  if (ds.start.length === 0) {
    const tz = state?.timeZone ?? 'local';
    status.empty(state ? describeRange(state.range, t => formatStamp(t, tz)) : 'this range', scopeText());
  }
  document.body.dataset.lanes = String(ds.lanes.length);
  document.body.dataset.intervals = String(ds.start.length);
  document.body.dataset.overLimitParts = String(m.overLimit.index.length);
  if (state) toolbar.update(state, true);
  for (const note of m.notes) showNotice(note, 'info');
}

/** The limit settings changed: re-mark the data shown (checked against it first). */
function onOverLimit(m: OverLimitMessage): void {
  if (!data || m.requestId !== data.requestId) return; // for data no longer shown
  const problem = overLimitProblem(m.overLimit, data.dataset);
  if (problem) { console.warn(`Activity Timeline: ignored over-limit marks (${problem})`); return; }
  data = { ...data, overLimit: m.overLimit, totals: m.totals };
  legend.setOverLimit(m.overLimit.active);
  view.setOverLimit(m.overLimit);
  if (!totalsEl.hidden) showTotals(data, state?.selection?.agentId);
  document.body.dataset.overLimitParts = String(m.overLimit.index.length);
}

let noticeTimer: ReturnType<typeof setTimeout> | undefined;
const noticeEl = $('div', 'notice');
noticeEl.setAttribute('role', 'status');
noticeEl.hidden = true;
function showNotice(text: string, level: 'info' | 'error'): void {
  noticeEl.textContent = text;
  noticeEl.dataset.level = level;
  noticeEl.hidden = false;
  if (noticeTimer) clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => { noticeEl.hidden = true; }, 6000);
}

function onMessage(m: HostToWebview): void {
  switch (m.type) {
    case 'init':
    case 'state':
      clockOffsetMs = m.clockOffsetMs ?? 0;
      lookBackMonths = m.lookBackMonths ?? 6;
      state = m.state;
      vscode.setState(state);
      document.title = m.title;
      applyOptions();
      toolbar.update(state, !!data);
      break;
    case 'loading':
      loadingRequest = m.requestId;
      status.loading(m.progress);
      break;
    case 'data':
      if (m.requestId < loadingRequest) return; // an older answer overtaken by a newer request
      onData(m);
      break;
    case 'overLimit':
      onOverLimit(m);
      break;
    case 'error':
      data = undefined;
      view.clear();
      totalsEl.hidden = true;
      status.error(m.error);
      if (state) toolbar.update(state, false);
      break;
    case 'cancelled':
      if (!data) status.cancelled(); else { status.hide(); showNotice('Loading cancelled — still showing the previous data.', 'info'); }
      break;
    case 'notice':
      showNotice(m.text, m.level);
      break;
  }
}

const timings = { validateMs: 0, handleMs: 0 };
window.addEventListener('message', (e: MessageEvent) => {
  const t0 = performance.now();
  const parsed = parseHostMessage(e.data);
  const t1 = performance.now();
  if (!parsed.ok) { console.warn(`Activity Timeline: ignored a message (${parsed.problem})`); return; }
  onMessage(parsed.value);
  if (parsed.value.type === 'data') { timings.validateMs = t1 - t0; timings.handleMs = performance.now() - t1; }
});
new MutationObserver(() => view.refreshTheme()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
totalsEl.hidden = true;
status.loading(undefined);
post({ type: 'ready' });

/** Hooks for the e2e step and the benchmark (read-only views of the chart; no data leaves). */
(window as unknown as { __timeline: unknown }).__timeline = {
  view,
  stats: () => ({ ...view.lastStats, frames: view.frames, window: { ...view.window } }),
  drawNow: () => view.drawNow(),
  timings,
};
