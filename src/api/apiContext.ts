// What every per-API module (statusReasons.ts, agentMetrics.ts, …) uses to make a call: resolve the
// service host through CSDS, build the URL, authorize, send through Http. A connection error makes
// the CSDS answer stale (the host may have moved): it is forgotten and the call is tried once more
// on the re-resolved host — a write only when the connection was never made.
import type { Authorizer } from './auth/authorizer';
import type { DomainResolver, ServiceName } from './domains';
import { LivePersonError } from './errors';
import type { ApiLabel } from './httpErrors';
import type { Http, HttpRequest, HttpResponse } from './http';
import { buildUrl } from './http';
import { redact } from './redact';

export interface ApiCall {
  service: ServiceName;
  method: HttpRequest['method'];
  /** path after the host; `{account}` is replaced with the encoded account id */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
  expect?: HttpRequest['expect'];
  acceptStatus?: readonly number[];
  api: ApiLabel;
  /** see HttpRequest.watchForCutAnswer */
  watchForCutAnswer?: boolean;
}

export class ApiContext {
  constructor(
    readonly http: Http,
    readonly domains: DomainResolver,
    readonly auth: Authorizer,
    readonly accountId: string,
  ) {}

  path(p: string): string {
    return p.replace('{account}', encodeURIComponent(this.accountId));
  }

  async call<T = unknown>(c: ApiCall): Promise<HttpResponse<T>> {
    try {
      return await this.once<T>(c);
    } catch (e) {
      if (!(e instanceof LivePersonError) || e.kind !== 'network') throw e;
      // a write whose connection broke after it was sent may have been applied: never resent blindly
      // (the caller reads the outcome back instead, see statusReasons.ts)
      if (c.method !== 'GET' && !e.notSent) throw e;
      this.http.logger.info('Connection error: asking CSDS for the service hosts again and retrying once');
      this.domains.invalidate();
      return this.once<T>(c);
    }
  }

  /**
   * Same as `call` but for a link the server returned (pagination `next`, absolute or relative). The
   * link must resolve to the service host CSDS gave (same scheme, host and port): anything else —
   * another host, or a path such as `//other.example/x` that makes URL resolution switch host — is
   * refused before a request (with its credentials) is sent.
   */
  async follow<T = unknown>(c: Omit<ApiCall, 'path' | 'query'>, href: string): Promise<HttpResponse<T>> {
    const base = await this.domains.baseUrl(c.service, c.signal);
    return this.http.request<T>({ ...c, url: sameOriginLink(href, base, c.api.name), auth: this.auth });
  }

  private async once<T>(c: ApiCall): Promise<HttpResponse<T>> {
    const base = await this.domains.baseUrl(c.service, c.signal);
    return this.http.request<T>({
      method: c.method,
      url: buildUrl(base, this.path(c.path), c.query),
      headers: c.headers,
      body: c.body,
      signal: c.signal,
      expect: c.expect,
      acceptStatus: c.acceptStatus,
      watchForCutAnswer: c.watchForCutAnswer,
      api: c.api,
      auth: this.auth,
    });
  }
}

/** `href` resolved against `base`, when it stays on base's origin; otherwise a `badResponse` error. */
export function sameOriginLink(href: string, base: string, api: string): string {
  const origin = new URL(base).origin;
  let target: URL | undefined;
  try {
    target = new URL(href, `${origin}/`);
  } catch {
    target = undefined;
  }
  // a path beginning with // names a host of its own wherever it is resolved again (new URL(path, base))
  const pathNamesHost = target !== undefined && target.pathname.startsWith('//');
  if (target && target.origin === origin && !target.username && !target.password && !pathNamesHost) return target.toString();
  const where = !target ? 'a URL that cannot be read'
    : target.username || target.password ? 'a URL with a user name or password in it'
      : pathNamesHost ? `a path that names another host (${target.pathname.slice(2).split('/')[0]})`
        : `another host (${target.host || target.protocol})`;
  throw new LivePersonError(
    redact(`${api} returned a next-page link to ${where}; it was not followed, so your credentials were only sent to ${new URL(base).host}.`),
    'badResponse',
    'Nothing was sent to that host. This is a fault of the server (or of something between it and you): try again, and if it persists report it to LivePerson support.',
  );
}

/** Ids arrive as numbers or strings; the client uses strings (liveperson-api.md §7). */
export function idString(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A finite number, or a numeric string as one (LivePerson sends both); anything else → undefined. */
export function finiteNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** Numeric ids are sent back as JSON numbers when that is exact, as LivePerson stores longs. */
export function idValue(id: string): string | number {
  const n = Number(id);
  return /^-?\d+$/.test(id) && Number.isSafeInteger(n) ? n : id;
}
