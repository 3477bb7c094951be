// User login session (liveperson-api.md §2.1): bearer + csrf + `Session_id` cookie. Logs in lazily
// on first use; keeps the session alive with a refresh every few minutes (default 4, docs say 3–5)
// while calls are being made, and stops refreshing once idle or disposed (the timer never holds the
// process open); on a 401 from any call logs in again ONCE (concurrent callers share that login) so
// the call can be retried once; logs out on dispose.
import { LivePersonError } from '../errors';
import { APIS, badResponseError } from '../httpErrors';
import type { Http } from '../http';
import { buildUrl, SharedCall } from '../http';
import { redact, registerSecret } from '../redact';
import type { Authorizer, OutgoingRequest } from './authorizer';

export interface LoginSessionOptions {
  http: Http;
  accountId: string;
  username: string;
  password: string;
  /** resolves the Login Service (`agentVep`) base URL, e.g. `https://va.agentvep.liveperson.net` */
  loginBase: (signal?: AbortSignal) => Promise<string>;
  /** keep-alive period, default 4 minutes */
  refreshIntervalMs?: number;
  /** keep-alive stops when no call was made for this long, default 20 minutes */
  idleAfterMs?: number;
}

interface SessionState {
  bearer: string;
  csrf: string;
  /** cookie name → value (Session_id and whatever else the server set) */
  cookies: Map<string, string>;
  generation: number;
  ttlMs?: number;
}

export const DEFAULT_REFRESH_INTERVAL_MS = 4 * 60_000;
export const DEFAULT_IDLE_AFTER_MS = 20 * 60_000;

export class LoginSession implements Authorizer {
  readonly kind = 'login' as const;
  private state: SessionState | undefined;
  private readonly loggingIn = new SharedCall(() => this.doLogin());
  private generation = 0;
  private readonly usedGeneration = new WeakMap<OutgoingRequest, number>();
  private timer: NodeJS.Timeout | undefined;
  private lastUse = 0;
  private disposed = false;
  private refreshing = false;

  constructor(private readonly opts: LoginSessionOptions) {
    registerSecret(opts.password);
  }

  /** Number of successful logins so far (diagnostics and tests). */
  get logins(): number {
    return this.generation;
  }
  get keepAliveRunning(): boolean {
    return this.timer !== undefined;
  }

  async authorize(request: OutgoingRequest, opts?: { signal?: AbortSignal }): Promise<void> {
    if (this.disposed) throw new LivePersonError('The LivePerson session was closed (signed out).', 'auth', 'Sign in again.');
    const state = this.state ?? (await this.login(opts?.signal));
    request.headers.Authorization = `Bearer ${state.bearer}`;
    this.usedGeneration.set(request, state.generation);
    this.lastUse = this.opts.http.now();
    this.startKeepAlive();
  }

  async onUnauthorized(failed: OutgoingRequest, opts?: { signal?: AbortSignal }): Promise<boolean> {
    if (this.disposed) return false;
    const used = this.usedGeneration.get(failed);
    if (this.state && used !== undefined && this.state.generation !== used) return true; // someone already logged in again
    if (this.state && this.state.generation === used) this.state = undefined;
    await this.login(opts?.signal);
    return true;
  }

  /**
   * Logs in (or joins a login in progress). The login is shared, so it runs without any caller's
   * signal: a caller that cancels stops waiting (CancelledError) without failing the others.
   */
  login(signal?: AbortSignal): Promise<SessionState> {
    return this.loggingIn.join(signal);
  }

  private async doLogin(): Promise<SessionState> {
    const { http, accountId } = this.opts;
    const base = await this.opts.loginBase();
    const res = await http.request<Record<string, unknown>>({
      method: 'POST',
      url: buildUrl(base, `/api/account/${encodeURIComponent(accountId)}/login`, { v: '1.3' }),
      body: { username: this.opts.username, password: this.opts.password },
      isLogin: true,
      api: APIS.login,
    });
    const body = res.body ?? {};
    const bearer = typeof body.bearer === 'string' ? body.bearer : undefined;
    const csrf = typeof body.csrf === 'string' ? body.csrf : undefined;
    if (!bearer || !csrf) throw badResponseError('a login answer without bearer or csrf', res.status, { method: 'POST', path: '/login', api: APIS.login, isLogin: true });
    registerSecret(bearer);
    registerSecret(csrf);
    const cookies = new Map<string, string>();
    readCookies(res.headers.raw()['set-cookie'], cookies);
    const ttl = Number(body.sessionTTl);
    const state: SessionState = { bearer, csrf, cookies, generation: ++this.generation, ttlMs: Number.isFinite(ttl) ? ttl : undefined };
    if (this.disposed) {
      await this.logout(state);
      throw new LivePersonError('The LivePerson session was closed (signed out).', 'auth', 'Sign in again.');
    }
    this.state = state;
    http.logger.info(redact(`Logged in to account ${accountId} as ${this.opts.username} (login #${state.generation})`));
    return state;
  }

  private startKeepAlive(): void {
    if (this.timer || this.disposed) return;
    const period = this.opts.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
    this.timer = setInterval(() => void this.keepAliveTick(), period);
    this.timer.unref();
  }

  private stopKeepAlive(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async keepAliveTick(): Promise<void> {
    const idleAfter = this.opts.idleAfterMs ?? DEFAULT_IDLE_AFTER_MS;
    if (this.opts.http.now() - this.lastUse > idleAfter) {
      this.opts.http.logger.debug('Login session idle: keep-alive stopped until the next call');
      this.stopKeepAlive();
      return;
    }
    if (this.refreshing || !this.state) return;
    this.refreshing = true;
    try {
      await this.refresh();
    } finally {
      this.refreshing = false;
    }
  }

  /** One keep-alive call; a 401 (session gone) is answered by a fresh login. Never throws. */
  async refresh(): Promise<void> {
    const state = this.state;
    if (!state || this.disposed) return;
    try {
      await this.sessionCall('refresh', state);
    } catch (e) {
      if (e instanceof LivePersonError && e.kind === 'auth' && !this.disposed) {
        this.opts.http.logger.info('Keep-alive refused (session ended): logging in again');
        if (this.state === state) this.state = undefined;
        try {
          await this.login();
        } catch (e2) {
          this.opts.http.logger.warn(redact(`Login after a refused keep-alive failed: ${(e2 as Error).message}`));
        }
      } else {
        this.opts.http.logger.warn(redact(`Keep-alive failed: ${(e as Error).message}`));
      }
    }
  }

  private async sessionCall(what: 'refresh' | 'logout', state: SessionState): Promise<void> {
    const base = await this.opts.loginBase();
    const res = await this.opts.http.request({
      method: 'POST',
      url: buildUrl(base, `/api/account/${encodeURIComponent(this.opts.accountId)}/${what}`, { v: '1.3' }),
      headers: { Cookie: [...state.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      body: { csrf: state.csrf },
      expect: 'empty',
      isLogin: true,
      api: APIS.login,
    });
    readCookies(res.headers.raw()['set-cookie'], state.cookies);
  }

  private async logout(state: SessionState): Promise<void> {
    try {
      await this.sessionCall('logout', state);
      this.opts.http.logger.info(redact(`Logged out of account ${this.opts.accountId}`));
    } catch (e) {
      this.opts.http.logger.warn(redact(`Logout failed (the session will expire on its own): ${(e as Error).message}`));
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.stopKeepAlive();
    const pending = this.loggingIn.current;
    if (pending) await pending.catch(() => undefined);
    const state = this.state;
    this.state = undefined;
    if (state) await this.logout(state);
  }
}

function readCookies(setCookie: string[] | undefined, into: Map<string, string>): void {
  for (const line of setCookie ?? []) {
    const first = line.split(';')[0];
    const eq = first.indexOf('=');
    if (eq <= 0) continue;
    const name = first.slice(0, eq).trim();
    const value = first.slice(eq + 1).trim();
    registerSecret(value);
    into.set(name, value);
  }
}
