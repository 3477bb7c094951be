// The Reason Usage Report's messages between the host (src/statusReasons/usageReport/) and its
// webview app (src/webview/usageReport/), shared by both sides, with the guards that check what
// each side receives. No `vscode`, no DOM here.

export type ReportRange = '24h' | '7d' | '30d';
export const REPORT_RANGES: readonly ReportRange[] = ['24h', '7d', '30d'];
/** local = the machine's time zone (the account's, as the timeline shows it), utc = UTC */
export type ReportZone = 'local' | 'utc';
export const REPORT_ZONES: readonly ReportZone[] = ['local', 'utc'];

export type ReportColumn = 'text' | 'state' | 'uses' | 'totalMs' | 'awayShare' | 'agents' | 'medianMs' | 'p90Ms' | 'lastUsedAt' | 'status';
export const REPORT_COLUMNS: readonly ReportColumn[] = ['text', 'state', 'uses', 'totalMs', 'awayShare', 'agents', 'medianMs', 'p90Ms', 'lastUsedAt', 'status'];
export type SortDirection = 'ascending' | 'descending';
export interface ReportSort { column: ReportColumn; direction: SortDirection }

export interface ReportRow {
  reasonId: string;
  text: string;
  /** the reason's state (the server's, or the history's for a reason the server no longer lists) */
  state: 'Away' | 'Online' | 'Occupied';
  /** enabled | disabled | deleted (deleted: soft-deleted, or gone from the server but still in the history) */
  status: 'enabled' | 'disabled' | 'deleted';
  uses: number;
  totalMs: number;
  /** totalMs / all Away time in reasons; null for reasons of another state */
  awayShare: number | null;
  agents: number;
  medianMs: number;
  p90Ms: number;
  /** epoch ms of the latest use; null when unused in the range */
  lastUsedAt: number | null;
  lastAgentId: string;
  /** busiest hour (0–23) in the report's zone; null when unused */
  busiestHour: number | null;
  /** ms per weekday (0 = Monday) × hour: [weekday * 24 + hour], in the report's zone; 168 numbers */
  heatmap: number[];
}

export interface ReportPayload {
  accountId: string;
  range: ReportRange;
  zone: ReportZone;
  /** the IANA zone the hours are in ('UTC' for utc) */
  timeZone: string;
  from: number;
  to: number;
  computedAt: number;
  changes: number;
  agents: number;
  awayTotalMs: number;
  rows: ReportRow[];
}

export interface ReportUiState { range: ReportRange; zone: ReportZone; sort: ReportSort; heatmapReason?: string }

export type ReportActionId = 'retry' | 'signIn' | 'showLog';
export interface ReportError { title: string; message: string; hint?: string; actions: { id: ReportActionId; label: string }[] }

export type HostToReport =
  | { type: 'init'; state: ReportUiState }
  | { type: 'loading'; requestId: number; text: string }
  | { type: 'data'; requestId: number; report: ReportPayload }
  | { type: 'error'; requestId: number; error: ReportError }
  | { type: 'cancelled'; requestId: number }
  | { type: 'notice'; level: 'info' | 'error'; text: string };

export type ReportToHost =
  | { type: 'ready' }
  | { type: 'load'; range: ReportRange; zone: ReportZone; fresh?: boolean }
  | { type: 'cancel' }
  | { type: 'uiState'; state: ReportUiState }
  | { type: 'exportCsv'; sort: ReportSort }
  | { type: 'copyMarkdown'; sort: ReportSort }
  | { type: 'action'; action: ReportActionId };

export const REPORT_VIEW_TYPE = 'liveperson.reasonUsageReport';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const oneOf = <T extends string>(v: unknown, all: readonly T[]): v is T => typeof v === 'string' && (all as readonly string[]).includes(v);

export function parseSort(v: unknown): ReportSort | undefined {
  return isObj(v) && oneOf(v.column, REPORT_COLUMNS) && oneOf(v.direction, ['ascending', 'descending'] as const) ? { column: v.column, direction: v.direction } : undefined;
}

export function parseReportUiState(v: unknown): ReportUiState | undefined {
  if (!isObj(v) || !oneOf(v.range, REPORT_RANGES) || !oneOf(v.zone, REPORT_ZONES)) return undefined;
  const sort = parseSort(v.sort);
  if (!sort) return undefined;
  return { range: v.range, zone: v.zone, sort, ...(typeof v.heatmapReason === 'string' && v.heatmapReason.length < 40 ? { heatmapReason: v.heatmapReason } : {}) };
}

/** What the host accepts from the webview. */
export function parseReportMessage(raw: unknown): Parsed<ReportToHost> {
  if (!isObj(raw) || typeof raw.type !== 'string') return { ok: false, problem: 'not a message object' };
  switch (raw.type) {
    case 'ready': case 'cancel': return { ok: true, value: { type: raw.type } };
    case 'load':
      if (!oneOf(raw.range, REPORT_RANGES) || !oneOf(raw.zone, REPORT_ZONES)) return { ok: false, problem: 'load: bad range or zone' };
      return { ok: true, value: { type: 'load', range: raw.range, zone: raw.zone, fresh: raw.fresh === true } };
    case 'uiState': {
      const state = parseReportUiState(raw.state);
      return state ? { ok: true, value: { type: 'uiState', state } } : { ok: false, problem: 'uiState: bad state' };
    }
    case 'exportCsv': case 'copyMarkdown': {
      const sort = parseSort(raw.sort);
      return sort ? { ok: true, value: { type: raw.type, sort } } : { ok: false, problem: `${raw.type}: bad sort` };
    }
    case 'action':
      return oneOf(raw.action, ['retry', 'signIn', 'showLog'] as const) ? { ok: true, value: { type: 'action', action: raw.action } } : { ok: false, problem: 'action: unknown action' };
    default:
      return { ok: false, problem: `unknown message type ${JSON.stringify(raw.type).slice(0, 40)}` };
  }
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const str = (v: unknown): v is string => typeof v === 'string';

function rowProblem(r: unknown): string | undefined {
  if (!isObj(r)) return 'a row is not an object';
  if (!str(r.reasonId) || !str(r.text) || !oneOf(r.state, ['Away', 'Online', 'Occupied'] as const) || !oneOf(r.status, ['enabled', 'disabled', 'deleted'] as const)) return 'a row has a bad id, text, state or status';
  if (![r.uses, r.totalMs, r.agents, r.medianMs, r.p90Ms].every(num)) return 'a row has a bad number';
  if (!Array.isArray(r.heatmap) || r.heatmap.length !== 168 || !r.heatmap.every(num)) return 'a row has a bad heatmap';
  return undefined;
}

/** What the webview accepts from the host. */
export function parseHostReportMessage(raw: unknown): Parsed<HostToReport> {
  if (!isObj(raw) || typeof raw.type !== 'string') return { ok: false, problem: 'not a message object' };
  switch (raw.type) {
    case 'init': {
      const state = parseReportUiState(raw.state);
      return state ? { ok: true, value: { type: 'init', state } } : { ok: false, problem: 'init: bad state' };
    }
    case 'loading': return num(raw.requestId) && str(raw.text) ? { ok: true, value: { type: 'loading', requestId: raw.requestId, text: raw.text } } : { ok: false, problem: 'loading: bad fields' };
    case 'cancelled': return num(raw.requestId) ? { ok: true, value: { type: 'cancelled', requestId: raw.requestId } } : { ok: false, problem: 'cancelled: bad id' };
    case 'notice': return oneOf(raw.level, ['info', 'error'] as const) && str(raw.text) ? { ok: true, value: { type: 'notice', level: raw.level, text: raw.text } } : { ok: false, problem: 'notice: bad fields' };
    case 'error': {
      const e = raw.error;
      if (!num(raw.requestId) || !isObj(e) || !str(e.title) || !str(e.message) || !Array.isArray(e.actions)) return { ok: false, problem: 'error: bad fields' };
      const actions = e.actions.filter((a): a is { id: ReportActionId; label: string } => isObj(a) && oneOf(a.id, ['retry', 'signIn', 'showLog'] as const) && str(a.label));
      return { ok: true, value: { type: 'error', requestId: raw.requestId, error: { title: e.title, message: e.message, ...(str(e.hint) ? { hint: e.hint } : {}), actions } } };
    }
    case 'data': {
      const p = raw.report;
      if (!num(raw.requestId) || !isObj(p) || !oneOf(p.range, REPORT_RANGES) || !oneOf(p.zone, REPORT_ZONES) || !str(p.accountId) || !str(p.timeZone)) return { ok: false, problem: 'data: bad report' };
      if (![p.from, p.to, p.computedAt, p.changes, p.agents, p.awayTotalMs].every(num) || !Array.isArray(p.rows)) return { ok: false, problem: 'data: bad numbers' };
      const bad = p.rows.map(rowProblem).find(x => x);
      if (bad) return { ok: false, problem: `data: ${bad}` };
      return { ok: true, value: { type: 'data', requestId: raw.requestId, report: p as unknown as ReportPayload } };
    }
    default:
      return { ok: false, problem: `unknown message type ${JSON.stringify(raw.type).slice(0, 40)}` };
  }
}
