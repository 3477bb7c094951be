// Contract: the sentinel service (OAuth 2.0 client credentials, liveperson-api.md §2.3) with raw HTTP
// requests shaped as LivePerson's pages show them: CSDS names it, the form-body and query forms both
// work, wrong credentials get a 401 in the OAuth 2.0 error shape, tokens expire on the emulator
// clock (`clientTokenTtlMinutes`), and which APIs take the token (§2.4).
import * as assert from 'node:assert/strict';
import { startEmulator, DEMO, RunningEmulator } from '../../../src/emulator';
import { ACCT, fakeClock, reasonsPath, request } from './helpers';

const TOKEN_PATH = `/sentinel/api/account/${ACCT}/app/token`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const GOOD = { grant_type: 'client_credentials', client_id: DEMO.clientId, client_secret: DEMO.clientSecret };

describe('emulator: sentinel (OAuth 2.0 client credentials)', () => {
  let emu: RunningEmulator;
  const clock = fakeClock(Date.parse('2026-03-04T10:00:00Z'));
  before(async () => { emu = await startEmulator({ agents: 20, now: clock.now, clientTokenTtlMinutes: 30 }); });
  after(() => emu.close());

  const token = async (body = form(GOOD), query = 'v=1.0') => request(emu.url, 'POST', `${TOKEN_PATH}?${query}`, { rawBody: body, headers: FORM });
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  it('CSDS names the sentinel service on this emulator', async () => {
    const r = await request(emu.url, 'GET', `/api/account/${ACCT}/service/sentinel/baseURI.json?version=1.0`);
    assert.deepEqual(r.json, { service: 'sentinel', account: ACCT, baseURI: `127.0.0.1:${emu.port}` });
  });

  it('issues {access_token, token_type, expires_in} for the demo client, credentials in the form body', async () => {
    const r = await token();
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(Object.keys(r.json).sort(), ['access_token', 'expires_in', 'token_type']);
    assert.equal(r.json.token_type, 'Bearer');
    assert.equal(r.json.expires_in, 30 * 60);
    assert.match(r.json.access_token, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/, 'JWT-shaped');
    assert.equal(r.headers['cache-control'], 'no-store');
    const claims = JSON.parse(Buffer.from(r.json.access_token.split('.')[1], 'base64url').toString('utf8'));
    assert.equal(claims.aud, ACCT);
    assert.equal(claims.azp, DEMO.clientId);
    assert.equal(claims.exp - claims.iat, 30 * 60);
  });

  it('also accepts the query form of LivePerson’s connector example, and the v2 path', async () => {
    const q = await token('', `v=1.0&${form(GOOD)}`);
    assert.equal(q.status, 200, q.text);
    const mixed = await token(form({ client_id: DEMO.clientId, client_secret: DEMO.clientSecret }), 'v=1.0&grant_type=client_credentials');
    assert.equal(mixed.status, 200, mixed.text);
    const v2 = await request(emu.url, 'POST', `/sentinel/api/v2/account/${ACCT}/app/token`, { rawBody: form(GOOD), headers: FORM });
    assert.equal(v2.status, 200, v2.text);
  });

  it('wrong credentials → 401 invalid_client; a bad grant or missing fields → 400 in the OAuth 2.0 error shape', async () => {
    const wrong = await token(form({ ...GOOD, client_secret: 'nope' }));
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.json, { error: 'invalid_client', error_description: 'Client authentication failed' });
    assert.equal((await token(form({ ...GOOD, client_id: 'other-client' }))).status, 401);
    const other = await request(emu.url, 'POST', '/sentinel/api/account/999/app/token?v=1.0', { rawBody: form(GOOD), headers: FORM });
    assert.equal(other.status, 401, 'the demo client belongs to the demo account only');
    const grant = await token(form({ ...GOOD, grant_type: 'password' }));
    assert.equal(grant.status, 400);
    assert.equal(grant.json.error, 'unsupported_grant_type');
    const missing = await token(form({ grant_type: 'client_credentials', client_id: DEMO.clientId }));
    assert.equal(missing.status, 400);
    assert.equal(missing.json.error, 'invalid_request');
    const json = await request(emu.url, 'POST', `${TOKEN_PATH}?v=1.0`, { body: GOOD });
    assert.equal(json.status, 400, 'a JSON body is not a form body');
  });

  it('Account Configuration and Agent Activity take the token; Agent Metrics answers 403 (API keys only)', async () => {
    const t = (await token()).json.access_token as string;
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: bearer(t) })).status, 200);
    assert.equal((await request(emu.url, 'GET', `/api/account/${ACCT}/configuration/le-users/users?v=4.0`, { headers: bearer(t) })).status, 200);
    assert.equal((await request(emu.url, 'GET', `/api/v2/account/${ACCT}/status-changes?source=t&v=2`, { headers: bearer(t) })).status, 200);
    const metrics = await request(emu.url, 'POST', `/messaging_history/api/account/${ACCT}/agent-view/summary`, { body: {}, headers: bearer(t) });
    assert.equal(metrics.status, 403);
    assert.match(metrics.json.message, /OAuth 2\.0/);
  });

  it('a token expires after its lifetime on the emulator clock (Agent Activity says so in its 401 shape); expireBearers ends every token', async () => {
    const t = (await token()).json.access_token as string;
    clock.advance(30 * 60_000 - 1);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: bearer(t) })).status, 200, 'still valid 1 ms before');
    clock.advance(1);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: bearer(t) })).status, 401);
    const act = await request(emu.url, 'GET', `/api/v2/account/${ACCT}/status-changes?source=t&v=2`, { headers: bearer(t) });
    assert.equal(act.status, 401);
    assert.match(act.json.reason, /^oauth_problem=token_expired/);
    const fresh = (await token()).json.access_token as string;
    assert.notEqual(fresh, t);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: bearer(fresh) })).status, 200);
    emu.control.expireBearers();
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: bearer(fresh) })).status, 401);
  });

  it('the token route is counted as sentinel.token', async () => {
    emu.control.resetStats();
    await token();
    assert.equal(emu.control.stats()['sentinel.token'], 1);
  });
});
