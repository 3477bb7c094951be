// Runtime validation of every message crossing the host↔webview boundary, in both directions.
// Each parser returns the typed message or a reason it was refused; callers drop refused messages
// (and log the reason) instead of acting on them.
import { datasetProblem, type ColumnarDataset } from './columnar';
import { overLimitProblem } from './overLimitColumns';
import {
  LANE_DENSITIES, PANEL_ACTIONS, RANGE_PRESETS, TIME_ZONES,
  type AgentScope, type HostToWebview, type PanelUiState, type RangeSpec, type WebviewToHost,
} from './protocol';
import { AGENT_STATES } from '../domain/agentState';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };
type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x < 8.64e15;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isStr = (x: unknown, max = 10_000): x is string => typeof x === 'string' && x.length <= max;
const oneOf = <T extends string>(list: readonly T[], x: unknown): x is T => typeof x === 'string' && (list as readonly string[]).includes(x);

export function rangeProblem(x: unknown): string | undefined {
  if (!isObj(x)) return 'range is not an object';
  if (x.kind === 'preset') return oneOf(RANGE_PRESETS, x.preset) ? undefined : 'unknown range preset';
  if (x.kind === 'custom') return isTime(x.from) && isTime(x.to) && x.from < x.to ? undefined : 'custom range needs from < to (epoch ms)';
  return 'unknown range kind';
}
function scopeProblem(x: unknown): string | undefined {
  if (!isObj(x)) return 'scope is not an object';
  if (x.kind === 'all') return undefined;
  if (x.kind === 'agents') {
    if (!Array.isArray(x.agentIds) || x.agentIds.length === 0 || !x.agentIds.every(id => isStr(id, 64) && id.length > 0)) return 'scope.agentIds must be non-empty strings';
    return isStr(x.label, 500) ? undefined : 'scope.label is not a string';
  }
  return 'unknown scope kind';
}
export function uiStateProblem(x: unknown): string | undefined {
  if (!isObj(x)) return 'state is not an object';
  if (x.version !== 1) return 'unknown state version';
  if (x.accountId !== undefined && !(isStr(x.accountId, 64) && /^[\w:.-]+$/.test(x.accountId))) return 'accountId is not an account id';
  const p = scopeProblem(x.scope) ?? rangeProblem(x.range);
  if (p) return p;
  if (x.view !== undefined && !(isObj(x.view) && isTime(x.view.start) && isTime(x.view.end) && x.view.start < x.view.end)) return 'view must be {start < end}';
  if (x.selection !== undefined && !(isObj(x.selection) && isStr(x.selection.agentId, 64) && isTime(x.selection.start))) return 'selection must be {agentId, start}';
  if (!oneOf(TIME_ZONES, x.timeZone)) return 'unknown time zone';
  if (typeof x.groupByGroup !== 'boolean') return 'groupByGroup is not a boolean';
  if (!oneOf(LANE_DENSITIES, x.density)) return 'unknown density';
  return undefined;
}
export function parseUiState(x: unknown): Parsed<PanelUiState> {
  const problem = uiStateProblem(x);
  return problem ? { ok: false, problem } : { ok: true, value: x as PanelUiState };
}

export function parseWebviewMessage(x: unknown): Parsed<WebviewToHost> {
  const problem = webviewMessageProblem(x);
  return problem ? { ok: false, problem } : { ok: true, value: x as WebviewToHost };
}
function webviewMessageProblem(x: unknown): string | undefined {
  if (!isObj(x)) return 'message is not an object';
  switch (x.type) {
    case 'ready': case 'cancel': case 'pickAgents': case 'copyTotals': case 'copyLink': return undefined;
    case 'load': return rangeProblem(x.range);
    case 'uiState': return uiStateProblem(x.state);
    case 'export': return x.format === 'csv' || x.format === 'json' ? undefined : 'export format must be csv or json';
    case 'action': return oneOf(PANEL_ACTIONS, x.action) ? undefined : 'unknown action';
    default: return `unknown message type ${JSON.stringify(String(x.type)).slice(0, 40)}`;
  }
}

function stateTotalsProblem(x: unknown): string | undefined {
  if (!isObj(x) || !isObj(x.byState) || !isObj(x.byReason) || typeof x.loggedIn !== 'number' || typeof x.overMs !== 'number') return 'totals are malformed';
  for (const s of AGENT_STATES) if (typeof x.byState[s] !== 'number') return `totals lack ${s}`;
  for (const r of Object.values(x.byReason)) {
    if (!isObj(r) || !oneOf(AGENT_STATES, r.state) || typeof r.text !== 'string' || typeof r.ms !== 'number' || typeof r.overMs !== 'number') return 'reason totals are malformed';
  }
  return undefined;
}
function totalsProblem(x: unknown): string | undefined {
  if (!isObj(x) || !isObj(x.perAgent)) return 'totals are malformed';
  for (const t of Object.values(x.perAgent)) { const tp = stateTotalsProblem(t); if (tp) return tp; }
  return stateTotalsProblem(x.overall);
}

export function parseHostMessage(x: unknown): Parsed<HostToWebview> {
  const problem = hostMessageProblem(x);
  return problem ? { ok: false, problem } : { ok: true, value: x as HostToWebview };
}
function hostMessageProblem(x: unknown): string | undefined {
  if (!isObj(x)) return 'message is not an object';
  switch (x.type) {
    case 'init': case 'state':
      if (x.clockOffsetMs !== undefined && !(typeof x.clockOffsetMs === 'number' && Number.isFinite(x.clockOffsetMs) && Math.abs(x.clockOffsetMs) < 8.64e15)) return 'clockOffsetMs is not a number of ms';
      if (x.lookBackMonths !== undefined && x.lookBackMonths !== 6 && x.lookBackMonths !== 13) return 'lookBackMonths is not 6 or 13';
      return uiStateProblem(x.state) ?? (isStr(x.title, 500) ? undefined : 'title is not a string');
    case 'loading': {
      const p = x.progress;
      if (!isCount(x.requestId) || !isObj(p)) return 'loading is malformed';
      if (!oneOf(['names', 'activity', 'live'] as const, p.phase) || !isCount(p.pages) || !isCount(p.received) || !isCount(p.chunk) || !isCount(p.chunks)) return 'progress is malformed';
      return p.totalPages === undefined || isCount(p.totalPages) ? undefined : 'totalPages is not a count';
    }
    case 'data': {
      if (!isCount(x.requestId) || !isTime(x.from) || !isTime(x.to) || !isTime(x.now) || !(x.from < x.to)) return 'data header is malformed';
      if (!Array.isArray(x.notes) || !x.notes.every(n => isStr(n))) return 'notes must be strings';
      const dp = datasetProblem(x.dataset);
      if (dp) return dp;
      return overLimitProblem(x.overLimit, x.dataset as ColumnarDataset) ?? totalsProblem(x.totals);
    }
    // checked against the dataset it belongs to by the webview (it holds that dataset), here for shape only
    case 'overLimit':
      if (!isCount(x.requestId) || !isObj(x.overLimit)) return 'overLimit is malformed';
      return totalsProblem(x.totals);
    case 'error': {
      const e = x.error;
      if (!isCount(x.requestId) || !isObj(e)) return 'error is malformed';
      if (!isStr(e.kind, 40) || !isStr(e.title) || !isStr(e.message) || !isStr(e.hint) || !Array.isArray(e.actions)) return 'error fields are malformed';
      return e.actions.every(a => isObj(a) && oneOf(PANEL_ACTIONS, a.id) && isStr(a.label, 100)) ? undefined : 'error actions are malformed';
    }
    case 'cancelled': return isCount(x.requestId) ? undefined : 'cancelled is malformed';
    case 'notice': return (x.level === 'info' || x.level === 'error') && isStr(x.text) ? undefined : 'notice is malformed';
    default: return `unknown message type ${JSON.stringify(String(x.type)).slice(0, 40)}`;
  }
}

/** Convenience for callers building a default state. */
export function defaultUiState(scope: AgentScope, range: RangeSpec, timeZone: PanelUiState['timeZone']): PanelUiState {
  return { version: 1, scope, range, timeZone, groupByGroup: false, density: 'comfortable' };
}
