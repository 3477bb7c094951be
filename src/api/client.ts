// createLivePersonClient: the composition of the API layer for one account — Http (node-fetch,
// retries, errors), CSDS resolver, one Authorizer for the credentials, and the per-API modules.
// Runs in plain Node; the extension passes its logger, the timeout setting and the CSDS URL setting.
import type { Authorizer } from './auth/authorizer';
import { BearerAuthorizer } from './auth/bearer';
import { ClientCredentialsAuthorizer } from './auth/clientCredentials';
import { LoginSession } from './auth/loginSession';
import { OAuth1Authorizer } from './auth/oauth1';
import { AgentActivity } from './agentActivity';
import { AgentMetrics } from './agentMetrics';
import { ApiContext } from './apiContext';
import { Directory } from './directory';
import { DomainResolver } from './domains';
import { LivePersonError, ValidationError } from './errors';
import { Http, type FetchLike } from './http';
import type { Logger } from './logger';
import { CachedLookups } from './lookups';
import { probePermissions, type ProbeOutcome } from './permissionProbes';
import { redact } from './redact';
import type { RetryPolicy } from './retryPolicy';
import { StatusReasons } from './statusReasons';
import type { Credentials, LivePersonClient, RequestOptions } from './types';

export interface LivePersonClientOptions {
  accountId: string;
  /** e.g. https://api.liveperson.net, or the emulator's http://127.0.0.1:PORT */
  csdsUrl: string;
  credentials: Credentials;
  fetch?: FetchLike;
  logger?: Logger;
  /** per-request timeout (ms), default 30 s */
  timeoutMs?: number;
  retryPolicy?: Partial<RetryPolicy>;
  now?: () => number;
  /** login sessions: keep-alive period (default 4 min) and idle time after which it stops (default 20 min) */
  refreshIntervalMs?: number;
  idleAfterMs?: number;
  /** how long CSDS answers are cached (default 5 min) */
  domainsMaxAgeMs?: number;
}

export const ACCOUNT_ID_PATTERN = /^[a-zA-Z0-9_]{1,20}$/;

export class LivePersonApiClient implements LivePersonClient {
  readonly accountId: string;
  readonly http: Http;
  readonly domains: DomainResolver;
  readonly auth: Authorizer;
  readonly statusReasons: StatusReasons;
  readonly agentMetrics: AgentMetrics;
  readonly agentActivity: AgentActivity;
  readonly users: Directory['users'];
  readonly skills: Directory['skills'];
  readonly agentGroups: Directory['agentGroups'];
  readonly lookups: CachedLookups;
  private disposed = false;
  private readonly ctx: ApiContext;

  constructor(opts: LivePersonClientOptions) {
    if (!ACCOUNT_ID_PATTERN.test(opts.accountId ?? '')) {
      throw new ValidationError(redact(`“${opts.accountId}” is not a LivePerson account id (letters, digits or _; at most 20).`), [], 'Enter the account (site) id, e.g. 12345678.');
    }
    this.accountId = opts.accountId;
    this.http = new Http({ fetch: opts.fetch, logger: opts.logger, timeoutMs: opts.timeoutMs, retryPolicy: opts.retryPolicy, now: opts.now });
    this.domains = new DomainResolver(this.http, opts.accountId, opts.csdsUrl, opts.domainsMaxAgeMs);
    this.auth = makeAuthorizer(opts, this.http, this.domains);
    const ctx = new ApiContext(this.http, this.domains, this.auth, opts.accountId);
    this.ctx = ctx;
    // every status reason write makes the cached reason texts (Live Agents, timeline) stale
    this.statusReasons = new StatusReasons(ctx, () => this.lookups.invalidate());
    this.agentMetrics = new AgentMetrics(ctx);
    this.agentActivity = new AgentActivity(ctx);
    const directory = new Directory(ctx);
    this.users = directory.users;
    this.skills = directory.skills;
    this.agentGroups = directory.agentGroups;
    this.lookups = new CachedLookups(directory, this.statusReasons, this.http.now);
  }

  /**
   * CSDS, then a cheap authenticated call (the status reason list); errors say why it failed, in one
   * sentence (the server's own wording is already in the log, written by the http layer).
   */
  serverNow(): number {
    return this.http.serverClock.now();
  }

  async verify(opts: RequestOptions = {}): Promise<void> {
    try {
      await this.domains.all(opts.signal);
    } catch (e) {
      if (!(e instanceof LivePersonError)) throw e;
      if (e.kind === 'notFound' || e.kind === 'validation' || e.kind === 'auth') {
        throw new LivePersonError(
          redact(`Unknown account: the domain service (CSDS) does not know account ${this.accountId}.`),
          'notFound', 'Check the account id (the site id shown in the LivePerson console).', e.status, e.causes, e.request,
        );
      }
      if (e.kind === 'network' || e.kind === 'timeout' || e.kind === 'badResponse') {
        throw new LivePersonError(redact(`Could not reach the LivePerson domain service (CSDS): ${e.message}`), e.kind, 'Check the network and the CSDS URL setting (liveperson.csdsUrl), then retry.', e.status, e.causes, e.request);
      }
      throw e;
    }
    try {
      await this.statusReasons.list({ signal: opts.signal });
    } catch (e) {
      if (!(e instanceof LivePersonError)) throw e;
      if (e.kind === 'auth') {
        throw new LivePersonError(redact(`Bad credentials: LivePerson refused ${REFUSED[this.auth.kind]}.`), 'auth', 'Check the credentials and sign in again.', e.status, e.causes, e.request);
      }
      if (e.kind === 'permission') {
        throw new LivePersonError(redact(`Missing permission: the credentials work but may not read status reasons.`), 'permission', e.hint, e.status, e.causes, e.request);
      }
      throw e;
    }
  }

  /** Check Permissions: one safe probe per API, in parallel (permissionProbes.ts). */
  checkPermissions(opts: RequestOptions & { timeoutMs?: number } = {}): Promise<ProbeOutcome[]> {
    return probePermissions(this.ctx, this.auth.kind, opts);
  }

  settled(): Promise<void> {
    return this.http.settled();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.auth.dispose();
  }
}

const REFUSED: Record<Credentials['kind'], string> = {
  login: 'the user name or password',
  oauth1: 'the API key (app key, secret, access token or token secret)',
  oauth2: 'the OAuth 2.0 client id or client secret',
  bearer: 'the bearer token',
};

function makeAuthorizer(opts: LivePersonClientOptions, http: Http, domains: DomainResolver): Authorizer {
  const c = opts.credentials;
  switch (c.kind) {
    case 'login':
      return new LoginSession({
        http, accountId: opts.accountId, username: c.username, password: c.password,
        loginBase: (signal) => domains.baseUrl('agentVep', signal),
        refreshIntervalMs: opts.refreshIntervalMs, idleAfterMs: opts.idleAfterMs,
      });
    case 'oauth1':
      return new OAuth1Authorizer(c); // wall-clock timestamps: servers check them against theirs
    case 'oauth2':
      return new ClientCredentialsAuthorizer({
        http, accountId: opts.accountId, clientId: c.clientId, clientSecret: c.clientSecret,
        sentinelBase: (signal) => domains.baseUrl('sentinel', signal),
      });
    case 'bearer':
      return new BearerAuthorizer(c.token);
  }
}

export function createLivePersonClient(options: LivePersonClientOptions): LivePersonApiClient {
  return new LivePersonApiClient(options);
}
