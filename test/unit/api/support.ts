// Shared helpers of the API tests: the real emulator on a random loopback port, a client with the
// retry delays scaled down (counts unchanged), a logger that keeps every line, and error matchers.
import * as assert from 'node:assert/strict';
import { createLivePersonClient, type LivePersonApiClient, type LivePersonClientOptions } from '../../../src/api/client';
import { LivePersonError, type ErrorKind } from '../../../src/api/errors';
import type { Logger } from '../../../src/api/logger';
import { scaledRetryPolicy } from '../../../src/api/retryPolicy';
import type { Credentials } from '../../../src/api/types';
import { DEMO, LIMITED_KEY, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator';

export { DEMO, LIMITED_KEY };

export const LOGIN: Credentials = { kind: 'login', username: DEMO.username, password: DEMO.password };
export const OAUTH1: Credentials = { kind: 'oauth1', appKey: DEMO.appKey, secret: DEMO.appSecret, accessToken: DEMO.accessToken, accessTokenSecret: DEMO.accessTokenSecret };
export const BEARER: Credentials = { kind: 'bearer', token: DEMO.bearerToken };
export const LIMITED: Credentials = { kind: 'oauth1', appKey: LIMITED_KEY.appKey, secret: LIMITED_KEY.appSecret, accessToken: LIMITED_KEY.accessToken, accessTokenSecret: LIMITED_KEY.accessTokenSecret };
export const ALL_KINDS: [string, Credentials][] = [['login', LOGIN], ['oauth1', OAUTH1], ['bearer', BEARER]];

/** Every secret of the demo account, for redaction checks. */
export const SECRETS = [DEMO.password, DEMO.appSecret, DEMO.accessTokenSecret, DEMO.bearerToken, LIMITED_KEY.appSecret, LIMITED_KEY.accessTokenSecret];

export class CollectingLogger implements Logger {
  readonly lines: string[] = [];
  trace(m: string) { this.lines.push(`trace ${m}`); }
  debug(m: string) { this.lines.push(`debug ${m}`); }
  info(m: string) { this.lines.push(`info ${m}`); }
  warn(m: string) { this.lines.push(`warn ${m}`); }
  error(m: string) { this.lines.push(`error ${m}`); }
}

/** 1/1000 of the documented delays: a 1 s Retry-After costs 1 ms, 5-10-15 s costs 30 ms. */
export const FAST_RETRY = scaledRetryPolicy(0.001);

export interface Rig {
  emu: RunningEmulator;
  logger: CollectingLogger;
  clients: LivePersonApiClient[];
  client(credentials?: Credentials, extra?: Partial<LivePersonClientOptions>): LivePersonApiClient;
}

/** Starts one emulator for a `describe` block (before/after hooks) and disposes every client after each test. */
export function useEmulator(opts: EmulatorOptions = {}): Rig {
  const rig = { clients: [] as LivePersonApiClient[] } as unknown as Rig;
  before(async () => {
    rig.emu = await startEmulator({ port: 0, agents: 200, seed: 1, ...opts });
  });
  beforeEach(() => {
    rig.logger = new CollectingLogger();
    rig.emu.control.resetFaults();
    rig.emu.control.resetStats();
  });
  afterEach(async () => {
    await Promise.all(rig.clients.splice(0).map((c) => c.dispose()));
  });
  after(async () => {
    await rig.emu?.close();
  });
  rig.client = (credentials = OAUTH1, extra = {}) => {
    const c = createLivePersonClient({ accountId: DEMO.accountId, csdsUrl: rig.emu.url, credentials, logger: rig.logger, retryPolicy: FAST_RETRY, timeoutMs: 10_000, ...extra });
    rig.clients.push(c);
    return c;
  };
  return rig;
}

/** Awaits a rejection and checks it is a LivePersonError of `kind` (and, optionally, status / class). */
export async function rejectsWith<T extends LivePersonError = LivePersonError>(p: Promise<unknown>, kind: ErrorKind, status?: number): Promise<T> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof LivePersonError, `expected a LivePersonError, got ${String(e)}`);
    assert.equal(e.kind, kind, `kind of: ${e.message}`);
    if (status !== undefined) assert.equal(e.status, status, `status of: ${e.message}`);
    assert.ok(e.message.length > 0);
    return e as T;
  }
  assert.fail(`expected a ${kind} error, but the call succeeded`);
}

export function assertNoSecrets(texts: readonly string[], extra: readonly string[] = []): void {
  for (const t of texts) for (const s of [...SECRETS, ...extra]) assert.ok(!t.includes(s), `a secret leaked into: ${t}`);
}

/** Polls `cond` every 10 ms until it holds or `ms` passes (waits for an event; never asserts a duration). */
export async function eventually(cond: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) assert.fail('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
