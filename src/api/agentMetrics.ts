// Agent Metrics (liveperson-api.md §4): agent-view/status with every filter, all agents (the first
// page, then the remaining pages — or, when the count is already known from the last refresh, every
// page at once — never more than 6 requests in flight, limit ≤ 1000; a failed page retried on its own,
// and one that still fails reported as missing instead of failing the whole list), partialResult
// surfaced (OR of pages), duplicates across pages removed by agentId; and the summary call (its two
// services: agentSummary.ts).
import { AgentSummaries } from './agentSummary';
import { finiteNumber as num, idString, type ApiContext } from './apiContext';
import { CancelledError, type ErrorKind, isCancellation, LivePersonError } from './errors';
import { sleep } from './http';
import { APIS, badResponseError } from './httpErrors';
import type { RetryPolicy } from './retryPolicy';
import type {
  AgentMetricsFilter, AgentStatusPage, AgentStatusRecord, AgentSummaryResult, AllAgentsResult, ConnectionState, LivePersonClient, MetricsStatus, RequestOptions,
} from './types';

const BASE = '/messaging_history/api/account/{account}/agent-view';
export const MAX_PAGE_SIZE = 1000;
/** never more agent-view requests in flight at once than this (no setting) */
export const MAX_CONCURRENCY = 6;
/** a page is tried this many times in all (each try with Http's own 429/5xx retries) before it counts as missing */
export const PAGE_ATTEMPTS = 4;

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

/**
 * A FIFO counting semaphore: `run` starts `fn` once fewer than `limit` runs are in flight. When
 * `signal` aborts, every run still waiting for a slot is dropped (CancelledError) — one listener for
 * all of them, however many wait.
 */
export class Limiter {
  private running = 0;
  private readonly queue: { start: () => void; drop: () => void }[] = [];
  private readonly onAbort = () => {
    for (const w of this.queue.splice(0)) w.drop();
  };

  constructor(
    readonly limit: number,
    private readonly signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** the runs in flight now */
  get inFlight(): number {
    return this.running;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.running--;
      this.queue.shift()?.start();
    }
  }

  /** Stops listening to the signal (the owner is done with this limiter). */
  dispose(): void {
    this.signal?.removeEventListener('abort', this.onAbort);
  }

  private acquire(): Promise<void> {
    if (this.signal?.aborted) return Promise.reject(new CancelledError());
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.queue.push({
        start: () => {
          this.running++;
          resolve();
        },
        drop: () => reject(new CancelledError()),
      });
    });
  }
}

const RETRYABLE: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['rateLimit', 'server', 'badResponse', 'network', 'timeout']);
const kindOf = (e: unknown): ErrorKind | undefined => (e instanceof LivePersonError ? e.kind : undefined);
/** the server declined to answer (429 / 5xx, after Http's own retries) — as opposed to an answer lost on the way */
const isRefusal = (e: unknown): boolean => kindOf(e) === 'rateLimit' || kindOf(e) === 'server';

/**
 * The pages of one allAgents call. Each page goes through Http (which already retries 429 and 5xx
 * per RetryPolicy); a page that still fails with a transient error (429, 5xx, a lost or cut-off
 * answer, a timeout) is tried again on its own — round by round, each round of retries after a
 * backoff (1×, 2×, 4× the 429 minimum, or the longest Retry-After its pages got) — up to
 * PAGE_ATTEMPTS in all, so a refresh always ends. Any other error (401, 403, 400…) or a
 * cancellation stops the run: nothing more starts, what is in flight is aborted, and the error is
 * thrown once every request has settled (so a next refresh never overlaps this one). When the
 * server refuses every page it is asked before any page answered (a 429 or 5xx storm), the run
 * stops there too instead of multiplying requests: the scheduler's backoff takes over.
 */
class PageRun {
  readonly pages = new Map<number, AgentStatusPage>();
  /** offset → the last error of a page that has not answered (yet) */
  readonly failed = new Map<number, unknown>();
  private readonly abort = new AbortController();
  private stopError: unknown;
  private refusedBeforeAnswer = 0;
  private readonly onOuterAbort = () => this.stop(new CancelledError());

  private readonly limiter: Limiter;

  constructor(
    private readonly fetchPage: (offset: number, signal: AbortSignal) => Promise<AgentStatusPage>,
    concurrency: number,
    private readonly policy: RetryPolicy,
    private readonly outer?: AbortSignal,
  ) {
    this.limiter = new Limiter(concurrency, this.abort.signal);
    outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  dispose(): void {
    this.outer?.removeEventListener('abort', this.onOuterAbort);
    this.limiter.dispose();
  }

  /** the largest `_metadata.count` any page answered */
  get count(): number {
    return Math.max(0, ...[...this.pages.values()].map((p) => p.count));
  }

  /** Fetches `offsets` (each once, then the failed ones again, round by round). Throws as the class comment says. */
  async fetch(offsets: readonly number[]): Promise<void> {
    if (this.outer?.aborted) throw new CancelledError();
    let todo = offsets.filter((o) => !this.pages.has(o));
    for (let attempt = 1; todo.length > 0 && attempt <= PAGE_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        // one wait for the round (one abort listener, however many pages): the longest any of its pages asks for
        const wait = Math.max(...todo.map((o) => this.delay(this.failed.get(o), attempt)));
        try {
          await sleep(wait, this.abort.signal);
        } catch {
          throw this.stopError ?? new CancelledError();
        }
      }
      const round = todo.length;
      await Promise.all(todo.map((o) => this.one(o, round)));
      if (this.stopError !== undefined) throw this.stopError;
      todo = todo.filter((o) => this.failed.has(o));
    }
  }

  private async one(offset: number, round: number): Promise<void> {
    try {
      const page = await this.limiter.run(() => this.fetchPage(offset, this.abort.signal));
      this.failed.delete(offset);
      this.pages.set(offset, page);
    } catch (e) {
      if (this.stopError !== undefined) return; // stopping: this page was aborted with the rest
      if (isCancellation(e) || !RETRYABLE.has(kindOf(e) as ErrorKind)) return this.stop(e);
      this.failed.set(offset, e);
      if (this.pages.size === 0 && isRefusal(e) && ++this.refusedBeforeAnswer >= Math.min(this.limiter.limit, round)) this.stop(e);
    }
  }

  /** before attempt n (≥ 2): 1×, 2×, 4× the 429 minimum — or longer when the server's Retry-After asks */
  private delay(error: unknown, attempt: number): number {
    const backoff = this.policy.rateLimitMinMs * 2 ** (attempt - 2);
    const asked = error instanceof LivePersonError && error.retryAfterMs !== undefined ? error.retryAfterMs : 0;
    return Math.max(backoff, asked);
  }

  private stop(e: unknown): void {
    if (this.stopError !== undefined) return;
    this.stopError = this.outer?.aborted ? new CancelledError() : e;
    this.abort.abort();
  }
}

type AgentMetricsApi = LivePersonClient['agentMetrics'];

export class AgentMetrics implements AgentMetricsApi {
  private readonly summaries: AgentSummaries;

  constructor(private readonly ctx: ApiContext) {
    this.summaries = new AgentSummaries(ctx);
  }

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

  /**
   * Every agent matching `filter`: the first page (its count tells how many pages there are), then
   * the others, at most MAX_CONCURRENCY in flight; with `knownCount` (a refresh) every page of the
   * last known size at once, then whatever the count grew by. Pages that still fail after their
   * retries (see PageRun) are reported, not thrown: the result holds the agents that did arrive,
   * `partialResult` is set and `failedPages` / `missingAgents` say what is missing. Throws when no
   * page at all answered, on a non-retryable error, and on cancellation.
   */
  async allAgents(filter: AgentMetricsFilter = {}, opts: RequestOptions & { pageSize?: number; concurrency?: number; knownCount?: number } = {}): Promise<AllAgentsResult> {
    const pageSize = Math.max(1, Math.min(opts.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE));
    const concurrency = Math.max(1, Math.min(opts.concurrency ?? MAX_CONCURRENCY, MAX_CONCURRENCY));
    const run = new PageRun((offset, signal) => this.status(filter, { offset, limit: pageSize }, { signal }), concurrency, this.ctx.http.policy, opts.signal);
    const offsets = (from: number, count: number) => {
      const out: number[] = [];
      for (let o = from; o < count; o += pageSize) out.push(o);
      return out;
    };
    try {
      const asked = opts.knownCount !== undefined && opts.knownCount > 0 ? Math.ceil(opts.knownCount / pageSize) * pageSize : pageSize;
      await run.fetch(offsets(0, asked));
      if (run.pages.size === 0) throw run.failed.values().next().value;
      if (run.count > asked) await run.fetch(offsets(asked, run.count)); // the rest of a first load; what a known count grew by
      return this.joined(run, pageSize);
    } finally {
      run.dispose();
    }
  }

  private joined(run: PageRun, pageSize: number): AllAgentsResult {
    const count = run.count;
    const failed = [...run.failed.keys()].filter((o) => o < count).sort((a, b) => a - b);
    const missingAgents = failed.reduce((n, o) => n + Math.min(pageSize, count - o), 0);
    const byId = new Map<string, AgentStatusRecord>();
    for (const o of [...run.pages.keys()].sort((a, b) => a - b)) for (const r of run.pages.get(o)!.records) if (!byId.has(r.agentId)) byId.set(r.agentId, r);
    const serverPartial = [...run.pages.values()].some((p) => p.partialResult);
    const pages = run.pages.size + failed.length;
    if (failed.length) {
      this.ctx.http.logger.warn(`Agent Metrics: ${failed.length} of ${pages} pages failed after ${PAGE_ATTEMPTS} attempts each (offsets ${failed.join(', ')}; ≈ ${missingAgents} agents); returning the ${byId.size} that arrived.`);
    }
    return { records: [...byId.values()], count, partialResult: serverPartial || failed.length > 0, serverPartial, pages, failedPages: failed.length, missingAgents };
  }

  /**
   * The account summary (§4.2) for the `status`, `agentIds`, `skillIds` and `agentGroupIds` of
   * `filter`: from agentManagerWorkspace, or msgHist when the account lacks that service or its host
   * answers 404 (see agentSummary.ts); `source` says which. Neither → MissingServiceError.
   */
  summary(filter: AgentMetricsFilter = {}, opts: RequestOptions = {}): Promise<AgentSummaryResult> {
    const { status, agentIds, skillIds, agentGroupIds } = filterBody(filter);
    return this.summaries.fetch({ status, agentIds, skillIds, agentGroupIds }, opts);
  }
}
