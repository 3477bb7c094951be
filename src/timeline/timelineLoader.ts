// Fetches and prepares everything one timeline shows — no `vscode` here, so it runs anywhere:
// names and reasons (lookups), Agent Activity state changes (one agent at a time for a small
// selection, else the whole account filtered), the pure timeline model, the live "now" segment
// from Agent Metrics, totals, and finally the columnar typed arrays posted to the webview. The
// timelines are kept (by the panel) so the time limits can be applied again without a refetch.
import { isCancellation } from '../api/errors';
import type { AgentStatusRecord, LivePersonClient, LookupTables, StatusChange } from '../api/types';
import { stateFromMetrics } from '../domain/agentState';
import { buildTimelines } from '../domain/timeline';
import { appendNow } from '../domain/timelineLive';
import type { LimitPolicy } from '../domain/timeLimits';
import { computeTotals } from '../domain/timelineTotals';
import type { AgentTimeline } from '../domain/timelineTypes';
import { packTimelines, type ColumnarDataset } from '../shared/columnar';
import { packOverLimit, type OverLimitColumns } from '../shared/overLimitColumns';
import { labelNamesakes } from '../shared/laneLabels';
import type { AgentScope, LoadProgress, TotalsPayload } from '../shared/protocol';

/** Up to this many selected agents are fetched one by one (agentId filter); more → whole account, filtered. */
export const PER_AGENT_LIMIT = 20;
/** Per-agent queries in flight at once. */
export const ACTIVITY_CONCURRENCY = 3;
/** The live "now" segment is added only when the range reaches this close to now. */
export const LIVE_SLACK_MS = 5 * 60_000;

export interface LoadedTimeline {
  dataset: ColumnarDataset;
  totals: TotalsPayload;
  overLimit: OverLimitColumns;
  /** in the dataset's lane order (what withLimits takes) */
  timelines: AgentTimeline[];
  notes: string[];
  changes: number;
}

export interface LoadOptions {
  signal: AbortSignal;
  now: number;
  /** how far back the account serves history (liveperson.timeline.lookBackMonths) */
  lookBackMonths?: number;
  /** the time limits (liveperson.agents.timeLimits) marked and totalled */
  limits?: LimitPolicy;
  onProgress(p: LoadProgress): void;
}

/** Totals and over-limit parts of loaded timelines under a (new) limit policy. */
export function withLimits(timelines: readonly AgentTimeline[], window: { from: number; to: number }, limits: LimitPolicy | undefined): { totals: TotalsPayload; overLimit: OverLimitColumns } {
  return { totals: computeTotals(timelines, window, limits), overLimit: packOverLimit(timelines, limits) };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export async function loadTimeline(client: LivePersonClient, scope: AgentScope, window: { from: number; to: number }, opts: LoadOptions): Promise<LoadedTimeline> {
  const notes: string[] = [];
  const progress: LoadProgress = { phase: 'names', pages: 0, received: 0, chunk: 0, chunks: 1 };
  opts.onProgress({ ...progress });
  let lookups: LookupTables | undefined;
  try {
    lookups = await client.lookups.load({ signal: opts.signal });
  } catch (e) {
    if (isCancellation(e) || opts.signal.aborted) throw e;
    notes.push('Agent names could not be loaded (the log has why): lanes show login names or ids.');
  }
  const names = new Map<string, string>();
  const groupNames = new Map<string, string>();
  const reasonTexts = new Map<string, string>();
  lookups?.users.forEach((u, id) => names.set(id, u.displayName));
  lookups?.groups.forEach((g, id) => groupNames.set(id, g.name));
  lookups?.reasons.forEach((r, id) => reasonTexts.set(id, r.text));

  // ---- Agent Activity ----
  progress.phase = 'activity';
  const wanted = scope.kind === 'agents' ? new Set(scope.agentIds) : undefined;
  const queries = wanted && wanted.size <= PER_AGENT_LIMIT ? [...wanted].map(agentId => ({ agentId })) : [{}];
  const pagesOf = new Array<number>(queries.length).fill(0);
  const receivedOf = new Array<number>(queries.length).fill(0);
  const parts: StatusChange[][] = new Array(queries.length);
  let next = 0;
  // one failure stops the other queries too
  const stopAll = new AbortController();
  const onAbort = () => stopAll.abort();
  if (opts.signal.aborted) stopAll.abort(); else opts.signal.addEventListener('abort', onAbort);
  const worker = async () => {
    while (next < queries.length) {
      const q = next++;
      parts[q] = await client.agentActivity.statusChanges({ from: window.from, to: window.to, ...queries[q], lookBackMonths: opts.lookBackMonths }, {
        signal: stopAll.signal,
        onProgress: p => {
          pagesOf[q] = p.pages;
          receivedOf[q] = p.received;
          progress.pages = pagesOf.reduce((a, b) => a + b, 0);
          progress.received = receivedOf.reduce((a, b) => a + b, 0);
          progress.totalPages = queries.length === 1 && p.totalPages ? p.totalPages : undefined;
          progress.chunk = p.chunk;
          progress.chunks = p.chunks;
          opts.onProgress({ ...progress });
        },
      });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(ACTIVITY_CONCURRENCY, queries.length) }, worker));
  } catch (e) {
    stopAll.abort();
    throw e;
  } finally {
    opts.signal.removeEventListener('abort', onAbort);
  }
  let changes: StatusChange[] = parts.length === 1 ? parts[0] : parts.flat();
  if (wanted) changes = changes.filter(c => wanted.has(c.agentId));
  let timelines = buildTimelines(changes, window, { names, reasonTexts });

  // lanes for selected agents with no activity in the range
  if (wanted) {
    const have = new Set(timelines.map(t => t.agentId));
    for (const id of wanted) if (!have.has(id)) timelines.push(emptyTimeline(id, names, lookups));
  }
  for (const t of timelines) {
    const user = lookups?.users.get(t.agentId);
    if (!t.agentGroupId && user?.agentGroupId) t.agentGroupId = user.agentGroupId;
  }

  // ---- the live "now" segment ----
  if (window.to >= opts.now - LIVE_SLACK_MS) {
    progress.phase = 'live';
    opts.onProgress({ ...progress });
    try {
      const live = await client.agentMetrics.allAgents(wanted && wanted.size <= 1000 ? { agentIds: [...wanted] } : {}, { signal: opts.signal });
      // the open interval ends at the window's end (= now for presets), never past it
      timelines = withNow(timelines, live.records, wanted, names, reasonTexts, lookups, Math.min(opts.now, window.to));
      if (live.partialResult) notes.push('The live view answered partially: some agents have no "now" segment.');
    } catch (e) {
      if (isCancellation(e) || opts.signal.aborted) throw e;
      notes.push('The live state could not be loaded, so there is no "now" segment: the picture ends where Agent Activity data ends (about an hour ago).');
    }
  }

  timelines.sort((a, b) => collator.compare(a.agentName ?? a.agentId, b.agentName ?? b.agentId) || a.agentId.localeCompare(b.agentId));
  const { totals, overLimit } = withLimits(timelines, window, opts.limits);
  const dataset = packTimelines(timelines, groupNames);
  // namesakes over the whole account, as the Live Agents tree labels them
  labelNamesakes(dataset.lanes, new Map(lookups ? [...lookups.users.values()].map(u => [u.id, u.displayName] as const) : []));
  return { dataset, totals, overLimit, timelines, notes, changes: changes.length };
}

function emptyTimeline(agentId: string, names: ReadonlyMap<string, string>, lookups: LookupTables | undefined): AgentTimeline {
  const user = lookups?.users.get(agentId);
  return {
    agentId,
    ...(names.get(agentId) ? { agentName: names.get(agentId) } : {}),
    ...(user?.loginName ? { agentLoginName: user.loginName } : {}),
    ...(user?.agentGroupId ? { agentGroupId: user.agentGroupId } : {}),
    intervals: [], sessions: [], markers: [],
  };
}

function withNow(timelines: AgentTimeline[], records: readonly AgentStatusRecord[], wanted: ReadonlySet<string> | undefined, names: ReadonlyMap<string, string>, reasonTexts: ReadonlyMap<string, string>, lookups: LookupTables | undefined, now: number): AgentTimeline[] {
  const byId = new Map(timelines.map((t, i) => [t.agentId, i]));
  const out = timelines.slice();
  for (const r of records) {
    if (wanted && !wanted.has(r.agentId)) continue;
    let i = byId.get(r.agentId);
    if (i === undefined) {
      const t = emptyTimeline(r.agentId, names, lookups);
      if (!t.agentName && r.agentName) t.agentName = r.agentNickname || r.agentName;
      if (!t.agentGroupId && r.agentGroupId) t.agentGroupId = r.agentGroupId;
      i = out.push(t) - 1;
      byId.set(r.agentId, i);
    }
    const reasonId = r.currentStatusReason && r.currentStatusReason !== '0' && r.currentStatusReason !== '-1' ? r.currentStatusReason : undefined;
    out[i] = appendNow(out[i], {
      state: stateFromMetrics(r.currentStatus),
      ...(reasonId ? { reasonId } : {}),
      ...(reasonId && reasonTexts.get(reasonId) ? { reasonText: reasonTexts.get(reasonId) } : {}),
      since: r.currentStatusStartTime ?? now,
    }, now);
  }
  return out;
}
