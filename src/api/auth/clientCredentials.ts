// OAuth 2.0 client credentials (liveperson-api.md §2.3): the account's `sentinel` service (CSDS)
// trades a client id + secret for a bearer. The request is `POST /sentinel/api/account/{id}/app/token?v=1.0`
// with the three parameters in an application/x-www-form-urlencoded BODY (never in the query string,
// where proxies log them). The token is fetched lazily, kept in memory only, renewed shortly before
// `expires_in` runs out, and renewed once on a 401 (concurrent callers share one token request; a
// request that already used a newer token than the one refused just retries with it).
import { LivePersonError } from '../errors';
import type { ApiLabel } from '../httpErrors';
import type { Http } from '../http';
import { buildUrl, SharedCall } from '../http';
import { redact, registerSecret } from '../redact';
import type { Authorizer, OutgoingRequest } from './authorizer';

export interface ClientCredentialsOptions {
  http: Http;
  accountId: string;
  clientId: string;
  clientSecret: string;
  /** resolves the `sentinel` base URL, e.g. `https://va.sentinel.liveperson.net` */
  sentinelBase: (signal?: AbortSignal) => Promise<string>;
}

interface IssuedToken {
  token: string;
  /** the client clock (http.now) at which to fetch a fresh one; undefined: the answer had no expires_in */
  renewAt?: number;
  generation: number;
}

export const SENTINEL_API: ApiLabel = { name: 'OAuth 2.0 token service (Sentinel)', permission: 'an installed OAuth 2.0 client credentials application' };

/** Renew this long before expiry: a tenth of the lifetime, at most one minute. */
export function renewMarginMs(lifetimeMs: number): number {
  return Math.min(60_000, lifetimeMs / 10);
}

export function tokenPath(accountId: string): string {
  return `/sentinel/api/account/${encodeURIComponent(accountId)}/app/token`;
}

export class ClientCredentialsAuthorizer implements Authorizer {
  readonly kind = 'oauth2' as const;
  private current: IssuedToken | undefined;
  private readonly fetching = new SharedCall(() => this.fetchToken());
  private generation = 0;
  private readonly usedGeneration = new WeakMap<OutgoingRequest, number>();
  private disposed = false;

  constructor(private readonly opts: ClientCredentialsOptions) {
    registerSecret(opts.clientSecret);
  }

  /** Tokens obtained so far (diagnostics and tests). */
  get tokensIssued(): number {
    return this.generation;
  }

  async authorize(request: OutgoingRequest, opts?: { signal?: AbortSignal }): Promise<void> {
    if (this.disposed) throw closedError();
    let t = this.current;
    if (!t || (t.renewAt !== undefined && this.opts.http.now() >= t.renewAt)) t = await this.token(opts?.signal);
    request.headers.Authorization = `Bearer ${t.token}`;
    this.usedGeneration.set(request, t.generation);
  }

  async onUnauthorized(failed: OutgoingRequest, opts?: { signal?: AbortSignal }): Promise<boolean> {
    if (this.disposed) return false;
    const used = this.usedGeneration.get(failed);
    if (this.current && used !== undefined && this.current.generation !== used) return true; // renewed meanwhile
    if (this.current && this.current.generation === used) this.current = undefined;
    await this.token(opts?.signal);
    return true;
  }

  /** The token request in progress, or a new one. Shared, so it runs without any caller's signal. */
  private token(signal?: AbortSignal): Promise<IssuedToken> {
    return this.fetching.join(signal);
  }

  private async fetchToken(): Promise<IssuedToken> {
    const { http, accountId } = this.opts;
    const base = await this.opts.sentinelBase();
    const asked = http.now();
    let res;
    try {
      res = await http.request<Record<string, unknown>>({
        method: 'POST',
        url: buildUrl(base, tokenPath(accountId), { v: '1.0' }),
        form: { grant_type: 'client_credentials', client_id: this.opts.clientId, client_secret: this.opts.clientSecret },
        isLogin: true,
        api: SENTINEL_API,
      });
    } catch (e) {
      if (e instanceof LivePersonError && e.kind === 'auth') {
        throw new LivePersonError(
          redact(`OAuth 2.0 sign-in failed: the client id or client secret was refused. ${e.message}`),
          'auth', 'Check the client id and client secret of the OAuth 2.0 application (Management Console → Application Install), then sign in again.',
          e.status, e.causes, e.request,
        );
      }
      throw e;
    }
    const body = res.body ?? {};
    const token = typeof body.access_token === 'string' && body.access_token ? body.access_token : undefined;
    if (!token) {
      throw new LivePersonError(redact(`The OAuth 2.0 token service answered ${res.status} without an access_token.`), 'badResponse', 'Retry; if it persists, check the CSDS URL setting.', res.status, [], redact(`POST ${tokenPath(accountId)}`));
    }
    registerSecret(token);
    const seconds = Number(body.expires_in);
    const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
    const issued: IssuedToken = { token, generation: ++this.generation, renewAt: lifetime === undefined ? undefined : asked + lifetime - renewMarginMs(lifetime) };
    if (this.disposed) throw closedError();
    this.current = issued;
    http.logger.info(redact(`OAuth 2.0 token #${issued.generation} for account ${accountId}${lifetime === undefined ? ' (no expires_in: renewed on a 401)' : `, valid ${Math.round(lifetime / 1000)} s`}`));
    return issued;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.current = undefined;
  }
}

function closedError(): LivePersonError {
  return new LivePersonError('The LivePerson session was closed (signed out).', 'auth', 'Sign in again.');
}
