// The HTTP layer against the emulator: retries (429, login 429, 5xx bursts), timeouts, cancellation,
// HTML / empty / truncated bodies, network errors, every error status → typed error with a hint.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CancelledError, ConflictError } from '../../../src/api/errors';
import { Http } from '../../../src/api/http';
import { errorFromStatus, readErrorBody } from '../../../src/api/httpErrors';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, rateLimitDelay, scaledRetryPolicy } from '../../../src/api/retryPolicy';
import { BEARER, CollectingLogger, DEMO, FAST_RETRY, LIMITED, LOGIN, OAUTH1, eventually, rejectsWith, useEmulator } from './support';

describe('api/http: retry policy (pure)', () => {
  it('has the documented defaults (§0.4)', () => {
    assert.equal(DEFAULT_RETRY_POLICY.rateLimitMinMs, 1000);
    assert.equal(DEFAULT_RETRY_POLICY.loginRateLimitMinMs, 5000);
    assert.deepEqual([...DEFAULT_RETRY_POLICY.serverErrorDelaysMs], [5000, 10000, 15000]);
  });
  it('waits at least 1 s (login 5 s) after a 429, longer when Retry-After asks', () => {
    const now = Date.UTC(2026, 0, 1);
    assert.equal(rateLimitDelay(DEFAULT_RETRY_POLICY, false, null, now), 1000);
    assert.equal(rateLimitDelay(DEFAULT_RETRY_POLICY, true, null, now), 5000);
    assert.equal(rateLimitDelay(DEFAULT_RETRY_POLICY, false, '3', now), 3000);
    assert.equal(rateLimitDelay(DEFAULT_RETRY_POLICY, true, '3', now), 5000);
    assert.equal(rateLimitDelay(DEFAULT_RETRY_POLICY, false, new Date(now + 7000).toUTCString(), now), 7000);
    assert.equal(rateLimitDelay(DEFAULT_RETRY_POLICY, false, '86400', now), 60_000, 'capped');
    assert.equal(parseRetryAfter('soon', now), undefined);
    const fast = scaledRetryPolicy(0.01);
    assert.equal(rateLimitDelay(fast, false, '2', now), 20);
    assert.deepEqual(fast.serverErrorDelaysMs, [50, 100, 150]);
  });
});

describe('api/http: error bodies (pure)', () => {
  it('reads the message and causes of every backend shape (§0.3)', () => {
    assert.deepEqual(readErrorBody('{"error":{"message":"CSRF token invalid!","internalCode":10}}', 'application/json'), { message: 'CSRF token invalid! (code 10)', causes: [], html: false });
    assert.deepEqual(readErrorBody('{"causes":["limit: must be less than or equal to 100"],"message":"Bad"}', 'application/json').causes, ['limit: must be less than or equal to 100']);
    assert.equal(readErrorBody('{"code":"0001"}', 'application/json').message, '(code 0001)');
    assert.equal(readErrorBody('<html><title>502 Bad Gateway</title></html>', 'text/html').html, true);
    assert.equal(readErrorBody('', null).message, undefined);
  });
  it('maps statuses to kinds with hints; 409 and 412 to ConflictError', () => {
    const req = { method: 'GET', path: '/x', api: { name: 'Agent Activity', permission: 'Data → Workforce Management → Agent Activity' } };
    const kinds: [number, string][] = [[400, 'validation'], [401, 'auth'], [403, 'permission'], [404, 'notFound'], [429, 'rateLimit'], [500, 'server'], [503, 'server'], [451, 'auth']];
    for (const [status, kind] of kinds) {
      const e = errorFromStatus(status, '{"message":"m"}', 'application/json', req);
      assert.equal(e.kind, kind, String(status));
      assert.equal(e.status, status);
      assert.ok(e.hint.length > 10);
    }
    assert.ok(errorFromStatus(401, '', null, req).hint.includes('Sign in again'));
    assert.ok(errorFromStatus(403, '', null, req).hint.includes('Data → Workforce Management → Agent Activity'));
    for (const s of [409, 412]) assert.ok(errorFromStatus(s, '', null, req) instanceof ConflictError);
  });
});

describe('api/http against the emulator', function () {
  const rig = useEmulator();

  it('retries 429s (honouring Retry-After, scaled) and succeeds when they stop', async () => {
    const c = rig.client(OAUTH1, { retryPolicy: { ...FAST_RETRY, rateLimitRetries: 100, rateLimitMinMs: 20, retryAfterFactor: 0.01 } });
    await c.statusReasons.list(); // warm CSDS
    rig.emu.control.resetStats();
    rig.emu.control.setFaults({ rate429: 1, retryAfterSeconds: 3 });
    const pending = c.statusReasons.list();
    await eventually(() => rig.emu.control.requests().some((r) => r.status === 429));
    rig.emu.control.setFaults({ rate429: 0 });
    await pending;
    assert.ok(rig.emu.control.stats()['statusReasons.list'] >= 2);
    assert.ok(rig.logger.lines.some((l) => /429 from GET .*waiting 30 ms/.test(l)), 'Retry-After 3 s (× 0.01) beats the 20 ms minimum');
  });

  it('gives up on 429 after the policy’s retries with a rateLimit error', async () => {
    const c = rig.client(OAUTH1);
    await c.statusReasons.list();
    rig.emu.control.resetStats();
    rig.emu.control.setFaults({ rate429: 1 });
    const e = await rejectsWith(c.statusReasons.list(), 'rateLimit', 429);
    assert.equal(rig.emu.control.stats()['statusReasons.list'], FAST_RETRY.rateLimitRetries + 1, 'first try + retries');
    assert.match(e.hint, /Wait/);
  });

  it('tells a caller that gives up on 429 how long the server asked to wait (retryAfterMs)', async () => {
    const c = rig.client(OAUTH1, { retryPolicy: { ...FAST_RETRY, rateLimitRetries: 0, retryAfterFactor: 1, maxRetryAfterMs: 60_000 } });
    await c.statusReasons.list();
    rig.emu.control.setFaults({ rate429: 1, retryAfterSeconds: 7 });
    const e = await rejectsWith(c.statusReasons.list(), 'rateLimit', 429);
    assert.equal(e.retryAfterMs, 7000);
  });

  it('retries a login answered 429 (login429) after the login minimum and signs in', async () => {
    rig.emu.control.setFaults({ login429: 1 });
    const c = rig.client(LOGIN, { retryPolicy: { ...FAST_RETRY, rateLimitRetries: 100, loginRateLimitMinMs: 20 } });
    const pending = c.statusReasons.list();
    await eventually(() => rig.emu.control.requests().some((r) => r.status === 429 && r.route === 'login'));
    rig.emu.control.setFaults({ login429: 0 });
    await pending;
    assert.ok(rig.logger.lines.some((l) => /429 from POST .*\/login: waiting 20 ms/.test(l)), 'the login minimum, not the 1 ms API minimum');
    assert.ok((rig.emu.control.stats().login ?? 0) >= 2);
  });

  it('retries a 5xx burst with backoff and succeeds', async () => {
    const c = rig.client(OAUTH1);
    await c.statusReasons.list();
    rig.emu.control.resetStats();
    rig.emu.control.setFaults({ burst5xx: 2 });
    const list = await c.statusReasons.list();
    assert.ok(list.items.length > 0);
    assert.equal(rig.emu.control.stats()['statusReasons.list'], 3);
  });

  it('gives up after three 5xx retries with a server error', async () => {
    const c = rig.client(OAUTH1);
    await c.statusReasons.list();
    rig.emu.control.resetStats();
    rig.emu.control.setFaults({ burst5xx: 10 });
    await rejectsWith(c.statusReasons.list(), 'server', 503);
    assert.equal(rig.emu.control.stats()['statusReasons.list'], 4);
  });

  it('does not retry other 4xx (403 from a key without the permission)', async () => {
    const c = rig.client(LIMITED);
    const now = Date.now();
    const e = await rejectsWith(c.agentActivity.statusChanges({ from: now - 3 * 3_600_000, to: now }), 'permission', 403);
    assert.equal(rig.emu.control.stats().statusChanges, 1);
    assert.match(e.hint, /Agent Activity/);
  });

  it('times out a slow answer (latency knob + short timeout)', async () => {
    const c = rig.client(OAUTH1, { timeoutMs: 150 });
    await c.statusReasons.list();
    rig.emu.control.setFaults({ latencyMs: 2000 });
    const e = await rejectsWith(c.statusReasons.list(), 'timeout');
    assert.match(e.message, /did not answer within 0\.2 s|did not answer within 0\.1 s|did not answer within/);
  });

  it('turns a truncated JSON body into badResponse, then works again', async () => {
    const c = rig.client(OAUTH1);
    await c.statusReasons.list();
    rig.emu.control.setFaults({ truncateBodies: 1 });
    const e = await rejectsWith(c.statusReasons.list(), 'badResponse', 200);
    assert.match(e.message, /truncated or malformed JSON/);
    assert.ok((await c.statusReasons.list()).items.length > 0);
  });

  it('maps HTML error pages by status (htmlErrors knob)', async () => {
    const c = rig.client(OAUTH1);
    rig.emu.control.setFaults({ htmlErrors: true });
    const e = await rejectsWith(c.statusReasons.get('999999999'), 'notFound', 404);
    assert.match(e.message, /HTML page/);
  });

  it('turns an HTML or empty 200 into badResponse (a captive portal, a proxy)', async () => {
    const server = http.createServer((req, res) => {
      if (req.url?.startsWith('/html')) {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>Sign in to the Wi-Fi</body></html>');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const h = new Http({ logger: new CollectingLogger() });
      await rejectsWith(h.request({ method: 'GET', url: `${base}/html` }), 'badResponse', 200);
      const empty = await rejectsWith(h.request({ method: 'GET', url: `${base}/empty` }), 'badResponse', 200);
      assert.match(empty.message, /empty answer/);
      assert.equal((await h.request({ method: 'GET', url: `${base}/empty`, expect: 'optionalJson' })).body, undefined);
    } finally {
      server.close();
    }
  });

  it('cancels with the caller’s AbortSignal: in flight and while waiting to retry', async () => {
    const c = rig.client(OAUTH1, { retryPolicy: { ...FAST_RETRY, rateLimitMinMs: 60_000 } });
    await c.statusReasons.list();
    rig.emu.control.setFaults({ latencyMs: 5000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20).unref();
    const e1 = await rejectsWith(c.statusReasons.list({ signal: ac.signal }), 'cancelled');
    assert.ok(e1 instanceof CancelledError);
    rig.emu.control.setFaults({ latencyMs: 0, rate429: 1 });
    const ac2 = new AbortController();
    setTimeout(() => ac2.abort(), 50).unref();
    await rejectsWith(c.statusReasons.list({ signal: ac2.signal }), 'cancelled');
    await rejectsWith(c.statusReasons.list({ signal: AbortSignal.abort() }), 'cancelled');
  });

  it('reports a connection failure as a network error, after re-asking CSDS once', async () => {
    const c = rig.client(BEARER);
    await c.statusReasons.list();
    const dead = http.createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const c2 = rig.client(BEARER, { csdsUrl: `http://127.0.0.1:${port}` });
    const e = await rejectsWith(c2.statusReasons.list(), 'network');
    assert.match(e.message, /ECONNREFUSED/);
    assert.ok(rig.logger.lines.some((l) => /asking CSDS for the service hosts again/.test(l)), 'CSDS re-resolved after the connection error');
    assert.match(e.hint, /network/);
  });

  it('answers 400 with LivePerson’s causes', async () => {
    const c = rig.client(OAUTH1);
    const e = await rejectsWith(c.statusReasons.get('abc'), 'validation', 400);
    assert.ok(e.causes.some((x) => /statusReasonId/.test(x)), e.causes.join());
  });

  it('answers 401 for a wrong API key without retrying it', async () => {
    const c = rig.client({ ...OAUTH1, secret: 'wrong-secret' } as typeof OAUTH1);
    const e = await rejectsWith(c.statusReasons.list(), 'auth', 401);
    assert.match(e.hint, /Sign in again/);
    assert.equal(rig.emu.control.stats()['statusReasons.list'], 1);
  });

  it('uses the CSDS URL’s scheme for every host and caches CSDS', async () => {
    const c = rig.client(OAUTH1);
    await c.statusReasons.list();
    await c.users.list();
    await c.agentMetrics.summary();
    assert.equal(rig.emu.control.stats().csds, 1, 'one CSDS lookup for three calls');
    assert.equal(await c.domains.baseUrl('msgHist'), `http://127.0.0.1:${rig.emu.port}`);
    assert.equal(DEMO.accountId, c.accountId);
  });
});
