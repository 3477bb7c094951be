// The HTTP server: guards the door (Host, Origin, a parseable target: requestGuard.ts), reads the
// request, routes it, applies faults, authorizes, runs the handler and writes the answer
// (ac-revision/ETag on AC answers, HTML error pages, truncated, held or cut-off answers on demand:
// answer.ts), recording every call for stats().
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { redact } from '../api/redact';
import { Ctx, Reply, fail, htmlPage, stampLoginErrorTime } from './http';
import { match } from './router';
import { authorize, injectedUnauthorized } from './auth/authorize';
import { handleControl } from './control';
import { guardRequest } from './requestGuard';
import { holdWithoutAnswer, write, writeThenReset } from './answer';
import type { EmulatorState } from './state';
import type { EmulatorControl, RequestRecord, RouteName } from './types';

const MAX_BODY = 5 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

/** Status reason writes: what the lost-answer faults (applyThen5xx/Timeout/Reset) and preconditionFailed act on. */
export const STATUS_REASON_WRITES: readonly RouteName[] = ['statusReasons.create', 'statusReasons.update', 'statusReasons.delete'];

export function createEmulatorServer(state: EmulatorState, control: EmulatorControl): Server {
  return createServer((req, res) => {
    handle(state, control, req, res).catch(err => {
      state.opts.log(`emulator error: ${(err as Error).message}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'emulator internal error' }));
    });
  });
}

async function handle(state: EmulatorState, control: EmulatorControl, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const at = state.now();
  const guard = guardRequest(req, req.socket.localPort ?? 0);
  if (!guard.ok) {
    req.resume();
    write(res, guard.reply, false, state.now());
    state.opts.log(redact(`${req.method ?? '?'} (refused) → ${guard.reply.status} ${(guard.reply.json as { message: string }).message}`));
    return;
  }
  const url = guard.url;
  const path = url.pathname;
  const body = await readBody(req);
  if (path.startsWith('/__control/')) {
    write(res, body === undefined ? { status: 413, json: { message: 'body too large' } } : handleControl(control, req, path, body), false, state.now());
    return;
  }
  const method = req.method ?? 'GET';
  const override = req.headers['x-http-method-override'];
  const matched = match(method, path, typeof override === 'string' ? override : undefined);
  const matchedBackend = matched.route ? matched.route.backend : matched.backend;
  // notFoundPaths: a host that does not serve this API — answered as an unknown endpoint (404, no auth)
  const m: typeof matched = matchedBackend !== 'csds' && state.faults.notServed(path) ? { route: undefined, pathKnown: false, backend: matchedBackend } : matched;
  const routeName: RouteName = m.route ? m.route.name : 'unknown';
  const backend = m.route ? m.route.backend : m.backend;
  const ctx: Ctx = {
    req, method, path, query: url.searchParams, body: body ?? Buffer.alloc(0), host: req.headers.host ?? `127.0.0.1:${req.socket.localPort}`,
    params: m.route ? m.params : {}, route: routeName, backend, now: state.now(),
  };
  let reply: Reply;
  let lost: ReturnType<EmulatorState['faults']['takeLostAnswer']>;
  // counted when it arrives, not when it is answered: a call a client gave up on (latency knob) must
  // not land in the statistics of whatever the next test is doing by the time it is answered
  const record: RequestRecord = { method, path, route: routeName, status: 0, at };
  state.record(record);
  const isApi = backend !== 'csds';
  if (isApi && state.faults.get().latencyMs > 0) await sleep(state.faults.get().latencyMs);
  if (body === undefined) reply = fail(backend, 413, 'Request body too large');
  else if (!m.route) reply = fail(backend, m.pathKnown ? 405 : 404, m.pathKnown ? `Method ${method} not allowed here` : `No such endpoint: ${method} ${path}`);
  else if (isApi && state.faults.takeRateLimit(routeName === 'login')) {
    reply = fail(backend, 429, 'Too many requests');
    reply.headers = { 'retry-after': String(state.faults.get().retryAfterSeconds) };
  } else if (isApi && state.faults.take5xx()) reply = fail(backend, 503, 'Service temporarily unavailable');
  else {
    let denied = m.route.permission ? authorize(state, ctx, m.route.permission) : undefined;
    if (!denied && m.route.permission && state.faults.takeUnauthorized()) denied = injectedUnauthorized(state, ctx);
    if (!denied && m.route.permission && state.faults.forbids(routeName)) denied = fail(backend, 403, `The API key or user lacks the permission for ${routeName} (injected: forbid)`);
    reply = denied ?? (await m.route.handler(state, ctx));
    lost = STATUS_REASON_WRITES.includes(routeName) && reply.status < 300 ? state.faults.takeLostAnswer() : undefined;
    if (lost === 'then5xx') reply = fail(backend, 504, 'Gateway timeout (injected: the write was applied)');
  }
  if (backend === 'login') stampLoginErrorTime(reply, at);
  if (backend === 'ac') reply.headers = { ...reply.headers, 'ac-revision': String(state.revision), etag: `"${state.revision}"` };
  if (reply.status >= 400 && isApi && state.faults.get().htmlErrors) {
    reply = { status: reply.status, headers: reply.headers, text: htmlPage(reply.status, errorMessage(reply)), contentType: 'text/html; charset=utf-8' };
  }
  if (lost === 'timeout') holdWithoutAnswer(req);
  else if (lost === 'reset') writeThenReset(req, reply, state.now());
  else write(res, reply, isApi && state.faults.takeTruncateIfJson(reply), state.now());
  // status 0: no answer was sent (held until the client gave up)
  record.status = lost === 'timeout' ? 0 : reply.status;
  const outcome = lost === 'timeout' ? `${reply.status} applied, answer held` : lost === 'reset' ? `${reply.status} applied, connection cut` : String(reply.status);
  state.opts.log(redact(`${method} ${path}${url.search ? '?…' : ''} → ${outcome} [${routeName}] ${Math.round(performance.now() - started)} ms`));
}

function errorMessage(reply: Reply): string {
  const j = reply.json as { message?: string; error?: { message?: string } } | undefined;
  return j?.message ?? j?.error?.message ?? `HTTP ${reply.status}`;
}
