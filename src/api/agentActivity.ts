// Agent Activity status changes (liveperson-api.md §5): always v=2 (flat), range rules checked before
// anything is sent (RangeRuleError), ranges longer than a month split into allowed chunks, `next`
// links followed to the end (only on the host CSDS gave us: a link elsewhere is refused), progress reported
// after every page, cancellable between and during pages. Ids become strings, sessionId -1 becomes
// undefined, a reason id ≤ 0 means no reason.
import { activityRangeProblem, splitActivityRange } from '../domain/activityRange';
import { idString, type ApiContext } from './apiContext';
import { CancelledError, LivePersonError, RangeRuleError } from './errors';
import { APIS, badResponseError } from './httpErrors';
import type { ActivityProgress, LivePersonClient, RequestOptions, StatusChange, StatusChangesQuery } from './types';

const PATH = '/api/v2/account/{account}/status-changes';
export const ACTIVITY_SOURCE = 'vscodeAgentStatus';
/** v2 pages hold up to 5000 changes; the largest page means the fewest sequential round trips. */
export const DEFAULT_ACTIVITY_PAGE = 5000;
export const MAX_ACTIVITY_PAGE = 5000;

function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}
function timeMs(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !v) return undefined;
  const fast = fastRfc3339Utc(v);
  if (fast !== undefined) return fast;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : undefined;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * `YYYY-MM-DDTHH:mm:ss[.fraction]Z` (what Agent Activity sends, §5.2) without Date.parse — it runs a
 * million times for a month of activity. Anything else (offsets, short forms) → undefined → Date.parse.
 */
export function fastRfc3339Utc(s: string): number | undefined {
  const n = s.length;
  if (n < 20 || s.charCodeAt(n - 1) !== 90 /* Z */ || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  let ms = 0;
  if (n > 20) {
    if (s.charCodeAt(19) !== 46 /* . */) return undefined;
    let scale = 100;
    for (let i = 20; i < n - 1; i++) {
      const d = digit(s, i);
      if (d < 0 || d > 9) return undefined;
      ms += d * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  for (const i of DIGIT_POSITIONS) {
    const d = digit(s, i);
    if (d < 0 || d > 9) return undefined;
  }
  const mo = two(s, 5), d = two(s, 8), h = two(s, 11), mi = two(s, 14), sec = two(s, 17);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return undefined;
  return Date.UTC(two(s, 0) * 100 + two(s, 2), mo - 1, d, h, mi, sec, ms);
}

export function parseStatusChange(raw: unknown): StatusChange | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const o = raw as Record<string, unknown>;
  const agentId = idString(o.agentId);
  const time = timeMs(o.time);
  if (!agentId || time === undefined) return undefined;
  const c: StatusChange = {
    agentId,
    time,
    sequenceNumber: num(o.sequenceNumber) ?? 0,
    statusType: num(o.statusType) ?? 0,
    statusSubType: num(o.statusSubType) ?? 0,
  };
  const session = num(o.sessionId);
  if (session !== undefined && session !== -1) c.sessionId = idString(o.sessionId);
  const reason = num(o.statusReasonId);
  if (reason !== undefined && reason > 0) {
    c.statusReasonId = idString(o.statusReasonId);
    if (typeof o.statusReasonText === 'string' && o.statusReasonText) c.statusReasonText = o.statusReasonText;
  }
  if (typeof o.employeeId === 'string' && o.employeeId) c.employeeId = o.employeeId;
  if (typeof o.agentLoginName === 'string' && o.agentLoginName) c.agentLoginName = o.agentLoginName;
  if (typeof o.agentUserName === 'string' && o.agentUserName) c.agentUserName = o.agentUserName;
  const gid = idString(o.agentGroupId);
  if (gid) c.agentGroupId = gid;
  const prev = timeMs(o.prevStatusChangeTime);
  if (prev !== undefined) c.prevStatusChangeTime = prev;
  return c;
}

function link(body: Record<string, unknown>, rel: string): string | undefined {
  const meta = (body._metadata ?? body.metadata) as Record<string, unknown> | undefined;
  const refs = meta?.references;
  if (!Array.isArray(refs)) return undefined;
  const ref = refs.find((r) => r && typeof r === 'object' && (r as Record<string, unknown>).rel === rel) as Record<string, unknown> | undefined;
  return typeof ref?.href === 'string' ? ref.href : undefined;
}
function offsetOf(href: string | undefined): number | undefined {
  if (!href) return undefined;
  try {
    return num(new URL(href, 'http://x').searchParams.get('offset'));
  } catch {
    return undefined;
  }
}

type AgentActivityApi = LivePersonClient['agentActivity'];

export class AgentActivity implements AgentActivityApi {
  constructor(private readonly ctx: ApiContext) {}

  async statusChanges(query: StatusChangesQuery, opts: RequestOptions & { onProgress?: (p: ActivityProgress) => void } = {}): Promise<StatusChange[]> {
    const now = this.ctx.http.serverClock.now(); // the range rules are the server's
    const to = Math.min(query.to, now);
    const problem = activityRangeProblem(query.from, to, now, query.lookBackMonths);
    if (problem) throw new RangeRuleError(problem);
    const filters = [query.agentId, query.empId, query.groupId].filter((v) => v !== undefined && v !== '');
    if (filters.length > 1) throw new RangeRuleError('Agent Activity filters by one agent, one employee id or one group — not several at once.', 'Choose one filter.');
    const limit = Math.max(1, Math.min(query.limit ?? DEFAULT_ACTIVITY_PAGE, MAX_ACTIVITY_PAGE));
    const chunks = splitActivityRange(query.from, to);
    const out: StatusChange[] = [];
    const progress: ActivityProgress = { received: 0, pages: 0, chunk: 0, chunks: chunks.length };
    try {
      await this.fetchAll(chunks, query, limit, opts, out, progress);
    } catch (e) {
      if (e instanceof LivePersonError && e.kind === 'auth' && this.ctx.auth.kind === 'login') {
        throw new LivePersonError(e.message, 'auth', 'Agent Activity accepts API keys (OAuth 1.0a) rather than a user login: sign in with an API key that has the Agent Activity permission.', e.status, e.causes, e.request);
      }
      throw e;
    }
    return out;
  }

  private async fetchAll(
    chunks: { from: number; to: number }[],
    query: StatusChangesQuery,
    limit: number,
    opts: RequestOptions & { onProgress?: (p: ActivityProgress) => void },
    out: StatusChange[],
    progress: ActivityProgress,
  ): Promise<void> {
    for (let i = 0; i < chunks.length; i++) {
      progress.chunk = i + 1;
      progress.totalPages = undefined;
      // A change exactly at a chunk boundary may come in both neighbouring chunks: keep it once.
      const boundary = chunks[i].from;
      const atBoundary = i === 0 ? undefined : keysAt(out, boundary);
      await this.fetchChunk(chunks[i], query, limit, opts, (page) => {
        for (const c of page) if (!atBoundary || c.time !== boundary || !atBoundary.has(changeKey(c))) out.push(c);
        progress.received = out.length;
        progress.pages++;
        opts.onProgress?.({ ...progress });
      }, progress);
    }
  }

  private async fetchChunk(
    chunk: { from: number; to: number },
    q: StatusChangesQuery,
    limit: number,
    opts: RequestOptions,
    onPage: (changes: StatusChange[]) => void,
    progress: ActivityProgress,
  ): Promise<void> {
    const common = { service: 'agentActivityDomain' as const, method: 'GET' as const, signal: opts.signal, api: APIS.agentActivity };
    let res = await this.ctx.call<Record<string, unknown>>({
      ...common,
      path: PATH,
      query: {
        source: ACTIVITY_SOURCE, v: 2, from: new Date(chunk.from).toISOString(), to: new Date(chunk.to).toISOString(),
        agentId: q.agentId, empId: q.empId, groupId: q.groupId, limit, offset: 0,
      },
    });
    const seen = new Set<string>();
    for (;;) {
      if (opts.signal?.aborted) throw new CancelledError();
      const body = res.body;
      const list = body?.stateChanges;
      if (!Array.isArray(list)) throw badResponseError('an Agent Activity answer without stateChanges', res.status, { method: 'GET', path: this.ctx.path(PATH), api: APIS.agentActivity });
      const last = offsetOf(link(body, 'last'));
      if (last !== undefined) progress.totalPages = Math.floor(last / limit) + 1;
      onPage(list.map(parseStatusChange).filter((c): c is StatusChange => !!c));
      const next = link(body, 'next');
      if (!next || list.length === 0) return;
      if (seen.has(next)) return; // a server repeating a link must not loop us forever
      seen.add(next);
      res = await this.ctx.follow<Record<string, unknown>>(common, next);
    }
  }
}

const changeKey = (c: StatusChange) => `${c.agentId}|${c.time}|${c.sessionId ?? ''}|${c.sequenceNumber}|${c.statusType}|${c.statusSubType}`;

/** Keys of the changes already received at exactly `time` (a chunk boundary). */
function keysAt(out: readonly StatusChange[], time: number): Set<string> {
  const keys = new Set<string>();
  for (const c of out) if (c.time === time) keys.add(changeKey(c));
  return keys;
}
