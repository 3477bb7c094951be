// Agent Metrics (liveperson-api.md §4): agent-view/status with every filter, all agents (the first
// page, then the remaining pages in parallel — bounded concurrency, limit ≤ 1000 — or, when the count
// is already known from the last refresh, every page at once), partialResult surfaced (OR of pages),
// duplicates across pages removed by agentId; and the summary call.
import { idString, type ApiContext } from './apiContext';
import { APIS, badResponseError } from './httpErrors';
import type {
  AgentMetricsFilter, AgentStatusPage, AgentStatusRecord, AgentSummary, AllAgentsResult, ConnectionState, LivePersonClient, MetricsStatus, RequestOptions,
} from './types';

const BASE = '/messaging_history/api/account/{account}/agent-view';
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_CONCURRENCY = 10;
/** a refresh with a known count fetches all its pages at once, up to this many in flight */
export const MAX_CONCURRENCY = 25;

export function filterBody(f: AgentMetricsFilter = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (f.status?.length) body.status = f.status;
  if (f.agentIds?.length) body.agentIds = f.agentIds.map(String);
  if (f.skillIds?.length) body.skillIds = f.skillIds.map(String);
  if (f.agentGroupIds?.length) body.agentGroupIds = f.agentGroupIds.map(String);
  if (f.agentPresence !== undefined) body.agentPresence = f.agentPresence;
  if (f.connectionStates?.length) body.connectionStates = f.connectionStates;
  if (f.timestampFrom !== undefined) body.timestamp = { from: f.timestampFrom };
  return body;
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}
/** `fooL` (epoch ms) when present, else the `yyyy-MM-dd HH:mm:ss.SSS+0000` string. */
function time(long: unknown, text: unknown): number | undefined {
  if (typeof long === 'number') return long;
  const l = num(long);
  if (l !== undefined) return l;
  if (typeof text === 'string') {
    const t = Date.parse(text.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    if (Number.isFinite(t)) return t;
  }
  return typeof text === 'number' ? text : undefined;
}

const STATUSES: ReadonlySet<string> = new Set(['ONLINE', 'AWAY', 'BACK_SOON', 'OFFLINE']);

function skillsOf(v: unknown): { skillId: string; skillName?: string }[] {
  if (!Array.isArray(v)) return [];
  const out: { skillId: string; skillName?: string }[] = [];
  for (const s of v) {
    const skillId = idString((s as Record<string, unknown> | null)?.skillId);
    if (!skillId) continue;
    const name = (s as Record<string, unknown>).skillName;
    out.push(typeof name === 'string' ? { skillId, skillName: name } : { skillId });
  }
  return out;
}

/** One agent-view record → AgentStatusRecord (runs for every agent on every refresh: kept lean). */
export function parseAgentRecord(raw: unknown): AgentStatusRecord | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  const agentId = idString(o.agentId);
  if (!agentId) return undefined;
  const status = typeof o.currentStatus === 'string' ? o.currentStatus.toUpperCase() : 'OFFLINE';
  const rec: AgentStatusRecord = {
    agentId,
    agentSkills: skillsOf(o.agentSkills),
    currentStatus: (STATUSES.has(status) ? status : 'OFFLINE') as MetricsStatus,
  };
  if (typeof o.agentName === 'string') rec.agentName = o.agentName;
  if (typeof o.agentNickname === 'string') rec.agentNickname = o.agentNickname;
  if (typeof o.agentLoginName === 'string') rec.agentLoginName = o.agentLoginName;
  if (typeof o.agentGroupName === 'string') rec.agentGroupName = o.agentGroupName;
  const gid = idString(o.agentGroupId);
  if (gid) rec.agentGroupId = gid;
  const reason = idString(o.currentStatusReason);
  if (reason && reason !== 'NA' && Number(reason) > 0) rec.currentStatusReason = reason;
  let t = time(o.currentStatusStartTimeL, o.currentStatusStartTime);
  if (t !== undefined) rec.currentStatusStartTime = t;
  t = time(o.currentStatusReasonStartTimeL, o.currentStatusReasonStartTime);
  if (t !== undefined) rec.currentStatusReasonStartTime = t;
  t = time(o.lastUpdatedTimeL, o.lastUpdatedTime);
  if (t !== undefined) rec.lastUpdatedTime = t;
  let n = num(o.currentStatusDuration);
  if (n !== undefined) rec.currentStatusDuration = n;
  if ((n = num(o.currentStatusReasonDuration)) !== undefined) rec.currentStatusReasonDuration = n;
  if ((n = num(o.load)) !== undefined) rec.load = n;
  if ((n = num(o.ringingSlots)) !== undefined) rec.ringingSlots = n;
  if ((n = num(o.configuredMaxSlots)) !== undefined) rec.configuredMaxSlots = n;
  if ((n = num(o.busySlots)) !== undefined) rec.busySlots = n;
  if ((n = num(o.openAssignedConversations)) !== undefined) rec.openAssignedConversations = n;
  if ((n = num(o.intenseConversations)) !== undefined) rec.intenseConversations = n;
  if (o.agentPresence !== undefined) rec.agentPresence = o.agentPresence === true || o.agentPresence === 'true';
  if (o.currentConnectionState === 'CONNECTED' || o.currentConnectionState === 'DISCONNECTED') rec.currentConnectionState = o.currentConnectionState as ConnectionState;
  return rec;
}

/** Runs `fn` over `items` with at most `limit` in flight; rejects on the first failure, after which no further item is started. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

type AgentMetricsApi = LivePersonClient['agentMetrics'];

export class AgentMetrics implements AgentMetricsApi {
  constructor(private readonly ctx: ApiContext) {}

  async status(filter: AgentMetricsFilter = {}, page: { offset?: number; limit?: number; sort?: string } = {}, opts: RequestOptions = {}): Promise<AgentStatusPage> {
    const limit = Math.max(1, Math.min(page.limit ?? 50, MAX_PAGE_SIZE));
    const res = await this.ctx.call<Record<string, unknown>>({
      service: 'msgHist', method: 'POST', path: `${BASE}/status`, query: { offset: page.offset ?? 0, limit, sort: page.sort }, body: filterBody(filter), signal: opts.signal, api: APIS.agentMetrics,
    });
    const body = res.body;
    const list = body?.agentStatusRecords;
    if (list !== undefined && !Array.isArray(list)) throw badResponseError('agentStatusRecords that is not a list', res.status, { method: 'POST', path: this.ctx.path(`${BASE}/status`), api: APIS.agentMetrics });
    const records = (list ?? []).map(parseAgentRecord).filter((r): r is AgentStatusRecord => !!r);
    const meta = (body?._metadata ?? {}) as Record<string, unknown>;
    const shards = (meta.shardsStatusResult ?? {}) as Record<string, unknown>;
    return { records, count: num(meta.count) ?? records.length, partialResult: shards.partialResult === true || shards.partialResult === 'true' };
  }

  async allAgents(filter: AgentMetricsFilter = {}, opts: RequestOptions & { pageSize?: number; concurrency?: number; knownCount?: number } = {}): Promise<AllAgentsResult> {
    const pageSize = Math.max(1, Math.min(opts.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE));
    const concurrency = Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY);
    const fetchPage = (offset: number) => this.status(filter, { offset, limit: pageSize }, { signal: opts.signal });
    const offsets = (fromPage: number, count: number) => {
      const out: number[] = [];
      for (let o = fromPage * pageSize; o < count; o += pageSize) out.push(o);
      return out;
    };

    let pages: AgentStatusPage[];
    if (opts.knownCount !== undefined && opts.knownCount > 0) {
      // A refresh: every page of the last known size at once, then whatever the count grew by.
      pages = await mapLimit(offsets(0, opts.knownCount), Math.min(MAX_CONCURRENCY, Math.max(concurrency, Math.ceil(opts.knownCount / pageSize))), fetchPage);
      const count = Math.max(...pages.map((p) => p.count));
      const have = pages.length;
      if (count > have * pageSize) pages.push(...(await mapLimit(offsets(have, count), concurrency, fetchPage)));
    } else {
      const first = await fetchPage(0);
      pages = [first, ...(await mapLimit(offsets(1, first.count), concurrency, fetchPage))];
    }
    const byId = new Map<string, AgentStatusRecord>();
    for (const p of pages) for (const r of p.records) if (!byId.has(r.agentId)) byId.set(r.agentId, r);
    return {
      records: [...byId.values()],
      count: Math.max(...pages.map((p) => p.count)),
      partialResult: pages.some((p) => p.partialResult),
      pages: pages.length,
    };
  }

  async summary(filter: AgentMetricsFilter = {}, opts: RequestOptions = {}): Promise<AgentSummary> {
    const { status, agentIds, skillIds, agentGroupIds } = filterBody(filter);
    const res = await this.ctx.call<Record<string, unknown>>({
      service: 'msgHist', method: 'POST', path: `${BASE}/summary`, body: { status, agentIds, skillIds, agentGroupIds }, signal: opts.signal, api: APIS.agentMetrics,
    });
    const results = res.body?.summaryResults;
    if (!results || typeof results !== 'object') throw badResponseError('a summary without summaryResults', res.status, { method: 'POST', path: this.ctx.path(`${BASE}/summary`), api: APIS.agentMetrics });
    const out: AgentSummary = {};
    for (const [k, v] of Object.entries(results as Record<string, unknown>)) {
      const n = num(v);
      if (n !== undefined) out[k] = n;
    }
    return out;
  }
}
