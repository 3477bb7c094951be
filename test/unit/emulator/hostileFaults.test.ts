// Contract: the faults of a hostile or unlucky server — unauthorizedAfter (401 mid-session),
// csdsForeignHost (CSDS points services at another host), foreignNextLink (a `next` link whose path
// switches host) — their sanitizing, and the same knobs over /__control/faults.
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator, DEMO, FOREIGN_CSDS_HOST, FOREIGN_CSDS_SERVICES, FOREIGN_LINK_HOST } from '../../../src/emulator';
import { createLivePersonClient } from '../../../src/api/client';
import { scaledRetryPolicy } from '../../../src/api/retryPolicy';
import { ACCT, BEARER, reasonsPath, request, signed } from './helpers';

const CSDS = `/api/account/${ACCT}/service/baseURI.json?version=1.0`;
const LOGIN = `/api/account/${ACCT}/login?v=1.3`;
const ACTIVITY = `/api/v2/account/${ACCT}/status-changes?source=unit&v=2&limit=5`;

describe('emulator: unauthorizedAfter, csdsForeignHost, foreignNextLink', () => {
  let emu: RunningEmulator;
  beforeEach(async () => { emu = await startEmulator({ agents: 30, activityLagMinutes: 0, activityAcceptsBearer: true }); });
  afterEach(() => emu.close());
  const own = () => `127.0.0.1:${emu.port}`;
  const login = async (): Promise<string> => (await request(emu.url, 'POST', LOGIN, { body: { username: DEMO.username, password: DEMO.password } })).json.bearer;
  const listWith = (bearer: string) => request(emu.url, 'GET', reasonsPath(), { headers: { authorization: `Bearer ${bearer}` } });

  it('unauthorizedAfter N with a login bearer: N authorized calls pass, the next answers 401 and ends the session; a re-login works', async () => {
    const old = await login();
    emu.control.setFaults({ unauthorizedAfter: 2 });
    assert.equal((await listWith(old)).status, 200);
    assert.equal((await request(emu.url, 'GET', CSDS)).status, 200, 'CSDS is not an authorized call');
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: { authorization: 'Bearer wrong' } })).status, 401, 'a refused call is not counted');
    assert.equal(emu.control.faults().unauthorizedAfter, 1);
    assert.equal((await request(emu.url, 'POST', `/messaging_history/api/account/${ACCT}/agent-view/status?limit=5`, { headers: { authorization: `Bearer ${old}` }, body: {} })).status, 200);
    const before = emu.control.revision();
    const expired = await request(emu.url, 'POST', reasonsPath(), { headers: { authorization: `Bearer ${old}` }, body: { text: 'Not with an expired session', state: 'Away' } });
    assert.equal(expired.status, 401);
    assert.equal(expired.json.code, 401, 'the AC error shape');
    assert.equal(emu.control.revision(), before, 'the refused write was not applied');
    assert.equal(emu.control.faults().unauthorizedAfter, null, 'fired once, then off');
    assert.equal((await listWith(old)).status, 401, 'the old bearer stays revoked');
    const fresh = await login();
    assert.notEqual(fresh, old);
    assert.equal((await listWith(fresh)).status, 200);
    assert.equal((await listWith(fresh)).status, 200, 'no second 401');
  });
  it('unauthorizedAfter 0: the very next authorized call answers 401', async () => {
    const bearer = await login();
    emu.control.setFaults({ unauthorizedAfter: 0 });
    assert.equal((await listWith(bearer)).status, 401);
    assert.equal((await listWith(await login())).status, 200);
  });
  it('unauthorizedAfter with an API key (OAuth 1.0a) or the plain bearer: one 401, then accepted again', async () => {
    emu.control.setFaults({ unauthorizedAfter: 1 });
    assert.equal((await signed(emu.url, DEMO, 'GET', reasonsPath())).status, 200);
    const refused = await signed(emu.url, DEMO, 'GET', ACTIVITY);
    assert.equal(refused.status, 401);
    assert.match(refused.json.reason, /^oauth_problem=token_rejected/, 'the Agent Activity 401 shape');
    assert.equal((await signed(emu.url, DEMO, 'GET', ACTIVITY)).status, 200);
    emu.control.setFaults({ unauthorizedAfter: 0 });
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: BEARER })).status, 401);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: BEARER })).status, 200);
  });
  it('a client that logs in again on 401 recovers from unauthorizedAfter (the real API client)', async () => {
    const client = createLivePersonClient({ accountId: DEMO.accountId, csdsUrl: emu.url, credentials: { kind: 'login', username: DEMO.username, password: DEMO.password }, retryPolicy: scaledRetryPolicy(0.001), timeoutMs: 10_000 });
    try {
      assert.ok((await client.statusReasons.list()).items.length > 0);
      emu.control.resetStats();
      emu.control.setFaults({ unauthorizedAfter: 0 });
      assert.ok((await client.statusReasons.list()).items.length > 0, 'recovered');
      assert.equal(emu.control.stats().login, 1, 'by one re-login');
      assert.equal(emu.control.requests().filter(r => r.status === 401).length, 1);
    } finally {
      await client.dispose();
    }
  });
  it('csdsForeignHost: true points accountConfigReadWrite and agentActivityDomain at evil.example.invalid:443, in CSDS and in the login answer', async () => {
    emu.control.setFaults({ csdsForeignHost: true });
    const all = (await request(emu.url, 'GET', CSDS)).json.baseURIs as { service: string; baseURI: string }[];
    for (const e of all) assert.equal(e.baseURI, FOREIGN_CSDS_SERVICES.includes(e.service) ? FOREIGN_CSDS_HOST : own(), e.service);
    assert.deepEqual([...FOREIGN_CSDS_SERVICES].sort(), ['accountConfigReadWrite', 'agentActivityDomain']);
    assert.equal(FOREIGN_CSDS_HOST, 'evil.example.invalid:443');
    const one = await request(emu.url, 'GET', `/api/account/${ACCT}/service/accountConfigReadWrite/baseURI.json?version=1.0`);
    assert.equal(one.json.baseURI, FOREIGN_CSDS_HOST);
    assert.equal((await request(emu.url, 'GET', `/api/account/${ACCT}/service/agentVep/baseURI.json?version=1.0`)).json.baseURI, own());
    const l = await request(emu.url, 'POST', LOGIN, { body: { username: DEMO.username, password: DEMO.password } });
    const inLogin = (l.json.csdsCollectionResponse.baseURIs as { service: string; baseURI: string }[]).find(e => e.service === 'agentActivityDomain');
    assert.equal(inLogin?.baseURI, FOREIGN_CSDS_HOST);
    emu.control.resetFaults();
    assert.ok((await request(emu.url, 'GET', CSDS)).json.baseURIs.every((e: { baseURI: string }) => e.baseURI === own()));
  });
  it('csdsForeignHost: a string is answered verbatim (a host with userinfo, a path, a scheme)', async () => {
    for (const baseURI of [`user@${own()}`, `${own()}/../x`, `http://${own()}`, 'evil.example.invalid']) {
      emu.control.setFaults({ csdsForeignHost: baseURI });
      const all = (await request(emu.url, 'GET', CSDS)).json.baseURIs as { service: string; baseURI: string }[];
      assert.equal(all.find(e => e.service === 'accountConfigReadWrite')?.baseURI, baseURI);
      assert.equal(all.find(e => e.service === 'accountConfigReadOnly')?.baseURI, own());
    }
  });
  it('foreignNextLink: the next link’s path begins //other.example.invalid/, so resolving it as a path switches host', async () => {
    const plain = await request(emu.url, 'GET', ACTIVITY, { headers: BEARER });
    const nextOf = (r: typeof plain) => (r.json._metadata.references as { rel: string; href: string }[]).find(x => x.rel === 'next')!.href;
    assert.equal(new URL(nextOf(plain)).pathname.startsWith('//'), false);
    emu.control.setFaults({ foreignNextLink: true });
    const r = await request(emu.url, 'GET', ACTIVITY, { headers: BEARER });
    const next = new URL(nextOf(r));
    assert.equal(next.host, own(), 'the link itself names the emulator');
    assert.ok(next.pathname.startsWith(`//${FOREIGN_LINK_HOST}/api/v2/account/${ACCT}/status-changes`), next.pathname);
    assert.equal(new URL(`${next.pathname}${next.search}`, emu.url).host, FOREIGN_LINK_HOST, 'a path+query followed on the base switches host');
    for (const ref of r.json._metadata.references as { rel: string; href: string }[]) {
      if (ref.rel !== 'next') assert.ok(!new URL(ref.href).pathname.startsWith('//'), ref.rel);
    }
  });
  it('the new knobs are sanitized, reset, and settable over /__control/faults', async () => {
    emu.control.setFaults({ applyThenTimeout: -3, applyThenReset: 2.7, preconditionFailed: 'x' as unknown as number, unauthorizedAfter: 'soon' as unknown as number });
    const f = emu.control.faults();
    assert.deepEqual([f.applyThenTimeout, f.applyThenReset, f.preconditionFailed, f.unauthorizedAfter], [0, 2, 0, null]);
    emu.control.setFaults({ csdsForeignHost: 42 as unknown as string, foreignNextLink: 'yes' as unknown as boolean });
    assert.deepEqual([emu.control.faults().csdsForeignHost, emu.control.faults().foreignNextLink], [false, false]);
    emu.control.setFaults({ csdsForeignHost: 'x'.repeat(301) });
    assert.equal(emu.control.faults().csdsForeignHost, false, 'too long');
    const c = (body: unknown) => request(emu.url, 'POST', '/__control/faults', { body });
    const set = (await c({ applyThenTimeout: 1, applyThenReset: 2, preconditionFailed: 3, unauthorizedAfter: 4, csdsForeignHost: 'true', foreignNextLink: true })).json;
    assert.deepEqual([set.applyThenTimeout, set.applyThenReset, set.preconditionFailed, set.unauthorizedAfter, set.csdsForeignHost, set.foreignNextLink], [1, 2, 3, 4, true, true]);
    assert.equal((await c({ unauthorizedAfter: null })).json.unauthorizedAfter, null);
    assert.equal((await c({ csdsForeignHost: `user@${own()}` })).json.csdsForeignHost, `user@${own()}`);
    const reset = (await request(emu.url, 'POST', '/__control/reset-faults')).json;
    assert.deepEqual([reset.applyThenTimeout, reset.unauthorizedAfter, reset.csdsForeignHost, reset.foreignNextLink], [0, null, false, false]);
  });
  it('startEmulator({ faults }) takes the new knobs', async () => {
    const e = await startEmulator({ agents: 5, faults: { csdsForeignHost: true, unauthorizedAfter: 0, preconditionFailed: 1 } });
    try {
      assert.equal((await request(e.url, 'GET', `/api/account/${ACCT}/service/agentActivityDomain/baseURI.json?version=1.0`)).json.baseURI, FOREIGN_CSDS_HOST);
      assert.equal((await request(e.url, 'GET', reasonsPath(), { headers: BEARER })).status, 401);
      assert.equal(e.control.faults().preconditionFailed, 1);
    } finally {
      await e.close();
    }
  });
});
