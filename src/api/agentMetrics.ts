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
function time(o: Record<string, unknown>, key: string): number | undefined {
  const l = num(o[`${key}L`]);
  if (l !== undefined) return l;
  const s = o[key];
  if (typeof s === 'string') {
    const t = Date.parse(s.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    if (Number.isFinite(t)) return t;
  }
  return typeof s === 'number' ? s : undefined;
}

export function parseAgentRecord(raw: unknown): AgentStatusRecord | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  const agentId = idString(o.agentId);
  if (!agentId) return undefined;
  const status = String(o.currentStatus ?? 'OFFLINE').toUpperCase();
  const rec: AgentStatusRecord = {
    agentId,
    agentSkills: Array.isArray(o.agentSkills)
      ? o.agentSkills.flatMap((s) => {
          const sk = s as Record<string, unknown>;
          const skillId = idString(sk?.skillId);
          return skillId ? [{ skillId, ...(typeof sk.skillName === 'string' ? { skillName: sk.skillName } : {}) }] : [];
        })
      : [],
    currentStatus: (['ONLINE', 'AWAY', 'BACK_SOON', 'OFFLINE'].includes(status) ? status : 'OFFLINE') as MetricsStatus,
  };
  const strs = ['agentName', 'agentNickname', 'agentLoginName', 'agentGroupName'] as const;
  for (const k of strs) if (typeof o[k] === 'string') rec[k] = o[k] as string;
  const gid = idString(o.agentGroupId);
  if (gid) rec.agentGroupId = gid;
  const reason = idString(o.currentStatusReason);
  if (reason && reason !== 'NA' && Number(reason) > 0) rec.currentStatusReason = reason;
  const times = { currentStatusStartTime: 'currentStatusStartTime', currentStatusReasonStartTime: 'currentStatusReasonStartTime', lastUpdatedTime: 'lastUpdatedTime' } as const;
  for (const [field, key] of Object.entries(times) as [keyof typeof times, string][]) {
    const t = time(o, key);
    if (t !== undefined) rec[field] = t;
  }
  const nums = ['currentStatusDuration', 'currentStatusReasonDuration', 'load', 'ringingSlots', 'configuredMaxSlots', 'busySlots', 'openAssignedConversations', 'intenseConversations'] as const;
  for (const k of nums) {
    const n = num(o[k]);
    if (n !== undefined) rec[k] = n;
  }
  if (o.agentPresence !== undefined) rec.agentPresence = o.agentPresence === true || o.agentPresence === 'true';
  if (o.currentConnectionState === 'CONNECTED' || o.currentConnectionState === 'DISCONNECTED') rec.currentConnectionState = o.currentConnectionState as ConnectionState;
  return rec;
}

/** Runs `fn` over `items` with at most `limit` in flight; rejects on the first failure. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
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
