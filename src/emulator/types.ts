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
}

export const DEFAULT_FAULTS: Readonly<Faults> = {
  rate429: 0, login429: 0, retryAfterSeconds: 1, burst5xx: 0, latencyMs: 0,
  partialResult: false, staleRevision: 0, htmlErrors: false, truncateBodies: 0, applyThen5xx: 0,
};

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
  /** status code of a successful create, default 201 */
  createStatus?: 200 | 201;
  /** agent-view max limit, default 1000 */
  maxLimit?: number;
  /** default 8 h */
  sessionTtlMs?: number;
  /** default 30 min */
  idleTimeoutMs?: number;
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
  /** every issued login bearer/session answers 401 from now on */
  expireBearers(): void;
  /** calls per route name, since start/reset */
  stats(): Record<string, number>;
  resetStats(): void;
  /** the last 500 requests */
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
  'csds', 'csds.one', 'login', 'refresh', 'logout',
  'statusReasons.list', 'statusReasons.get', 'statusReasons.create', 'statusReasons.update',
  'statusReasons.delete', 'statusReasons.query', 'users', 'skills', 'agentGroups',
  'agentView.status', 'agentView.summary', 'agentView.list', 'statusChanges', 'unknown',
] as const;
export type RouteName = (typeof ROUTE_NAMES)[number] | 'control';
