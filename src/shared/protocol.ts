// The one typed message protocol between the Activity Timeline host (src/timeline) and its webview
// app (src/webview). No `vscode`, no DOM: both sides import it, and both validate every inbound
// message with the guards in protocolGuards.ts before acting on it.
import type { ColumnarDataset } from './columnar';
import type { OverLimitColumns } from './overLimitColumns';
import type { StateTotals } from '../domain/timelineTypes';

export type TimeZoneMode = 'local' | 'utc';
export const TIME_ZONES: readonly TimeZoneMode[] = ['local', 'utc'];
export type RangePreset = '24h' | '7d' | '30d';
export const RANGE_PRESETS: readonly RangePreset[] = ['24h', '7d', '30d'];

/** A preset is resolved against "now" by the host each time data is fetched; custom is absolute. */
export type RangeSpec = { kind: 'preset'; preset: RangePreset } | { kind: 'custom'; from: number; to: number };
/** Who is on the timeline. */
export type AgentScope = { kind: 'all' } | { kind: 'agents'; agentIds: string[]; label: string };
export type LaneDensity = 'comfortable' | 'compact' | 'fit';
export const LANE_DENSITIES: readonly LaneDensity[] = ['comfortable', 'compact', 'fit'];

/** The visible time window (zoom/pan), epoch ms. */
export interface ViewWindow { start: number; end: number }
/** A selected interval, identified by its lane and start (stable across refetches). */
export interface SelectionRef { agentId: string; start: number }

/**
 * UI/navigation state only — never data. Persisted by the webview (getState/setState) and handed to
 * the WebviewPanelSerializer after a reload, which refetches the data for it.
 */
export interface PanelUiState {
  version: 1;
  /** the account the panel was opened for, as accountKey() in accountKey.ts (its agent ids mean other people elsewhere) */
  accountId?: string;
  scope: AgentScope;
  range: RangeSpec;
  view?: ViewWindow;
  selection?: SelectionRef;
  timeZone: TimeZoneMode;
  groupByGroup: boolean;
  density: LaneDensity;
}

export type LoadPhase = 'names' | 'activity' | 'live';
export interface LoadProgress {
  phase: LoadPhase;
  /** pages of state changes fetched so far */
  pages: number;
  totalPages?: number;
  /** state changes received so far */
  received: number;
  chunk: number;
  chunks: number;
}

/** What the user can do next about an error; the host knows how to run each. */
export type PanelActionId = 'retry' | 'signIn' | 'signInWithKey' | 'checkPermissions' | 'switchAccount' | 'openNew' | 'showLog' | 'pickAgents' | 'lastWeek';
export const PANEL_ACTIONS: readonly PanelActionId[] = ['retry', 'signIn', 'signInWithKey', 'checkPermissions', 'switchAccount', 'openNew', 'showLog', 'pickAgents', 'lastWeek'];

export interface PanelError {
  /** LivePersonError kind, or 'unexpected' */
  kind: string;
  title: string;
  message: string;
  hint: string;
  actions: { id: PanelActionId; label: string }[];
}

export interface TotalsPayload {
  /** keyed by agentId */
  perAgent: Record<string, StateTotals>;
  overall: StateTotals;
}

// ---- host → webview ----------------------------------------------------------------------------
/**
 * `clockOffsetMs`: the server's clock minus the local one (presets and range checks use the server's);
 * `lookBackMonths`: how far back a custom range may start (the setting: 6 or 13)
 */
export interface InitMessage { type: 'init'; state: PanelUiState; title: string; clockOffsetMs?: number; lookBackMonths?: number }
export interface StateMessage { type: 'state'; state: PanelUiState; title: string; clockOffsetMs?: number; lookBackMonths?: number }
export interface LoadingMessage { type: 'loading'; requestId: number; progress: LoadProgress }
export interface DataMessage {
  type: 'data';
  requestId: number;
  /** the fetched window, epoch ms */
  from: number;
  to: number;
  /** when the host built it (the "now" segments end here) */
  now: number;
  dataset: ColumnarDataset;
  totals: TotalsPayload;
  /** the parts of intervals over their time limit (liveperson.agents.timeLimits) */
  overLimit: OverLimitColumns;
  /** e.g. "The live view answered partially: 3 agents have no 'now' segment." */
  notes: string[];
}
/** The time-limit settings changed: new over-limit parts and totals for the data of `requestId` (no refetch). */
export interface OverLimitMessage { type: 'overLimit'; requestId: number; overLimit: OverLimitColumns; totals: TotalsPayload }
export interface ErrorMessage { type: 'error'; requestId: number; error: PanelError }
export interface CancelledMessage { type: 'cancelled'; requestId: number }
export interface NoticeMessage { type: 'notice'; level: 'info' | 'error'; text: string }

export type HostToWebview = InitMessage | StateMessage | LoadingMessage | DataMessage | OverLimitMessage | ErrorMessage | CancelledMessage | NoticeMessage;

// ---- webview → host ----------------------------------------------------------------------------
export interface ReadyMessage { type: 'ready' }
/** Fetch (again) for this range; the host answers loading… then data | error | cancelled. */
export interface LoadMessage { type: 'load'; range: RangeSpec }
export interface CancelMessage { type: 'cancel' }
export interface PickAgentsMessage { type: 'pickAgents' }
/** The webview's UI state changed (zoom, selection, time zone…); the host keeps the latest. */
export interface UiStateMessage { type: 'uiState'; state: PanelUiState }
export interface ExportMessage { type: 'export'; format: 'csv' | 'json' }
export interface CopyTotalsMessage { type: 'copyTotals' }
/** Copy a deep link to this view (liveperson.timeline.copyLink). */
export interface CopyLinkMessage { type: 'copyLink' }
export interface ActionMessage { type: 'action'; action: PanelActionId }

export type WebviewToHost = ReadyMessage | LoadMessage | CancelMessage | PickAgentsMessage | UiStateMessage | ExportMessage | CopyTotalsMessage | CopyLinkMessage | ActionMessage;

export const PANEL_VIEW_TYPE = 'liveperson.timeline';
