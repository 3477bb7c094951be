// Contract: CSDS, the Login Service (login, refresh, logout, TTL, idle timeout) and OAuth 1.0a
// verification, with raw HTTP requests shaped as liveperson-api.md §1–§2 shows them.
import * as assert from 'node:assert/strict';
import { startEmulator, DEMO, LIMITED_KEY, RunningEmulator } from '../../../src/emulator';
import { baseString, hmacSha1, normalizeBaseUrl, formPairs } from '../../../src/emulator/auth/oauth1';
import { ACCT, BEARER, fakeClock, oauthHeader, reasonsPath, request, signed } from './helpers';

describe('emulator: CSDS', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ agents: 20 }); });
  after(() => emu.close());

  it('answers every service with host:port only, no auth', async () => {
    const r = await request(emu.url, 'GET', `/api/account/${ACCT}/service/baseURI.json?version=1.0`);
    assert.equal(r.status, 200);
    const services = r.json.baseURIs.map((b: { service: string }) => b.service);
    for (const s of ['agentVep', 'accountConfigReadOnly', 'accountConfigReadWrite', 'msgHist', 'agentManagerWorkspace', 'agentActivityDomain']) assert.ok(services.includes(s), s);
    for (const b of r.json.baseURIs) {
      assert.equal(b.account, ACCT);
      assert.equal(b.baseURI, `127.0.0.1:${emu.port}`);
    }
  });
  it('answers one service as {service, account, baseURI}; unknown service or account → 404', async () => {
    const r = await request(emu.url, 'GET', `/api/account/${ACCT}/service/accountConfigReadOnly/baseURI.json?version=1.0`);
    assert.deepEqual(r.json, { service: 'accountConfigReadOnly', account: ACCT, baseURI: `127.0.0.1:${emu.port}` });
    assert.equal((await request(emu.url, 'GET', `/api/account/${ACCT}/service/accountconfigreadonly/baseURI.json?version=1.0`)).status, 404, 'case sensitive');
    assert.equal((await request(emu.url, 'GET', `/api/account/999/service/baseURI.json?version=1.0`)).status, 404);
    assert.equal((await request(emu.url, 'GET', `/api/account/bad!id/service/baseURI.json?version=1.0`)).status, 400);
  });
});

describe('emulator: Login Service', () => {
  let emu: RunningEmulator;
  const clock = fakeClock();
  before(async () => { emu = await startEmulator({ agents: 20, now: clock.now, sessionTtlMs: 3_600_000, idleTimeoutMs: 600_000 }); });
  after(() => emu.close());

  const login = (body: unknown, q = '?v=1.3') => request(emu.url, 'POST', `/api/account/${ACCT}/login${q}`, { body });
  const cookieOf = (r: { headers: Record<string, unknown> }) => String((r.headers['set-cookie'] as string[])[0]).split(';')[0];

  it('logs a user in: csrf, config.userId, sessionTTl as a string, bearer, Session_id cookie', async () => {
    const r = await login({ username: DEMO.username, password: DEMO.password });
    assert.equal(r.status, 200);
    assert.match(r.json.csrf, /^[0-9a-f]{64}$/);
    assert.match(r.json.bearer, /^[0-9a-f]{64}$/);
    assert.equal(r.json.sessionTTl, '3600000');
    assert.equal(r.json.config.loginName, 'admin');
    assert.match(r.json.config.userId, /^\d+$/);
    assert.ok(Array.isArray(r.json.csdsCollectionResponse.baseURIs));
    assert.equal(r.json.accountData.agentGroupsData.items[0].id, -1);
    assert.match(cookieOf(r), /^Session_id=[0-9a-f]+$/);
    const list = await request(emu.url, 'GET', reasonsPath(), { headers: { authorization: `Bearer ${r.json.bearer}` } });
    assert.equal(list.status, 200);
  });
  it('logs an application in with the four key values (and the OAuth2 "dummy" form)', async () => {
    const app = { username: DEMO.username, appKey: DEMO.appKey, secret: DEMO.appSecret, accessToken: DEMO.accessToken, accessTokenSecret: DEMO.accessTokenSecret };
    assert.equal((await login(app)).status, 200);
    assert.equal((await login({ ...app, accessToken: 'dummy', accessTokenSecret: 'dummy' })).status, 200);
    assert.equal((await login({ ...app, secret: 'nope' })).status, 401);
  });
  it('rejects bad credentials with the login error envelope; missing v or bad body → 400', async () => {
    const r = await login({ username: DEMO.username, password: 'wrong' });
    assert.equal(r.status, 401);
    assert.equal(r.json.error.responseStatus, 'UNAUTHORIZED');
    assert.equal(typeof r.json.error.message, 'string');
    assert.equal(typeof r.json.error.internalCode, 'number');
    assert.equal((await login({ username: DEMO.username, password: DEMO.password }, '')).status, 400);
    assert.equal((await request(emu.url, 'POST', `/api/account/${ACCT}/login?v=1.3`, { rawBody: '[1]' })).status, 400);
    assert.equal((await request(emu.url, 'POST', `/api/account/${ACCT}/login?v=1.3`, { rawBody: '{bad' })).status, 400);
    assert.equal((await request(emu.url, 'POST', `/api/account/87654321/login?v=1.3`, { body: { username: 'admin', password: DEMO.password } })).status, 401);
  });
  it('refresh needs the Session_id cookie AND the csrf; mismatch → 401 envelope internalCode 10', async () => {
    const l = await login({ username: DEMO.username, password: DEMO.password });
    const cookie = cookieOf(l);
    const ok = await request(emu.url, 'POST', `/api/account/${ACCT}/refresh`, { body: { csrf: l.json.csrf }, headers: { cookie } });
    assert.equal(ok.status, 200);
    assert.equal(ok.text, '');
    assert.match(cookieOf(ok), /^Session_id=/);
    for (const [body, headers] of [[{ csrf: 'x' }, { cookie }], [{ csrf: l.json.csrf }, {}], [{ csfr: l.json.csrf }, { cookie }]] as const) {
      const bad = await request(emu.url, 'POST', `/api/account/${ACCT}/refresh`, { body, headers });
      assert.equal(bad.status, 401);
      assert.equal(bad.json.error.internalCode, 10);
    }
  });
  it('logout invalidates the bearer', async () => {
    const l = await login({ username: DEMO.username, password: DEMO.password });
    const auth = { authorization: `Bearer ${l.json.bearer}` };
    assert.equal((await request(emu.url, 'POST', `/api/account/${ACCT}/logout`, { body: { csrf: l.json.csrf }, headers: { cookie: cookieOf(l) } })).status, 200);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: auth })).status, 401);
    assert.equal((await request(emu.url, 'POST', `/api/account/${ACCT}/refresh`, { body: { csrf: l.json.csrf }, headers: { cookie: cookieOf(l) } })).status, 401);
  });
  it('idle timeout is reset by refresh and by any call; the absolute TTL is not', async () => {
    const l = await login({ username: DEMO.username, password: DEMO.password });
    const auth = { authorization: `Bearer ${l.json.bearer}` };
    for (let i = 0; i < 5; i++) {
      clock.advance(500_000); // < idle 600 s
      if (i % 2) assert.equal((await request(emu.url, 'POST', `/api/account/${ACCT}/refresh`, { body: { csrf: l.json.csrf }, headers: { cookie: cookieOf(l) } })).status, 200);
      else assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: auth })).status, 200);
    }
    clock.advance(1_200_000); // total 3,700 s > TTL 3,600 s
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: auth })).status, 401);
    const l2 = await login({ username: DEMO.username, password: DEMO.password });
    clock.advance(600_001);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: { authorization: `Bearer ${l2.json.bearer}` } })).status, 401, 'idle');
  });
  it('expireBearers ends every login session; the demo plain bearer keeps working', async () => {
    const l = await login({ username: DEMO.username, password: DEMO.password });
    emu.control.expireBearers();
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: { authorization: `Bearer ${l.json.bearer}` } })).status, 401);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: BEARER })).status, 200);
  });
  it('Agent Activity refuses a login bearer with the oauth_problem body (default), accepts the demo bearer', async () => {
    const l = await login({ username: DEMO.username, password: DEMO.password });
    const r = await request(emu.url, 'GET', `/api/v2/account/${ACCT}/status-changes?source=t&v=2`, { headers: { authorization: `Bearer ${l.json.bearer}` } });
    assert.equal(r.status, 401);
    assert.match(r.json.reason, /^oauth_problem=/);
    assert.equal((await request(emu.url, 'GET', `/api/v2/account/${ACCT}/status-changes?source=t&v=2`, { headers: BEARER })).status, 200);
  });
});

describe('emulator: OAuth 1.0a', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ agents: 20 }); });
  after(() => emu.close());

  it('computes the RFC 5849 §3.4.1 example base string and a known HMAC-SHA1 signature', () => {
    const params: [string, string][] = [
      ...formPairs('b5=%3D%253D&a3=a&c%40=&a2=r%20b'), ['oauth_consumer_key', '9djdj82h48djs9d2'], ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'], ['oauth_timestamp', '137131201'], ['oauth_nonce', '7d8f3e4a'],
      ...formPairs('c2&a3=2+q'),
    ];
    const base = baseString('POST', normalizeBaseUrl('HTTP', 'EXAMPLE.COM:80', '/request'), params);
    assert.equal(base, 'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7');
    // RFC 5849 §1.2 example: signature of the photos request
    const photos = baseString('GET', 'http://photos.example.net/photos', [['file', 'vacation.jpg'], ['size', 'original'], ['oauth_consumer_key', 'dpf43f3p2l4k3l03'], ['oauth_token', 'nnch734d00sl2jdk'], ['oauth_signature_method', 'HMAC-SHA1'], ['oauth_timestamp', '137131202'], ['oauth_nonce', 'chapoH']]);
    assert.equal(hmacSha1(photos, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00'), 'MdpQcU8iPSUjWoN/UDMsK2sui9I=');
  });
  it('verifies requests signed by the npm oauth-1.0a package (query signed, JSON body not)', async () => {
    const list = await signed(emu.url, DEMO, 'GET', reasonsPath('', 'v=1.0&include_deleted=true'));
    assert.equal(list.status, 200, list.text);
    const created = await signed(emu.url, DEMO, 'POST', reasonsPath(), { body: { text: 'Signed create', state: 'Away', enabled: true, deleted: false } });
    assert.equal(created.status, 200, created.text);
    const activity = await signed(emu.url, DEMO, 'GET', `/api/v2/account/${ACCT}/status-changes?source=unit%20test&v=2&limit=10`);
    assert.equal(activity.status, 200, activity.text);
    const metrics = await signed(emu.url, DEMO, 'POST', `/messaging_history/api/account/${ACCT}/agent-view/status?offset=0&limit=5`, { body: {} });
    assert.equal(metrics.status, 200, metrics.text);
  });
  it('rejects a wrong secret, a tampered query, a replayed nonce and a stale timestamp with 401', async () => {
    const url = new URL(reasonsPath(), emu.url).toString();
    const wrong = await request(emu.url, 'GET', reasonsPath(), { headers: { authorization: oauthHeader({ ...DEMO, appSecret: 'x' }, 'GET', url) } });
    assert.equal(wrong.status, 401);
    const tampered = await request(emu.url, 'GET', reasonsPath('', 'v=1.0&include_deleted=true'), { headers: { authorization: oauthHeader(DEMO, 'GET', url) } });
    assert.equal(tampered.status, 401);
    const header = oauthHeader(DEMO, 'GET', url, { nonce: 'fixed-nonce-1' });
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: { authorization: header } })).status, 200);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: { authorization: header } })).status, 401, 'replay');
    const old = oauthHeader(DEMO, 'GET', url, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: { authorization: old } })).status, 401);
    const act = `/api/v2/account/${ACCT}/status-changes?source=t&v=2`;
    const r = await request(emu.url, 'GET', act, { headers: { authorization: oauthHeader({ ...DEMO, accessTokenSecret: 'x' }, 'GET', new URL(act, emu.url).toString()) } });
    assert.equal(r.status, 401);
    assert.match(r.json.reason, /^oauth_problem=signature_invalid/);
  });
  it('verifies against the host the client used (Host header)', async () => {
    const path = reasonsPath();
    const asLocalhost = oauthHeader(DEMO, 'GET', `http://localhost:${emu.port}${path}`);
    const r = await request(emu.url, 'GET', path, { headers: { authorization: asLocalhost, host: `localhost:${emu.port}` } });
    assert.equal(r.status, 200);
    const mismatch = oauthHeader(DEMO, 'GET', `http://localhost:${emu.port}${path}`);
    assert.equal((await request(emu.url, 'GET', path, { headers: { authorization: mismatch } })).status, 401);
  });
  it('the limited key may read AC and metrics but gets 403 on AC writes and Agent Activity', async () => {
    assert.equal((await signed(emu.url, LIMITED_KEY, 'GET', reasonsPath())).status, 200);
    assert.equal((await signed(emu.url, LIMITED_KEY, 'POST', `/messaging_history/api/account/${ACCT}/agent-view/status`, { body: {} })).status, 200);
    const w = await signed(emu.url, LIMITED_KEY, 'POST', reasonsPath(), { body: { text: 'Nope', state: 'Away', enabled: true } });
    assert.equal(w.status, 403);
    assert.equal(w.json.code, 403);
    const a = await signed(emu.url, LIMITED_KEY, 'GET', `/api/v2/account/${ACCT}/status-changes?source=t&v=2`);
    assert.equal(a.status, 403);
  });
  it('no or unknown credentials → 401 on every authenticated API', async () => {
    assert.equal((await request(emu.url, 'GET', reasonsPath())).status, 401);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: { authorization: 'Bearer nope' } })).status, 401);
    assert.equal((await request(emu.url, 'POST', `/messaging_history/api/account/${ACCT}/agent-view/status`, { body: {}, headers: { authorization: 'Basic abc' } })).status, 401);
  });
});
