// The HTTP server: reads the request, routes it, applies faults, authorizes, runs the handler and
// writes the answer (ac-revision/ETag on AC answers, HTML error pages and truncated bodies on
// demand), recording every call for stats().
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { redact } from '../api/redact';
import { Ctx, Reply, fail, htmlPage, stampLoginErrorTime } from './http';
import { match } from './router';
import { authorize } from './auth/authorize';
import { handleControl } from './control';
import type { EmulatorState } from './state';
import type { EmulatorControl, RouteName } from './types';

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
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const path = url.pathname;
  const body = await readBody(req);
  if (path.startsWith('/__control/')) {
    write(res, body === undefined ? { status: 413, json: { message: 'body too large' } } : handleControl(control, req, path, body), false, state.now());
    return;
  }
  const method = req.method ?? 'GET';
  const override = req.headers['x-http-method-override'];
  const m = match(method, path, typeof override === 'string' ? override : undefined);
  const routeName: RouteName = m.route ? m.route.name : 'unknown';
  const backend = m.route ? m.route.backend : m.backend;
  const ctx: Ctx = {
    req, method, path, query: url.searchParams, body: body ?? Buffer.alloc(0), host: req.headers.host ?? `127.0.0.1:${req.socket.localPort}`,
    params: m.route ? m.params : {}, route: routeName, backend, now: state.now(),
  };
  let reply: Reply;
  const isApi = backend !== 'csds';
  if (isApi && state.faults.get().latencyMs > 0) await sleep(state.faults.get().latencyMs);
  if (body === undefined) reply = fail(backend, 413, 'Request body too large');
  else if (!m.route) reply = fail(backend, m.pathKnown ? 405 : 404, m.pathKnown ? `Method ${method} not allowed here` : `No such endpoint: ${method} ${path}`);
  else if (isApi && state.faults.takeRateLimit(routeName === 'login')) {
    reply = fail(backend, 429, 'Too many requests');
    reply.headers = { 'retry-after': String(state.faults.get().retryAfterSeconds) };
  } else if (isApi && state.faults.take5xx()) reply = fail(backend, 503, 'Service temporarily unavailable');
  else {
    const denied = m.route.permission ? authorize(state, ctx, m.route.permission) : undefined;
    reply = denied ?? (await m.route.handler(state, ctx));
    if (backend === 'ac' && method !== 'GET' && reply.status < 300 && state.faults.takeApplyThen5xx()) {
      reply = fail(backend, 504, 'Gateway timeout (injected: the write was applied)');
    }
  }
  if (backend === 'login') stampLoginErrorTime(reply, at);
  if (backend === 'ac') reply.headers = { ...reply.headers, 'ac-revision': String(state.revision), etag: `"${state.revision}"` };
  if (reply.status >= 400 && isApi && state.faults.get().htmlErrors) {
    reply = { status: reply.status, headers: reply.headers, text: htmlPage(reply.status, errorMessage(reply)), contentType: 'text/html; charset=utf-8' };
  }
  write(res, reply, isApi && state.faults.takeTruncateIfJson(reply), state.now());
  state.record({ method, path, route: routeName, status: reply.status, at });
  state.opts.log(redact(`${method} ${path}${url.search ? '?…' : ''} → ${reply.status} [${routeName}] ${Math.round(performance.now() - started)} ms`));
}

function errorMessage(reply: Reply): string {
  const j = reply.json as { message?: string; error?: { message?: string } } | undefined;
  return j?.message ?? j?.error?.message ?? `HTTP ${reply.status}`;
}

/** Writes the answer; its Date header is the emulator clock's (as a real server's is its own). */
function write(res: ServerResponse, reply: Reply, truncate: boolean, now: number): void {
  const headers: Record<string, string | string[]> = { ...reply.headers, date: new Date(now).toUTCString() };
  let payload: string | undefined;
  if (reply.text !== undefined) {
    payload = reply.text;
    headers['content-type'] = reply.contentType ?? 'text/plain; charset=utf-8';
  } else if (reply.json !== undefined && reply.status !== 304) {
    payload = JSON.stringify(reply.json);
    if (truncate) payload = payload.slice(0, Math.floor(payload.length / 2));
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  const buf = payload === undefined ? undefined : Buffer.from(payload, 'utf8');
  if (buf) headers['content-length'] = String(buf.length);
  else if (reply.status !== 304) headers['content-length'] = '0';
  res.writeHead(reply.status, headers);
  res.end(buf);
}
