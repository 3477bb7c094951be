// Request context, replies and the error body shapes of each LivePerson backend (liveperson-api.md §0.3).
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { RouteName } from './types';

/** Which LivePerson service a route imitates: decides the error body shape. */
export type Backend = 'csds' | 'login' | 'sentinel' | 'ac' | 'metrics' | 'activity' | 'control';

export interface Ctx {
  req: IncomingMessage;
  /** effective method (after X-HTTP-Method-Override) */
  method: string;
  path: string;
  query: URLSearchParams;
  body: Buffer;
  /** Host header as the client sent it (e.g. 127.0.0.1:8787) */
  host: string;
  params: Record<string, string>;
  route: RouteName;
  backend: Backend;
  now: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string | string[]>;
  /** JSON value; `undefined` = empty body */
  json?: unknown;
  /** raw text body (with its content type) */
  text?: string;
  contentType?: string;
}

export function ok(json: unknown, status = 200, headers?: Record<string, string | string[]>): Reply {
  return { status, json, headers };
}

export function empty(status = 200, headers?: Record<string, string | string[]>): Reply {
  return { status, headers };
}

const RESPONSE_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 412: 'PRECONDITION_FAILED',
  429: 'TOO_MANY_REQUESTS', 500: 'INTERNAL_SERVER_ERROR', 503: 'SERVICE_UNAVAILABLE',
};

/** An error reply in the body shape of the backend. */
/** Login-service errors carry the server's time: the emulator clock's. */
export function stampLoginErrorTime(reply: Reply, now: number): void {
  const err = (reply.json as { error?: { time?: string } } | undefined)?.error;
  if (err && typeof err === 'object' && err.time === '') err.time = new Date(now).toISOString();
}

export function fail(backend: Backend, status: number, message: string, extra: { causes?: string[]; oauthProblem?: string; internalCode?: number } = {}): Reply {
  switch (backend) {
    case 'login':
      // `time` is stamped from the emulator clock by the server (stampLoginErrorTime)
      return { status, json: { error: { time: '', message, internalCode: extra.internalCode ?? (status === 401 ? 10 : status), responseStatus: RESPONSE_STATUS[status] ?? 'ERROR' } } };
    case 'activity':
      if (status === 401) return { status, json: { reason: `oauth_problem=${extra.oauthProblem ?? 'token_rejected'}&oauth_problem_advice=${encodeURIComponent(message)}`, message } };
      if (status >= 500) return { status, json: { internalCode: randomUUID(), message } };
      return { status, json: extra.causes ? { causes: extra.causes, message } : { message } };
    case 'csds':
      return { status, json: status === 404 ? {} : { message } };
    case 'sentinel':
      // "Sentinel will answer in accordance with OAuth 2.0" (RFC 6749 §5.2); oauthProblem carries the error code
      return { status, json: { error: extra.oauthProblem ?? (status === 401 ? 'invalid_client' : status === 400 ? 'invalid_request' : status === 429 ? 'temporarily_unavailable' : 'server_error'), error_description: message } };
    default:
      return { status, json: extra.causes ? { message, code: status, causes: extra.causes } : { message, code: status } };
  }
}

/** 400 with causes, for every backend. */
export function badRequest(backend: Backend, causes: string[]): Reply {
  return fail(backend, 400, causes.join('; '), { causes });
}

/** Parses the body as JSON; `{ ok: false }` if it is not valid JSON (empty body → undefined value). */
export function parseJson(ctx: Ctx): { ok: true; value: unknown } | { ok: false; error: string } {
  if (ctx.body.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(ctx.body.toString('utf8')) };
  } catch (e) {
    return { ok: false, error: `Malformed JSON body: ${(e as Error).message}` };
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The HTML page a misconfigured gateway would send instead of JSON. */
export function htmlPage(status: number, message: string): string {
  const esc = message.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return `<!DOCTYPE html>\n<html><head><title>${status} Error</title></head><body><h1>HTTP Status ${status}</h1><p>${esc}</p><hr><address>LivePerson gateway</address></body></html>\n`;
}

export function cookies(ctx: Ctx): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (ctx.req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

/** `http://HOST` + path + query, as a link the client can follow on the host it used. */
export function selfLink(ctx: Ctx, path: string, query: URLSearchParams): string {
  const q = query.toString();
  return `http://${ctx.host}${path}${q ? `?${q}` : ''}`;
}
