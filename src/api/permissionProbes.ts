// Check Permissions (liveperson-api.md §1–§5): one safe probe per API the extension uses, all in
// parallel, each with its own timeout. Reads only — except the status reasons write probe, which
// PUTs an existing reason back unchanged with a stale `If-Match`: a server that checks permissions
// first answers 403 (not allowed) or 409/412 (allowed, refused as stale before anything is applied);
// one that ignores If-Match writes the same record again (nothing changes). No reason to write back
// → "not checked". The outcome is facts only (no advice wording): src/permissions words it.
import type { ApiContext } from './apiContext';
import { CancelledError, LivePersonError, isCancellation } from './errors';
import { APIS, timeoutError } from './httpErrors';
import type { Credentials } from './types';

export type ProbeId = 'csds' | 'statusReasonsRead' | 'statusReasonsWrite' | 'agentMetrics' | 'agentActivity' | 'sentinel';
export const PROBE_IDS: readonly ProbeId[] = ['csds', 'statusReasonsRead', 'statusReasonsWrite', 'agentMetrics', 'agentActivity', 'sentinel'];

export type ProbeOutcome =
  /** reachable and allowed; `note` says how it was proved when that is worth saying */
  | { id: ProbeId; ok: true; note?: string }
  /** refused or unreachable: the typed error of the probe */
  | { id: ProbeId; ok: false; error: LivePersonError }
  /** not probed: why */
  | { id: ProbeId; ok: undefined; reason: string };

export const DEFAULT_PROBE_TIMEOUT_MS = 15_000;
export const ACTIVITY_WINDOW_MS = 5 * 60_000;

const REASONS_PATH = '/api/account/{account}/configuration/le-agents/status-reasons';

/** A revision that is certainly not the current one (the emulator's and AC's revisions are counters). */
export function staleRevision(current: string | undefined): string {
  const n = Number(current);
  return current !== undefined && /^\d+$/.test(current) && n > 1 ? String(n - 1) : 'stale-permission-check';
}

export async function probePermissions(
  ctx: ApiContext,
  method: Credentials['kind'],
  opts: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ProbeOutcome[]> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  const run = (id: ProbeId, what: { method: string; path: string }, probe: (signal: AbortSignal) => Promise<string | undefined>): Promise<ProbeOutcome> =>
    withTimeout(timeoutMs, opts.signal, probe).then(
      (note): ProbeOutcome => ({ id, ok: true, ...(note ? { note } : {}) }),
      (e: unknown) => failed(id, e, timeoutMs, opts.signal, what));

  const csds = run('csds', { method: 'GET', path: 'CSDS' }, async (signal) => {
    ctx.domains.invalidate(); // a fresh lookup, not a cached answer
    const all = await ctx.domains.all(signal);
    return `${all.size} services listed`;
  });

  // the read, and (from its answer) the record the write probe sends back unchanged
  const read = withTimeout(timeoutMs, opts.signal, (signal) =>
    ctx.call<unknown>({ service: 'accountConfigReadWrite', method: 'GET', path: REASONS_PATH, query: { v: '1.0' }, signal, api: APIS.statusReasonsRead }));
  const reasonsRead = read.then(
    (res): ProbeOutcome => ({ id: 'statusReasonsRead', ok: true, note: `${Array.isArray(res.body) ? res.body.length : 0} status reasons listed` }),
    (e: unknown) => failed('statusReasonsRead', e, timeoutMs, opts.signal, { method: 'GET', path: ctx.path(REASONS_PATH) }));
  const reasonsWrite = read.then(
    async (res): Promise<ProbeOutcome> => {
      const list = Array.isArray(res.body) ? (res.body as Record<string, unknown>[]) : [];
      const record = list.find(r => typeof r === 'object' && r !== null && r.deleted !== true && (typeof r.id === 'number' || typeof r.id === 'string'));
      if (!record) return { id: 'statusReasonsWrite', ok: undefined, reason: 'not checked (no safe probe): the account has no status reason to write back unchanged' };
      const revision = res.headers.get('ac-revision') ?? res.headers.get('etag')?.replace(/^W\//, '').replace(/"/g, '') ?? undefined;
      const path = `${REASONS_PATH}/${encodeURIComponent(String(record.id))}`;
      return run('statusReasonsWrite', { method: 'PUT', path: ctx.path(path) }, async (signal) => {
        try {
          await ctx.call<unknown>({
            service: 'accountConfigReadWrite', method: 'PUT', path, query: { v: '1.0' }, body: record, signal, api: APIS.statusReasonsWrite,
            headers: { 'If-Match': staleRevision(revision) },
          });
          return 'the server accepted an unchanged status reason';
        } catch (e) {
          if (e instanceof LivePersonError && e.kind === 'conflict') return `allowed: a write with a stale revision was refused with ${e.status} before anything changed`;
          throw e;
        }
      });
    },
    (): ProbeOutcome => ({ id: 'statusReasonsWrite', ok: undefined, reason: 'not checked: reading the status reasons failed, and the write check needs one to send back unchanged' }));

  const metricsPage = withTimeout(timeoutMs, opts.signal, (signal) =>
    ctx.call<Record<string, unknown>>({
      service: 'msgHist', method: 'POST', path: '/messaging_history/api/account/{account}/agent-view/status', query: { offset: 0, limit: 1 }, body: {}, signal, api: APIS.agentMetrics,
    }));
  const metrics = metricsPage.then(
    (): ProbeOutcome => ({ id: 'agentMetrics', ok: true }),
    (e: unknown) => failed('agentMetrics', e, timeoutMs, opts.signal, { method: 'POST', path: ctx.path('/messaging_history/api/account/{account}/agent-view/status') }));

  // one agent (the metrics page's, when it answered), the last 5 minutes, one change at most
  const activity = metricsPage.then(res => firstAgentId(res.body), () => undefined).then(agentId =>
    run('agentActivity', { method: 'GET', path: ctx.path('/api/v2/account/{account}/status-changes') }, async (signal) => {
      const to = ctx.http.serverClock.now();
      await ctx.call<unknown>({
        service: 'agentActivityDomain', method: 'GET', path: '/api/v2/account/{account}/status-changes', signal, api: APIS.agentActivity,
        query: { source: 'vscodeAgentStatus', v: 2, from: new Date(to - ACTIVITY_WINDOW_MS).toISOString(), to: new Date(to).toISOString(), agentId, limit: 1, offset: 0 },
      });
      return undefined;
    }));

  // OAuth 2.0 client credentials only: a token from the account's sentinel (the others never call it)
  const sentinel: Promise<ProbeOutcome> = method === 'oauth2'
    ? run('sentinel', { method: 'POST', path: 'sentinel token' }, async (signal) => {
      await ctx.auth.authorize({ method: 'GET', url: 'about:blank', headers: {} }, { signal });
      return 'the token service issued a token (or one it issued is still valid)';
    })
    : Promise.resolve({ id: 'sentinel', ok: undefined, reason: 'not used: this account does not sign in with OAuth 2.0 client credentials' });

  return Promise.all([csds, reasonsRead, reasonsWrite, metrics, activity, sentinel]);
}

function failed(id: ProbeId, e: unknown, timeoutMs: number, signal: AbortSignal | undefined, what: { method: string; path: string }): ProbeOutcome {
  if (e === TIMED_OUT) return { id, ok: false, error: timeoutError(timeoutMs, { ...what, api: id === 'sentinel' ? undefined : APIS[id] }) };
  if (isCancellation(e) && signal?.aborted) throw new CancelledError();
  if (e instanceof LivePersonError) return { id, ok: false, error: e };
  throw e;
}

function firstAgentId(body: Record<string, unknown> | undefined): string | undefined {
  const list = body?.agentStatusRecords;
  const first = Array.isArray(list) ? (list[0] as Record<string, unknown> | undefined) : undefined;
  const id = first?.agentId;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

const TIMED_OUT = Symbol('timed out');

/** Runs `fn` with a signal that aborts on the caller's signal or after `ms`; the timeout rejects with TIMED_OUT. */
async function withTimeout<T>(ms: number, outer: AbortSignal | undefined, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctl.abort(); }, ms);
  const onAbort = () => ctl.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  try {
    if (outer?.aborted) throw new CancelledError();
    return await fn(ctl.signal);
  } catch (e) {
    throw timedOut ? TIMED_OUT : e;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}
