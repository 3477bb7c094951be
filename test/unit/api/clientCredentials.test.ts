// OAuth 2.0 client credentials against the emulator's sentinel service: the token request (form
// body, nothing secret in the URL), one shared token for concurrent first calls, renewal before
// `expires_in` runs out (on the emulator clock), exactly one renewal per 401, a clear error for a
// wrong secret, Agent Activity accepting the token, and no secret or token in any log line.
import * as assert from 'node:assert/strict';
import nodeFetch from 'node-fetch';
import type { RequestInit } from 'node-fetch';
import { ClientCredentialsAuthorizer, renewMarginMs } from '../../../src/api/auth/clientCredentials';
import type { FetchLike } from '../../../src/api/http';
import type { Credentials } from '../../../src/api/types';
import { DEMO, assertNoSecrets, rejectsWith, useEmulator } from './support';

const OAUTH2: Credentials = { kind: 'oauth2', clientId: DEMO.clientId, clientSecret: DEMO.clientSecret };
const TTL_MINUTES = 10;

interface Sent { url: string; headers: Record<string, string>; body: string | undefined }

/** node-fetch itself, remembering what was sent; `onToken` runs before each token request goes out. */
function recordingFetch(onToken: () => void = () => undefined): { fetch: FetchLike; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: FetchLike = (url: string, init?: RequestInit) => {
    if (url.includes('/sentinel/')) onToken();
    sent.push({ url, headers: { ...(init?.headers as Record<string, string>) }, body: typeof init?.body === 'string' ? init.body : undefined });
    return nodeFetch(url, init);
  };
  return { fetch, sent };
}

describe('api/auth: OAuth 2.0 client credentials against the emulator', function () {
  const rig = useEmulator({ clientTokenTtlMinutes: TTL_MINUTES });
  /** the client reads the emulator's clock, so moving it moves the token's age too */
  const emuNow = () => rig.emu.control.clock().nowMs;
  const tokenRequests = () => rig.emu.control.stats()['sentinel.token'] ?? 0;

  it('verify() passes; the token comes from POST …/app/token?v=1.0 with the credentials in a form body, not the URL', async () => {
    const rec = recordingFetch();
    const c = rig.client(OAUTH2, { fetch: rec.fetch });
    await c.verify();
    assert.equal(c.auth.kind, 'oauth2');
    const token = rec.sent.filter((s) => s.url.includes('/sentinel/'));
    assert.equal(token.length, 1);
    const url = new URL(token[0].url);
    assert.equal(url.pathname, `/sentinel/api/account/${DEMO.accountId}/app/token`);
    assert.deepEqual([...url.searchParams], [['v', '1.0']], 'only the version in the query');
    assert.equal(token[0].headers['Content-Type'], 'application/x-www-form-urlencoded');
    assert.deepEqual(Object.fromEntries(new URLSearchParams(token[0].body)), { grant_type: 'client_credentials', client_id: DEMO.clientId, client_secret: DEMO.clientSecret });
    const api = rec.sent.find((s) => s.url.includes('/status-reasons'))!;
    assert.match(api.headers.Authorization, /^Bearer eyJ/);
    assert.ok(!rec.sent.some((s) => s.url.includes(DEMO.clientSecret)), 'the secret never in a URL');
  });

  it('concurrent first calls share one token request; Agent Activity and Account Configuration accept the token', async () => {
    const c = rig.client(OAUTH2);
    const now = rig.emu.control.clock().nowMs;
    const [reasons, users, changes] = await Promise.all([
      c.statusReasons.list(), c.users.list(),
      c.agentActivity.statusChanges({ from: now - 3 * 3_600_000, to: now - 2 * 3_600_000 }),
    ]);
    assert.ok(reasons.items.length > 0 && users.length > 0 && Array.isArray(changes));
    assert.equal(tokenRequests(), 1);
    assert.equal((c.auth as ClientCredentialsAuthorizer).tokensIssued, 1);
  });

  it('renews the token shortly before expires_in runs out, with no 401 on the way', async () => {
    const c = rig.client(OAUTH2, { now: emuNow });
    await c.statusReasons.list();
    const lifetime = TTL_MINUTES * 60_000;
    rig.emu.control.advanceClock(lifetime - renewMarginMs(lifetime) - 60_000);
    await c.statusReasons.list();
    assert.equal(tokenRequests(), 1, 'still within its lifetime: the same token');
    rig.emu.control.advanceClock(60_000);
    await c.statusReasons.list();
    assert.equal(tokenRequests(), 2, 'renewed before the server would refuse it');
    assert.ok(rig.emu.control.requests().every((r) => r.status !== 401), 'never refused');
  });

  it('a token refused with 401 is renewed once and the call retried once; concurrent callers share that renewal', async () => {
    const c = rig.client(OAUTH2);
    await c.statusReasons.list();
    rig.emu.control.resetStats();
    rig.emu.control.expireBearers();
    const [a, b] = await Promise.all([c.statusReasons.list(), c.users.list()]);
    assert.ok(a.items.length && b.length);
    const s = rig.emu.control.stats();
    assert.equal(s['sentinel.token'], 1, 'one new token for two 401s');
    assert.equal(s['statusReasons.list'], 2, 'the refused call and its one retry');
    assert.equal(s.users, 2);
  });

  it('never renews more than once per failure: a retry refused again is an auth error', async () => {
    // every token request re-arms a 401 for the next API call: the retry with the fresh token fails too
    const rec = recordingFetch(() => rig.emu.control.setFaults({ unauthorizedAfter: 0 }));
    const c = rig.client(OAUTH2, { fetch: rec.fetch });
    await rejectsWith(c.statusReasons.list(), 'auth', 401);
    const s = rig.emu.control.stats();
    assert.equal(s['sentinel.token'], 2, 'the first token and one renewal');
    assert.equal(s['statusReasons.list'], 2, 'the call and one retry');
  });

  it('a wrong client secret is a clear auth error after one token request, and the secret is in no message or log line', async () => {
    const wrong = 'not-the-client-secret-42';
    const c = rig.client({ ...OAUTH2, clientSecret: wrong } as Credentials);
    const e = await rejectsWith(c.verify(), 'auth', 401);
    assert.match(e.message, /^Bad credentials: LivePerson refused the OAuth 2\.0 client id or client secret\./);
    const direct = await rejectsWith(c.statusReasons.list(), 'auth', 401);
    assert.match(direct.message, /client id or client secret was refused/);
    assert.equal(tokenRequests(), 2, 'one token request per call: a refused token request is not retried');
    assert.equal(rig.emu.control.stats()['statusReasons.list'] ?? 0, 0, 'nothing sent without a token');
    assertNoSecrets([e.message, e.hint ?? '', direct.message, ...rig.logger.lines], [wrong]);
  });

  it('neither the client secret nor an issued token reaches the log', async () => {
    const rec = recordingFetch();
    const c = rig.client(OAUTH2, { fetch: rec.fetch });
    await c.statusReasons.list();
    rig.emu.control.expireBearers();
    await c.statusReasons.list();
    const tokens = [...new Set(rec.sent.map((s) => s.headers.Authorization).filter(Boolean).map((h) => h.replace(/^Bearer /, '')))];
    assert.equal(tokens.length, 2);
    assert.ok(rig.logger.lines.some((l) => /OAuth 2\.0 token #2/.test(l)), 'the renewal is logged');
    assertNoSecrets(rig.logger.lines, [DEMO.clientSecret, ...tokens]);
  });

  it('Agent Metrics documents API keys only: the token is refused with 403, and no token is renewed for it', async () => {
    const c = rig.client(OAUTH2);
    const e = await rejectsWith(c.agentMetrics.summary(), 'permission', 403);
    assert.match(e.message, /OAuth 2\.0/);
    assert.equal(tokenRequests(), 1);
  });

  it('dispose() forgets the token: later calls are refused locally', async () => {
    const c = rig.client(OAUTH2);
    await c.statusReasons.list();
    await c.dispose();
    await rejectsWith(c.statusReasons.list(), 'auth');
    assert.equal(tokenRequests(), 1);
  });
});
