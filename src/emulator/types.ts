// The emulator's public contract (see index.ts): options, fault knobs, control surface, demo
// credentials. Plain Node — no `vscode`.
import type { ClockReading, ClockSpec } from './clock';

export interface Faults {
  /** 0..1: fraction of API calls (not CSDS, not /__control, not login) answered 429 with Retry-After */
  rate429: number;
  /** 0..1: same, for login calls only */
  login429: number;
  /** value of Retry-After on injected 429s (default 1) */
  retryAfterSeconds: number;
  /** the next N API calls answer 503 (count down) */
  burst5xx: number;
  /** added before every API answer */
  latencyMs: number;
  /** agent-view status answers partialResult:true and omits some agents (~10%, deterministic) */
  partialResult: boolean;
  /** the next N AC writes answer 409 as if If-Match were stale (count down) */
  staleRevision: number;
  /** error answers are an HTML page (text/html) instead of JSON */
  htmlErrors: boolean;
  /** the next N JSON bodies are cut in half (count down) */
  truncateBodies: number;
  /** the next N Account Configuration writes are APPLIED, then answered 504 — a gateway that timed out after the backend committed (count down) */
  applyThen5xx: number;
  /** the next N successful status reason writes (create one/many, PUT, DELETE) are APPLIED, then no answer is sent: the request is held until the client gives up (or HOLD_CAP_MS passes, then the socket is destroyed) (count down) */
  applyThenTimeout: number;
  /** the next N successful status reason writes are APPLIED, then the connection is dropped mid-answer: status line, headers and half the body, then the socket is destroyed (count down) */
  applyThenReset: number;
  /** the next N status reason writes that carry If-Match answer 412 Precondition Failed; nothing is applied (count down) */
  preconditionFailed: number;
  /**
   * null = off. N: N more authorized API calls pass (counting down to 0), then the next one answers 401
   * and the knob turns off: a login-session bearer → every login session ends (re-login gets a fresh
   * bearer that works); an API key or the plain demo bearer → that one call is refused, then accepted again
   */
  unauthorizedAfter: number | null;
  /**
   * CSDS (and the login answer's csdsCollectionResponse) points FOREIGN_CSDS_SERVICES elsewhere:
   * true → FOREIGN_CSDS_HOST; a string → that baseURI verbatim (e.g. `user@127.0.0.1:8787`, `127.0.0.1:8787/../x`)
   */
  csdsForeignHost: boolean | string;
  /** Agent Activity's `next` link has a path beginning with `//other.example.invalid/` (following it as a path switches host) */
  foreignNextLink: boolean;
  /**
   * services CSDS leaves out (e.g. `['agentManagerWorkspace']`: an account without it): the
   * all-services lookup and the login answer's csdsCollectionResponse omit them, the one-service
   * lookup answers 404 for them. Only CSDS changes: the paths stay served on this host
   */
  csdsOmit: string[];
  /**
   * path prefixes (e.g. `['/manager_workspace/']`) answered 404 as unknown endpoints, whatever the
   * method or credentials — a service host that does not serve that API. Never CSDS or /__control
   */
  notFoundPaths: string[];
  /**
   * route names (e.g. `['statusReasons.update', 'statusChanges']`) answered 403 "lacks the
   * permission" to every authenticated caller, after the credentials are checked: a key or user
   * without that one permission. Only routes that need a permission (not CSDS, login, sentinel)
   */
  forbid: string[];
}

export const DEFAULT_FAULTS: Readonly<Faults> = {
  rate429: 0, login429: 0, retryAfterSeconds: 1, burst5xx: 0, latencyMs: 0,
  partialResult: false, staleRevision: 0, htmlErrors: false, truncateBodies: 0, applyThen5xx: 0,
  applyThenTimeout: 0, applyThenReset: 0, preconditionFailed: 0, unauthorizedAfter: null, csdsForeignHost: false, foreignNextLink: false,
  csdsOmit: [], notFoundPaths: [], forbid: [],
};

/** what `csdsForeignHost: true` answers for FOREIGN_CSDS_SERVICES */
export const FOREIGN_CSDS_HOST = 'evil.example.invalid:443';
/** the services `csdsForeignHost` points elsewhere (the rest keep 127.0.0.1:PORT) */
export const FOREIGN_CSDS_SERVICES: readonly string[] = ['accountConfigReadWrite', 'agentActivityDomain'];
/** the host `foreignNextLink` puts at the start of the `next` link's path */
export const FOREIGN_LINK_HOST = 'other.example.invalid';
/** `applyThenTimeout` holds an answer at most this long, then destroys the socket without one */
export const HOLD_CAP_MS = 120_000;

export interface EmulatorOptions {
  /** 0 = random (default 0); always binds 127.0.0.1 */
  port?: number;
  /** default 200 (scales to 10000) */
  agents?: number;
  /** default 1 — same seed, same data */
  seed?: number;
  /**
   * the emulator's clock: its start instant (ISO-8601 with a zone, epoch ms or a Date) and rate
   * (default: the wall clock now, rate 1); it ticks in real time × rate. See clock.ts.
   */
  clock?: ClockSpec;
  /** a manual time source instead of `clock` (tests): the emulator reads exactly this, plus control jumps */
  now?: () => number;
  /** the wall clock OAuth 1.0a timestamps are checked against (default Date.now) */
  wallNow?: () => number;
  /** Agent Activity look-back served, default 6 */
  historyMonths?: number;
  /** Agent Activity hides changes newer than this, default 60 */
  activityLagMinutes?: number;
  /** login bearer accepted by Agent Activity (default false, per §11.2) */
  activityAcceptsBearer?: boolean;
  /** Agent Metrics (agent-view) refuses a login bearer with 403, as documented (default false: accepted, as in practice) */
  agentMetricsNeedsKey?: boolean;
  /** status code of a successful create, default 200 (the current Create Status Reason page; the old spec said 201) */
  createStatus?: 200 | 201;
  /** agent-view max limit, default 1000 */
  maxLimit?: number;
  /** default 8 h */
  sessionTtlMs?: number;
  /** default 30 min */
  idleTimeoutMs?: number;
  /** lifetime of an OAuth 2.0 client-credentials token (`expires_in`), in minutes of the emulator clock; default 60 */
  clientTokenTtlMinutes?: number;
  faults?: Partial<Faults>;
  /** request log (redacted); default silent */
  log?: (line: string) => void;
}

export type LiveStatus = 'ONLINE' | 'AWAY' | 'BACK_SOON' | 'OFFLINE';

export interface RequestRecord { method: string; path: string; route: string; status: number; at: number }

export interface EmulatorControl {
  setFaults(f: Partial<Faults>): void;
  resetFaults(): void;
  faults(): Faults;
  /** every issued login bearer/session and OAuth 2.0 client token answers 401 from now on */
  expireBearers(): void;
  /** calls per route name, since start/reset, counted as they arrive */
  stats(): Record<string, number>;
  resetStats(): void;
  /** the last 500 requests, as they arrived; `status` 0 until answered (and for an answer held back) */
  requests(): RequestRecord[];
  /** all agent user ids */
  agentIds(): string[];
  /** override live state (also appended to history); `connected: false` makes the agent DISCONNECTED */
  setAgentStatus(agentId: string, status: LiveStatus, reasonId?: string, options?: { connected?: boolean }): void;
  /** the emulator clock */
  clock(): ClockReading;
  /** jumps the clock to an instant (ISO-8601 with a zone, or epoch ms); throws on a bad value */
  setClock(now: string | number): ClockReading;
  /** moves the clock forward by ms (≥ 0); throws on a bad value */
  advanceClock(ms: number): ClockReading;
  /** runs the clock at rate× real time from now on */
  setClockRate(rate: number): ClockReading;
  /** current AC revision */
  revision(): number;
  /** every status reason the emulator holds now (deleted ones included), ids as strings — what a test checks a write against */
  reasons(): { id: string; text: string; state: 'Away' | 'Online' | 'Occupied'; enabled: boolean; deleted: boolean; order?: number }[];
}

export interface RunningEmulator {
  /** http://127.0.0.1:PORT = the CSDS base URL */
  url: string;
  port: number;
  control: EmulatorControl;
  close(): Promise<void>;
}

export const DEMO = {
  accountId: '12345678',
  username: 'admin',
  password: 'demo-password',
  appKey: 'demo-app-key',
  appSecret: 'demo-app-secret',
  accessToken: 'demo-token',
  accessTokenSecret: 'demo-token-secret',
  /** OAuth 2.0 client credentials: traded for an expiring bearer at the sentinel service */
  clientId: 'demo-client-id',
  clientSecret: 'demo-client-secret',
  /** a long-lived plain bearer (OAuth2-style) accepted by every API */
  bearerToken: 'demo-bearer-token',
} as const;

/** An API key WITHOUT Agent Activity and WITHOUT Account Configuration write permission → 403 there. */
export const LIMITED_KEY = {
  appKey: 'limited-app-key',
  appSecret: 'limited-app-secret',
  accessToken: 'limited-token',
  accessTokenSecret: 'limited-token-secret',
} as const;

export const ROUTE_NAMES = [
  'csds', 'csds.one', 'login', 'refresh', 'logout', 'sentinel.token',
  'statusReasons.list', 'statusReasons.get', 'statusReasons.create', 'statusReasons.update',
  'statusReasons.delete', 'statusReasons.query', 'users', 'skills', 'agentGroups',
  'agentView.status', 'agentView.summary', 'agentView.list', 'statusChanges', 'unknown',
] as const;
export type RouteName = (typeof ROUTE_NAMES)[number] | 'control';
