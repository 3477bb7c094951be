// Turns LivePerson answers into typed errors (errors.ts) with a hint for the user. Bodies differ per
// backend (liveperson-api.md §0.3), so the HTTP status decides the kind; the body only adds
// LivePerson's own message and causes. Everything that leaves this file went through redact().
import { ConflictError, LivePersonError, type ErrorKind } from './errors';
import { redact } from './redact';

/** Which LivePerson API a request belongs to: named in messages, and a 403 names its permission. */
export interface ApiLabel {
  name: string;
  /** the permission an API key / user profile needs for this call */
  permission: string;
}

export const APIS = {
  csds: { name: 'Domain API (CSDS)', permission: 'none (no authentication)' },
  login: { name: 'Login Service', permission: 'a user who may log in with a user name and password' },
  statusReasonsRead: { name: 'Agent Status Reasons', permission: 'Account Configuration: read agent status reasons' },
  statusReasonsWrite: { name: 'Agent Status Reasons', permission: 'Account Configuration: edit agent status reasons (write)' },
  users: { name: 'Users', permission: 'Administration → Users (read)' },
  skills: { name: 'Skills', permission: 'Administration → Skills (read)' },
  agentGroups: { name: 'Agent Groups', permission: 'Administration → Agent Groups (read)' },
  agentMetrics: { name: 'Agent Metrics', permission: 'Engagement History / Messaging Interactions (Agent Metrics)' },
  agentActivity: { name: 'Agent Activity', permission: 'Data → Workforce Management → Agent Status Changes (older pages: “Agent Activity API”)' },
} as const satisfies Record<string, ApiLabel>;

export interface ErrorBodyInfo {
  message?: string;
  causes: string[];
  /** the body was an HTML page */
  html: boolean;
}

/** Best-effort reading of an error body of any of the shapes in §0.3 (or HTML, or nothing). */
export function readErrorBody(text: string, contentType: string | null): ErrorBodyInfo {
  const trimmed = text.trim();
  if (!trimmed) return { causes: [], html: false };
  if (/html/i.test(contentType ?? '') || trimmed.startsWith('<')) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    return { message: title ? `an HTML page “${clip(title, 120)}”` : 'an HTML page', causes: [], html: true };
  }
  let body: unknown;
  try {
    body = JSON.parse(trimmed);
  } catch {
    return { message: clip(trimmed, 200), causes: [], html: false };
  }
  if (!body || typeof body !== 'object') return { message: clip(String(body), 200), causes: [], html: false };
  const o = body as Record<string, unknown>;
  const nested = o.error && typeof o.error === 'object' ? (o.error as Record<string, unknown>) : undefined;
  const parts: string[] = [];
  const msg = str(o.message) ?? str(nested?.message) ?? str(o.reason) ?? str(o.error);
  if (msg) parts.push(msg);
  const code = str(o.internalCode) ?? str(nested?.internalCode) ?? str(o.code);
  if (code) parts.push(`(code ${code})`);
  const causes = Array.isArray(o.causes) ? o.causes.map((c) => redact(typeof c === 'string' ? c : JSON.stringify(c))) : [];
  return { message: parts.length ? clip(parts.join(' '), 300) : undefined, causes, html: false };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}
/** Redacted BEFORE it is cut: a secret cut in two would no longer be recognised. */
function clip(s: string, n: number): string {
  const r = redact(s);
  return r.length > n ? `${r.slice(0, n)}…` : r;
}

export interface FailedRequest {
  method: string;
  /** path (no query), for messages */
  path: string;
  api?: ApiLabel;
  isLogin?: boolean;
}

function describe(req: FailedRequest): string {
  return req.api ? `${req.api.name} (${req.method} ${req.path})` : `${req.method} ${req.path}`;
}

/** The error for a non-2xx answer that will not be retried (any more). */
export function errorFromStatus(status: number, text: string, contentType: string | null, req: FailedRequest): LivePersonError {
  const info = readErrorBody(text, contentType);
  const request = redact(`${req.method} ${req.path}`);
  const said = info.message ? `: ${info.message}` : '.';
  const causes = info.causes.length && !info.causes.every((c) => info.message?.includes(c)) ? ` Causes: ${info.causes.join('; ')}.` : '';
  const msg = (text: string) => redact(`${text} — ${describe(req)} answered ${status}${said}${causes}`);
  const make = (kind: ErrorKind, text: string, hint: string) => new LivePersonError(msg(text), kind, redact(hint), status, info.causes, request);

  if (status === 409 || status === 412) {
    return new ConflictError(msg('The change conflicts with the current configuration'), status, request, info.causes);
  }
  switch (status) {
    case 400:
      return make('validation', 'LivePerson refused the request as invalid', 'Correct the input and try again; the causes say what LivePerson did not accept.');
    case 401:
      return make(
        'auth',
        req.isLogin && /\/login$/.test(req.path) ? 'Login failed: the user name or password (or API key) was refused' : 'LivePerson refused the credentials or the session has ended',
        'Sign in again (LivePerson: Sign In…) and check the credentials.',
      );
    case 403:
      return make(
        'permission',
        'Permission denied',
        req.api
          ? `The user or API key lacks the permission “${req.api.permission}”. Ask an account administrator to grant it, or use a key that has it.`
          : 'The user or API key lacks a permission for this call. Ask an account administrator to grant it.',
      );
    case 404:
      return make('notFound', 'Not found', 'Check the account id; if an item was deleted elsewhere, refresh the view.');
    case 429:
      return make('rateLimit', 'LivePerson is throttling requests (too many requests)', 'Wait a minute, then retry. Lower the refresh rate if this keeps happening.');
    case 451:
      return make('auth', 'The account or user is blocked by LivePerson', 'Contact LivePerson support.');
  }
  if (status >= 500) {
    return make('server', 'LivePerson had a server problem', 'Retry in a few minutes. If it persists, report the code above to LivePerson.');
  }
  return make('validation', 'LivePerson refused the request', 'Check the request and try again.');
}

export function badResponseError(what: string, status: number, req: FailedRequest): LivePersonError {
  return new LivePersonError(
    redact(`LivePerson sent ${what} — ${describe(req)} answered ${status}, JSON was expected.`),
    'badResponse',
    'This is usually temporary (a proxy page or a cut connection): retry. If it persists, check the CSDS URL.',
    status,
    [],
    redact(`${req.method} ${req.path}`),
  );
}

export function timeoutError(ms: number, req: FailedRequest): LivePersonError {
  return new LivePersonError(
    redact(`${describe(req)} did not answer within ${Math.round(ms / 100) / 10} s.`),
    'timeout',
    'Retry. If the network is slow, raise the request timeout setting (liveperson.requestTimeoutSeconds).',
    undefined,
    [],
    redact(`${req.method} ${req.path}`),
  );
}

/** Connection errors that happen before the request reaches the server (nothing was sent). */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

export function networkError(cause: unknown, host: string, req: FailedRequest): LivePersonError {
  const code = (cause as { code?: string })?.code;
  const detail = code ?? (cause instanceof Error ? cause.message : String(cause));
  const notSent = !!code && NOT_SENT_CODES.has(code);
  const err = new LivePersonError(
    redact(notSent ? `Could not reach ${host} for ${describe(req)} (${detail}).` : `The connection to ${host} broke during ${describe(req)} (${detail}).`),
    'network',
    'Check the network connection (and the CSDS URL setting), then retry.',
    undefined,
    [],
    redact(`${req.method} ${req.path}`),
  );
  if (notSent) err.notSent = true;
  return err;
}
