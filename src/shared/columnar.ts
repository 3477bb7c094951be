// The columnar form of activity timelines posted from the host to the webview: one set of typed
// arrays for all lanes, cut into lanes by offsets (lane i owns [laneOffsets[i], laneOffsets[i+1])).
// Intervals within a lane are sorted and consecutive, so `start` and `end` are both sorted per lane
// and the renderer can binary-search the visible window. The ArrayBuffers are posted, not objects.
import { AGENT_STATES, type AgentState } from '../domain/agentState';
import type { AgentTimeline } from '../domain/timelineTypes';

/** State codes in the typed arrays: the index in AGENT_STATES (online, backSoon, away, offline). */
export const STATE_CODE: Record<AgentState, number> = { online: 0, backSoon: 1, away: 2, offline: 3 };
export const STATE_COUNT = 4;
export function stateOfCode(code: number): AgentState {
  return AGENT_STATES[code] ?? 'offline';
}
export const MARKER_LOGIN = 0;
export const MARKER_LOGOUT = 1;
/** flags bit: the interval is still going (the live "now" segment) */
export const FLAG_OPEN = 1;

export interface LaneInfo {
  agentId: string;
  name: string;
  /** set when another agent of the account has the same name: "Chloé (chloe.moreau)" (see laneLabels.ts) */
  label?: string;
  loginName?: string;
  groupId?: string;
  groupName?: string;
}

export interface ColumnarDataset {
  lanes: LaneInfo[];
  /** lanes.length + 1 entries */
  laneOffsets: Uint32Array;
  start: Float64Array;
  end: Float64Array;
  state: Uint8Array;
  /** index into `reasons`; 0 = no reason (reasons[0] === '') */
  reason: Uint16Array;
  /** index into `sessions`; 0 = no session (sessions[0] === '') */
  session: Uint32Array;
  flags: Uint8Array;
  markerOffsets: Uint32Array;
  markerTime: Float64Array;
  /** MARKER_LOGIN | MARKER_LOGOUT */
  markerKind: Uint8Array;
  reasons: string[];
  sessions: string[];
}

export const MAX_REASONS = 0xffff;

/** Packs the pure model's timelines (already in lane order) into typed arrays. */
export function packTimelines(timelines: readonly AgentTimeline[], groupNames?: ReadonlyMap<string, string>): ColumnarDataset {
  let n = 0;
  let m = 0;
  for (const t of timelines) { n += t.intervals.length; m += t.markers.length; }
  const ds: ColumnarDataset = {
    lanes: [],
    laneOffsets: new Uint32Array(timelines.length + 1),
    start: new Float64Array(n), end: new Float64Array(n), state: new Uint8Array(n),
    reason: new Uint16Array(n), session: new Uint32Array(n), flags: new Uint8Array(n),
    markerOffsets: new Uint32Array(timelines.length + 1), markerTime: new Float64Array(m), markerKind: new Uint8Array(m),
    reasons: [''], sessions: [''],
  };
  const reasonIndex = new Map<string, number>();
  const sessionIndex = new Map<string, number>();
  let i = 0;
  let k = 0;
  timelines.forEach((t, lane) => {
    ds.lanes.push({
      agentId: t.agentId,
      name: t.agentName || t.agentLoginName || t.agentId,
      ...(t.agentLoginName ? { loginName: t.agentLoginName } : {}),
      ...(t.agentGroupId ? { groupId: t.agentGroupId } : {}),
      ...(t.agentGroupId && groupNames?.get(t.agentGroupId) ? { groupName: groupNames.get(t.agentGroupId) } : {}),
    });
    ds.laneOffsets[lane] = i;
    ds.markerOffsets[lane] = k;
    for (const iv of t.intervals) {
      ds.start[i] = iv.start;
      ds.end[i] = iv.end;
      ds.state[i] = STATE_CODE[iv.state] ?? STATE_CODE.offline;
      const text = iv.reasonText ?? '';
      if (text) {
        let r = reasonIndex.get(text);
        if (r === undefined && ds.reasons.length <= MAX_REASONS) { r = ds.reasons.length; ds.reasons.push(text); reasonIndex.set(text, r); }
        ds.reason[i] = r ?? 0;
      }
      if (iv.sessionId) {
        let s = sessionIndex.get(iv.sessionId);
        if (s === undefined) { s = ds.sessions.length; ds.sessions.push(iv.sessionId); sessionIndex.set(iv.sessionId, s); }
        ds.session[i] = s;
      }
      if (iv.open) ds.flags[i] = FLAG_OPEN;
      i++;
    }
    for (const mk of t.markers) {
      ds.markerTime[k] = mk.time;
      ds.markerKind[k] = mk.kind === 'login' ? MARKER_LOGIN : MARKER_LOGOUT;
      k++;
    }
  });
  ds.laneOffsets[timelines.length] = i;
  ds.markerOffsets[timelines.length] = k;
  return ds;
}

export function intervalCount(ds: ColumnarDataset): number {
  return ds.start.length;
}

/** Every ArrayBuffer of a dataset (for a transfer list). */
export function datasetBuffers(ds: ColumnarDataset): ArrayBuffer[] {
  return [ds.laneOffsets, ds.start, ds.end, ds.state, ds.reason, ds.session, ds.flags, ds.markerOffsets, ds.markerTime, ds.markerKind]
    .map(a => a.buffer as ArrayBuffer);
}

/**
 * Checks a dataset that came over the wire: array types, lengths, offsets monotone and in range,
 * codes in range, per-lane intervals sorted. Returns a problem or undefined.
 */
export function datasetProblem(x: unknown): string | undefined {
  if (typeof x !== 'object' || x === null) return 'dataset is not an object';
  const d = x as Record<string, unknown>;
  if (!Array.isArray(d.lanes)) return 'lanes is not an array';
  for (const [j, lane] of (d.lanes as unknown[]).entries()) {
    if (typeof lane !== 'object' || lane === null) return `lane ${j} is not an object`;
    const l = lane as Record<string, unknown>;
    if (typeof l.agentId !== 'string' || typeof l.name !== 'string') return `lane ${j} lacks agentId/name`;
    for (const f of ['label', 'loginName', 'groupId', 'groupName']) if (l[f] !== undefined && typeof l[f] !== 'string') return `lane ${j}.${f} is not a string`;
  }
  const typed: [string, new (n: number) => ArrayLike<number>][] = [
    ['laneOffsets', Uint32Array], ['start', Float64Array], ['end', Float64Array], ['state', Uint8Array], ['reason', Uint16Array],
    ['session', Uint32Array], ['flags', Uint8Array], ['markerOffsets', Uint32Array], ['markerTime', Float64Array], ['markerKind', Uint8Array],
  ];
  for (const [name, ctor] of typed) if (!(d[name] instanceof ctor)) return `${name} is not a ${ctor.name}`;
  if (!Array.isArray(d.reasons) || !(d.reasons as unknown[]).every(s => typeof s === 'string') || d.reasons[0] !== '') return 'reasons must be strings starting with ""';
  if (!Array.isArray(d.sessions) || !(d.sessions as unknown[]).every(s => typeof s === 'string') || d.sessions[0] !== '') return 'sessions must be strings starting with ""';
  const ds = x as ColumnarDataset;
  const lanes = ds.lanes.length;
  const n = ds.start.length;
  const m = ds.markerTime.length;
  if (ds.laneOffsets.length !== lanes + 1 || ds.markerOffsets.length !== lanes + 1) return 'offsets do not match the lane count';
  if (ds.end.length !== n || ds.state.length !== n || ds.reason.length !== n || ds.session.length !== n || ds.flags.length !== n) return 'interval columns differ in length';
  if (ds.markerKind.length !== m) return 'marker columns differ in length';
  if (ds.laneOffsets[0] !== 0 || ds.laneOffsets[lanes] !== n || ds.markerOffsets[0] !== 0 || ds.markerOffsets[lanes] !== m) return 'offsets do not cover the columns';
  for (let j = 0; j < lanes; j++) {
    if (ds.laneOffsets[j] > ds.laneOffsets[j + 1] || ds.markerOffsets[j] > ds.markerOffsets[j + 1]) return `offsets of lane ${j} go backwards`;
    for (let i = ds.laneOffsets[j]; i < ds.laneOffsets[j + 1]; i++) {
      if (!(ds.end[i] >= ds.start[i])) return `interval ${i} ends before it starts`;
      if (i > ds.laneOffsets[j] && ds.start[i] < ds.end[i - 1]) return `intervals of lane ${j} overlap or are unsorted`;
    }
    for (let i = ds.markerOffsets[j] + 1; i < ds.markerOffsets[j + 1]; i++) if (ds.markerTime[i] < ds.markerTime[i - 1]) return `markers of lane ${j} are unsorted`;
  }
  for (let i = 0; i < n; i++) {
    if (ds.state[i] >= STATE_COUNT) return `interval ${i} has an unknown state`;
    if (ds.reason[i] >= ds.reasons.length) return `interval ${i} points past the reason dictionary`;
    if (ds.session[i] >= ds.sessions.length) return `interval ${i} points past the session dictionary`;
  }
  for (let i = 0; i < m; i++) if (ds.markerKind[i] > MARKER_LOGOUT) return `marker ${i} has an unknown kind`;
  return undefined;
}
