// Contract: fault knobs (liveperson-api.md §11.4) through options, control and /__control/*.
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator, DEFAULT_FAULTS } from '../../../src/emulator';
import { ACCT, BEARER, reasonsPath, request } from './helpers';

const STATUS = `/messaging_history/api/account/${ACCT}/agent-view/status?limit=1000`;

describe('emulator: faults and control', () => {
  let emu: RunningEmulator;
  beforeEach(async () => { emu = await startEmulator({ agents: 200 }); });
  afterEach(() => emu.close());
  const list = () => request(emu.url, 'GET', reasonsPath(), { headers: BEARER });
  const login = () => request(emu.url, 'POST', `/api/account/${ACCT}/login?v=1.3`, { body: { username: 'admin', password: 'demo-password' } });

  it('rate429 answers that fraction of API calls 429 with Retry-After; CSDS and login are spared', async () => {
    emu.control.setFaults({ rate429: 1, retryAfterSeconds: 3 });
    const r = await list();
    assert.equal(r.status, 429);
    assert.equal(r.headers['retry-after'], '3');
    assert.equal((await request(emu.url, 'GET', `/api/account/${ACCT}/service/baseURI.json?version=1.0`)).status, 200);
    assert.equal((await login()).status, 200);
    emu.control.setFaults({ rate429: 0.5 });
    const statuses = await Promise.all(Array.from({ length: 60 }, () => list().then(x => x.status)));
    const limited = statuses.filter(s => s === 429).length;
    assert.ok(limited > 10 && limited < 50, `${limited} of 60`);
  });
  it('login429 throttles login calls only', async () => {
    emu.control.setFaults({ login429: 1 });
    const r = await login();
    assert.equal(r.status, 429);
    assert.equal(r.json.error.responseStatus, 'TOO_MANY_REQUESTS');
    assert.equal((await list()).status, 200);
  });
  it('applyThen5xx: the next N AC writes are applied, then answered 504; reads are untouched', async () => {
    emu.control.setFaults({ applyThen5xx: 1 });
    assert.equal((await list()).status, 200, 'a GET does not consume it');
    const before = emu.control.revision();
    const w = await request(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: { text: 'Applied anyway', state: 'Away', enabled: true, deleted: false } });
    assert.equal(w.status, 504);
    assert.equal(emu.control.revision(), before + 1, 'the write was applied');
    assert.ok((await list()).json.some((r: { text: string }) => r.text === 'Applied anyway'));
    const again = await request(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: { text: 'Applied anyway', state: 'Away', enabled: true, deleted: false } });
    assert.equal(again.status, 409, 'a retry meets the duplicate');
    assert.equal(emu.control.faults().applyThen5xx, 0);
  });
  it('burst5xx: the next N API calls answer 503, then normal', async () => {
    emu.control.setFaults({ burst5xx: 2 });
    assert.equal((await list()).status, 503);
    const activity = await request(emu.url, 'GET', `/api/v2/account/${ACCT}/status-changes?source=t&v=2`, { headers: BEARER });
    assert.equal(activity.status, 503);
    assert.match(activity.json.internalCode, /^[0-9a-f-]{36}$/);
    assert.equal((await list()).status, 200);
    assert.equal(emu.control.faults().burst5xx, 0);
  });
  it('latencyMs delays API answers: a slow call started first finishes after a fast one started later', async () => {
    emu.control.setFaults({ latencyMs: 300 });
    const order: string[] = [];
    const slow = list().then(r => order.push(`slow ${r.status}`));
    await new Promise(r => setTimeout(r, 20));
    emu.control.setFaults({ latencyMs: 0 });
    const fast = list().then(r => order.push(`fast ${r.status}`));
    await Promise.all([slow, fast]);
    assert.deepEqual(order, ['fast 200', 'slow 200']);
  });
  it('partialResult: partialResult:true and some agents missing', async () => {
    const full = await request(emu.url, 'POST', STATUS, { body: {}, headers: BEARER });
    emu.control.setFaults({ partialResult: true });
    const partial = await request(emu.url, 'POST', STATUS, { body: {}, headers: BEARER });
    assert.equal(partial.json._metadata.shardsStatusResult.partialResult, true);
    assert.ok(partial.json._metadata.count < full.json._metadata.count);
    assert.ok(partial.json._metadata.count > full.json._metadata.count * 0.7);
    const ids = new Set(full.json.agentStatusRecords.map((r: { agentId: string }) => r.agentId));
    assert.ok(partial.json.agentStatusRecords.every((r: { agentId: string }) => ids.has(r.agentId)));
  });
  it('staleRevision: the next N AC writes answer 409 even with a current If-Match', async () => {
    emu.control.setFaults({ staleRevision: 1 });
    const body = { text: 'Stale test', state: 'Away', enabled: true };
    const rev = String(emu.control.revision());
    assert.equal((await request(emu.url, 'POST', reasonsPath(), { body, headers: { ...BEARER, 'if-match': rev } })).status, 409);
    assert.equal(emu.control.revision(), Number(rev));
    assert.equal((await request(emu.url, 'POST', reasonsPath(), { body, headers: { ...BEARER, 'if-match': rev } })).status, 200);
  });
  it('htmlErrors: error answers become an HTML page; successes stay JSON', async () => {
    emu.control.setFaults({ htmlErrors: true, burst5xx: 1 });
    const r = await list();
    assert.equal(r.status, 503);
    assert.match(String(r.headers['content-type']), /^text\/html/);
    assert.match(r.text, /^<!DOCTYPE html>/);
    const ok = await list();
    assert.equal(ok.status, 200);
    assert.match(String(ok.headers['content-type']), /^application\/json/);
  });
  it('truncateBodies: the next N JSON bodies are cut in half', async () => {
    emu.control.setFaults({ truncateBodies: 1 });
    const r = await list();
    assert.equal(r.status, 200);
    assert.equal(r.json, undefined, 'not parseable');
    assert.ok(r.text.startsWith('[{'));
    assert.equal(Number(r.headers['content-length']), Buffer.byteLength(r.text));
    assert.ok(Array.isArray((await list()).json));
  });
  it('faults from options; resetFaults restores the defaults; bad values are clamped', async () => {
    const e = await startEmulator({ agents: 5, faults: { burst5xx: 1 } });
    try {
      assert.equal((await request(e.url, 'GET', reasonsPath(), { headers: BEARER })).status, 503);
    } finally {
      await e.close();
    }
    emu.control.setFaults({ rate429: 7, latencyMs: -5 });
    assert.equal(emu.control.faults().rate429, 1);
    assert.equal(emu.control.faults().latencyMs, 0);
    emu.control.resetFaults();
    assert.deepEqual(emu.control.faults(), DEFAULT_FAULTS);
  });
  it('stats() counts calls per route name; requests() keeps the last ones; resetStats clears', async () => {
    await list();
    await list();
    await request(emu.url, 'GET', `/api/account/${ACCT}/service/baseURI.json?version=1.0`);
    await request(emu.url, 'GET', '/nope');
    await request(emu.url, 'POST', STATUS, { body: {}, headers: BEARER });
    assert.deepEqual(emu.control.stats(), { 'statusReasons.list': 2, csds: 1, unknown: 1, 'agentView.status': 1 });
    const reqs = emu.control.requests();
    assert.equal(reqs.length, 5);
    assert.deepEqual(reqs[3], { ...reqs[3], method: 'GET', path: '/nope', route: 'unknown', status: 404 });
    emu.control.resetStats();
    assert.deepEqual(emu.control.stats(), {});
  });
  it('the same knobs over HTTP on /__control/*', async () => {
    const c = (method: string, p: string, body?: unknown) => request(emu.url, method, `/__control/${p}`, { body });
    assert.deepEqual((await c('GET', 'faults')).json, DEFAULT_FAULTS);
    assert.equal((await c('POST', 'faults', { burst5xx: 1, latencyMs: 5 })).json.burst5xx, 1);
    assert.equal((await list()).status, 503);
    assert.equal((await c('POST', 'reset-faults')).json.latencyMs, 0);
    const l = await request(emu.url, 'POST', `/api/account/${ACCT}/login?v=1.3`, { body: { username: 'admin', password: 'demo-password' } });
    assert.equal((await c('POST', 'expire-bearers')).status, 200);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: { authorization: `Bearer ${l.json.bearer}` } })).status, 401);
    assert.equal((await c('GET', 'stats')).json['statusReasons.list'], 2);
    await c('POST', 'reset-stats');
    assert.deepEqual((await c('GET', 'stats')).json, {});
    const id = emu.control.agentIds()[0];
    assert.equal((await c('POST', 'agent-status', { agentId: id, status: 'AWAY', reasonId: '3201442812' })).status, 200);
    const rec = (await request(emu.url, 'POST', STATUS, { body: { agentIds: [id] }, headers: BEARER })).json.agentStatusRecords[0];
    assert.equal(rec.currentStatusReason, '3201442812');
    assert.equal((await c('POST', 'agent-status', { agentId: 'nope', status: 'AWAY' })).status, 400);
    assert.equal((await c('POST', 'agent-status', { agentId: id, status: 'DANCING' })).status, 400);
    assert.equal((await c('POST', 'faults', [1])).status, 400);
    assert.equal((await c('GET', 'nothing')).status, 404);
    assert.deepEqual(emu.control.stats(), { 'agentView.status': 1 }, 'control calls are not counted');
  });
  it('binds 127.0.0.1 only', async () => {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });
  it('logs one line per request, without secrets', async () => {
    const lines: string[] = [];
    const e = await startEmulator({ agents: 5, log: l => lines.push(l) });
    try {
      const l = await request(e.url, 'POST', `/api/account/${ACCT}/login?v=1.3`, { body: { username: 'admin', password: 'demo-password' } });
      await request(e.url, 'GET', reasonsPath(), { headers: { authorization: `Bearer ${l.json.bearer}` } });
      assert.equal(lines.length, 2);
      assert.match(lines[1], /GET \/api\/account\/12345678\/configuration\/le-agents\/status-reasons\?… → 200 \[statusReasons\.list\]/);
      for (const line of lines) for (const secret of ['demo-password', l.json.bearer, l.json.csrf]) assert.ok(!line.includes(secret));
    } finally {
      await e.close();
    }
  });
});
