// Contract: the emulator is not a door into the machine. A web page's cross-origin request (a
// text/plain POST needs no preflight) and a DNS-rebound name are refused with 403 and a JSON reason,
// on /__control/*, the APIs and CSDS alike; an unparseable request target answers 400, not 500.
import * as assert from 'node:assert/strict';
import nodeFetch from 'node-fetch';
import { startEmulator, RunningEmulator, DEFAULT_FAULTS } from '../../../src/emulator';
import { ACCT, BEARER, rawHttp, reasonsPath, request } from './helpers';

const CSDS = `/api/account/${ACCT}/service/baseURI.json?version=1.0`;
const LOGIN = `/api/account/${ACCT}/login?v=1.3`;
const CREDS = JSON.stringify({ username: 'admin', password: 'demo-password' });

describe('emulator: request guard (Host, Origin, request target)', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ agents: 5 }); });
  after(() => emu.close());
  beforeEach(() => emu.control.resetFaults());
  const own = () => `127.0.0.1:${emu.port}`;

  it('refuses a web page’s text/plain POST to /__control/faults (no preflight needed): 403 foreign-origin, nothing changed', async () => {
    const r = await request(emu.url, 'POST', '/__control/faults', { rawBody: '{"burst5xx": 5}', headers: { 'content-type': 'text/plain', origin: 'https://attacker.example' } });
    assert.equal(r.status, 403);
    assert.equal(r.json.reason, 'foreign-origin');
    assert.match(r.json.message, /attacker\.example/);
    assert.match(String(r.headers['content-type']), /^application\/json/);
    assert.deepEqual(emu.control.faults(), DEFAULT_FAULTS, 'the knob was not set');
    for (const p of ['/__control/clock', '/__control/faults', '/__control/agents']) {
      assert.equal((await request(emu.url, 'GET', p, { headers: { origin: 'http://evil.example' } })).json.reason, 'foreign-origin', p);
    }
  });
  it('refuses API calls and CSDS lookups from another origin, and a cross-origin login (no session is made)', async () => {
    const evil = { origin: 'https://attacker.example' };
    const login = await request(emu.url, 'POST', LOGIN, { rawBody: CREDS, headers: { ...evil, 'content-type': 'text/plain' } });
    assert.equal(login.status, 403);
    assert.equal(login.json.reason, 'foreign-origin');
    assert.equal(login.json.bearer, undefined);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: { ...BEARER, ...evil } })).json.reason, 'foreign-origin');
    assert.equal((await request(emu.url, 'GET', CSDS, { headers: evil })).json.reason, 'foreign-origin');
    assert.deepEqual(emu.control.stats(), {}, 'refused requests never reach a route');
  });
  it('an Origin that is not exactly the emulator’s own is foreign: another port, https, "null", a look-alike name', async () => {
    for (const origin of [`http://127.0.0.1:${emu.port + 1}`, `https://127.0.0.1:${emu.port}`, 'null', `http://127.0.0.1.evil.example:${emu.port}`, `http://localhost:${emu.port}.evil.example`]) {
      const r = await request(emu.url, 'GET', CSDS, { headers: { origin } });
      assert.equal(r.status, 403, origin);
      assert.equal(r.json.reason, 'foreign-origin', origin);
    }
  });
  it('accepts no Origin (node clients) and the emulator’s own origins, in any letter case', async () => {
    assert.equal((await request(emu.url, 'GET', CSDS)).status, 200);
    for (const origin of [`http://127.0.0.1:${emu.port}`, `http://localhost:${emu.port}`, `http://[::1]:${emu.port}`, `HTTP://LOCALHOST:${emu.port}`]) {
      assert.equal((await request(emu.url, 'GET', CSDS, { headers: { origin } })).status, 200, origin);
    }
    assert.equal((await request(emu.url, 'GET', '/__control/clock', { headers: { origin: `http://localhost:${emu.port}` } })).status, 200);
  });
  it('refuses a DNS-rebound name (Host is not 127.0.0.1, localhost or [::1] with the port): 403 foreign-host', async () => {
    for (const host of [`rebind.evil.example:${emu.port}`, 'rebind.evil.example', `127.0.0.1:${emu.port + 1}`, '127.0.0.1', `127.0.0.2:${emu.port}`, `localhost.evil.example:${emu.port}`]) {
      for (const path of ['/__control/faults', CSDS, reasonsPath()]) {
        const r = await rawHttp(emu.port, `GET ${path} HTTP/1.1\r\nhost: ${host}\r\nauthorization: ${BEARER.authorization}`);
        assert.equal(r.status, 403, `${host} ${path}`);
        assert.equal(r.json.reason, 'foreign-host', `${host} ${path}`);
      }
    }
    const post = await rawHttp(emu.port, `POST /__control/faults HTTP/1.1\r\nhost: rebind.evil.example:${emu.port}\r\ncontent-type: text/plain`, '{"burst5xx": 5}');
    assert.equal(post.status, 403);
    assert.deepEqual(emu.control.faults(), DEFAULT_FAULTS);
  });
  it('accepts Host 127.0.0.1, localhost and [::1] with its port; HTTP/1.0 without a Host is refused', async () => {
    for (const host of [own(), `localhost:${emu.port}`, `[::1]:${emu.port}`, `LocalHost:${emu.port}`]) {
      const r = await rawHttp(emu.port, `GET ${CSDS} HTTP/1.1\r\nhost: ${host}`);
      assert.equal(r.status, 200, host);
      // the services keep the emulator's own host:port whatever name the client used
      assert.ok(r.json.baseURIs.every((e: { baseURI: string }) => e.baseURI === own()), host);
    }
    const noHost = await rawHttp(emu.port, `GET ${CSDS} HTTP/1.0`);
    assert.equal(noHost.status, 403);
    assert.equal(noHost.json.reason, 'foreign-host');
  });
  it('an absolute-form target must name this emulator too', async () => {
    const ok = await rawHttp(emu.port, `GET http://${own()}${CSDS} HTTP/1.1\r\nhost: ${own()}`);
    assert.equal(ok.status, 200);
    const foreign = await rawHttp(emu.port, `GET http://evil.example${CSDS} HTTP/1.1\r\nhost: ${own()}`);
    assert.equal(foreign.status, 403);
    assert.equal(foreign.json.reason, 'foreign-host');
  });
  it('a request target it cannot parse answers 400 with a JSON message, not 500, and the emulator keeps serving', async () => {
    for (const target of ['http://[bad/x', '//%%%', `//evil.example${CSDS}`, 'http://%%%/x', 'http://a:99999/x', 'http://', '*']) {
      const r = await rawHttp(emu.port, `GET ${target} HTTP/1.1\r\nhost: ${own()}`);
      assert.equal(r.status, 400, target);
      assert.match(r.raw, /content-type: application\/json/i, target);
      assert.match(r.json.message, /request target/, target);
    }
    assert.equal((await request(emu.url, 'GET', CSDS)).status, 200);
  });
  it('node-fetch (as the client sends it: Host 127.0.0.1:PORT, no Origin) is served, a text/plain POST included', async () => {
    const csds = await nodeFetch(`${emu.url}${CSDS}`);
    assert.equal(csds.status, 200);
    const login = await nodeFetch(`${emu.url}${LOGIN}`, { method: 'POST', body: CREDS, headers: { 'content-type': 'text/plain' } });
    assert.equal(login.status, 200);
    assert.equal((await nodeFetch(`${emu.url}/__control/clock`)).status, 200);
  });
});
