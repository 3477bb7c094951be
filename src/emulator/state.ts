// Everything one running emulator knows: options, clock, seeded data, the Account Configuration
// revision and status reasons, login sessions, API keys, faults and request statistics.
import { Dataset } from './data/dataset';
import { SeedReason } from './data/seed';
import { SessionStore } from './auth/sessions';
import { ClientTokenStore } from './auth/clientTokens';
import { KeySet } from './auth/oauth1';
import { FaultState } from './faults';
import { DEMO, EmulatorOptions, LIMITED_KEY, RequestRecord } from './types';
import { EmulatorClock } from './clock';

export type Permission = 'ac.read' | 'ac.write' | 'metrics' | 'activity';
export interface ApiKey extends KeySet { permissions: ReadonlySet<Permission> }

export interface ResolvedOptions {
  agents: number; seed: number; historyMonths: number; activityLagMinutes: number;
  activityAcceptsBearer: boolean; agentMetricsNeedsKey: boolean; createStatus: 200 | 201; maxLimit: number; sessionTtlMs: number; idleTimeoutMs: number; clientTokenTtlMs: number;
  log: (line: string) => void;
}

export function resolveOptions(o: EmulatorOptions): ResolvedOptions {
  return {
    agents: Math.max(1, Math.floor(o.agents ?? 200)),
    seed: Math.floor(o.seed ?? 1),
    historyMonths: o.historyMonths ?? 6,
    activityLagMinutes: o.activityLagMinutes ?? 60,
    activityAcceptsBearer: o.activityAcceptsBearer ?? false,
    agentMetricsNeedsKey: o.agentMetricsNeedsKey ?? false,
    createStatus: o.createStatus ?? 200,
    maxLimit: o.maxLimit ?? 1000,
    sessionTtlMs: o.sessionTtlMs ?? 8 * 3_600_000,
    idleTimeoutMs: o.idleTimeoutMs ?? 30 * 60_000,
    clientTokenTtlMs: (o.clientTokenTtlMinutes ?? 60) * 60_000,
    log: o.log ?? (() => undefined),
  };
}

const ALL: ReadonlySet<Permission> = new Set<Permission>(['ac.read', 'ac.write', 'metrics', 'activity']);

export class EmulatorState {
  readonly opts: ResolvedOptions;
  /** the one clock of everything served (see clock.ts) */
  readonly clock: EmulatorClock;
  /** the wall clock, for OAuth 1.0a timestamps only: clients sign with their own real time, whatever the emulated hour */
  readonly wallNow: () => number;
  readonly data: Dataset;
  readonly sessions: SessionStore;
  /** OAuth 2.0 access tokens issued by the sentinel route */
  readonly clientTokens: ClientTokenStore;
  readonly faults: FaultState;
  readonly keys: ApiKey[] = [
    { ...DEMO, permissions: ALL },
    { ...LIMITED_KEY, permissions: new Set<Permission>(['ac.read', 'metrics']) },
  ];
  /** the live status reasons (starts as a copy of the seed) */
  readonly reasons: SeedReason[];
  nextReasonId: number;
  /** Account Configuration revision: one counter per account, bumped on every write */
  revision = 17;
  private readonly nonces = new Map<string, number>();
  private statsByRoute = new Map<string, number>();
  private log: RequestRecord[] = [];

  constructor(options: EmulatorOptions) {
    this.opts = resolveOptions(options);
    this.clock = options.now ? new EmulatorClock(options.now(), options.now) : new EmulatorClock(options.clock);
    this.wallNow = options.wallNow ?? Date.now;
    this.data = new Dataset(this.opts.seed, this.opts.agents, this.clock.now());
    this.sessions = new SessionStore(this.opts.sessionTtlMs, this.opts.idleTimeoutMs);
    this.clientTokens = new ClientTokenStore(this.opts.clientTokenTtlMs);
    this.faults = new FaultState(this.opts.seed, options.faults);
    this.reasons = this.data.seedReasons.map(r => ({ ...r }));
    this.nextReasonId = Math.max(...this.reasons.map(r => r.id)) + 100;
  }

  now(): number {
    return this.clock.now();
  }

  /** Records a nonce; true if it was seen before (a replay). Entries older than 10 minutes are dropped. */
  seenNonce(appKey: string, nonce: string, ts: number): boolean {
    const key = `${appKey}\u0000${nonce}`;
    if (this.nonces.has(key)) return true;
    if (this.nonces.size > 20_000) {
      const cutoff = this.wallNow() / 1000 - 600;
      for (const [k, t] of this.nonces) if (t < cutoff) this.nonces.delete(k);
    }
    this.nonces.set(key, ts);
    return false;
  }

  record(r: RequestRecord): void {
    this.statsByRoute.set(r.route, (this.statsByRoute.get(r.route) ?? 0) + 1);
    this.log.push(r);
    if (this.log.length > 500) this.log = this.log.slice(-500);
  }
  stats(): Record<string, number> {
    return Object.fromEntries(this.statsByRoute);
  }
  resetStats(): void {
    this.statsByRoute = new Map();
    this.log = [];
  }
  requests(): RequestRecord[] {
    return this.log.slice();
  }
}
