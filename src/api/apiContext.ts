// What every per-API module (statusReasons.ts, agentMetrics.ts, …) uses to make a call: resolve the
// service host through CSDS, build the URL, authorize, send through Http. A connection error makes
// the CSDS answer stale (the host may have moved): it is forgotten and the call is tried once more
// on the re-resolved host.
import type { Authorizer } from './auth/authorizer';
import type { DomainResolver, ServiceName } from './domains';
import { LivePersonError } from './errors';
import type { ApiLabel } from './httpErrors';
import type { Http, HttpRequest, HttpResponse } from './http';
import { buildUrl } from './http';

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
      this.http.logger.info('Connection error: asking CSDS for the service hosts again and retrying once');
      this.domains.invalidate();
      return this.once<T>(c);
    }
  }

  /** Same as `call` but for an absolute path+query taken from a server link (pagination `next`). */
  async follow<T = unknown>(c: Omit<ApiCall, 'path' | 'query'>, pathAndQuery: string): Promise<HttpResponse<T>> {
    const base = await this.domains.baseUrl(c.service, c.signal);
    return this.http.request<T>({ ...c, url: new URL(pathAndQuery, base).toString(), auth: this.auth });
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
      api: c.api,
      auth: this.auth,
    });
  }
}

/** Ids arrive as numbers or strings; the client uses strings (liveperson-api.md §7). */
export function idString(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Numeric ids are sent back as JSON numbers when that is exact, as LivePerson stores longs. */
export function idValue(id: string): string | number {
  const n = Number(id);
  return /^-?\d+$/.test(id) && Number.isSafeInteger(n) ? n : id;
}
