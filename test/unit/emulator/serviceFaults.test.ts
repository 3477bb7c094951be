// Contract: the knobs that take a service away — csdsOmit (CSDS leaves services out: an account
// without them) and notFoundPaths (a host that does not serve an API: 404 for those paths) — their
// sanitizing, and what CSDS, the login answer and the routes answer with them set. Raw HTTP.
import * as assert from 'node:assert/strict';
import { startEmulator, DEFAULT_FAULTS, RunningEmulator } from '../../../src/emulator';
import { MAX_LIST, sanitize } from '../../../src/emulator/faults';
import { ACCT, BEARER, request } from './helpers';

const CSDS = `/api/account/${ACCT}/service/baseURI.json?version=1.0`;
const one = (svc: string) => `/api/account/${ACCT}/service/${svc}/baseURI.json?version=1.0`;
const LOGIN = `/api/account/${ACCT}/login?v=1.3`;
const MW_SUMMARY = `/manager_workspace/api/account/${ACCT}/agent_view/summary`;
const MH_SUMMARY = `/messaging_history/api/account/${ACCT}/agent-view/summary`;

describe('emulator: csdsOmit and notFoundPaths', () => {
  describe('sanitizing', () => {
    it('defaults to [] (off) for both', () => {
      assert.deepEqual([DEFAULT_FAULTS.csdsOmit, DEFAULT_FAULTS.notFoundPaths], [[], []]);
      assert.deepEqual([sanitize({}).csdsOmit, sanitize({}).notFoundPaths], [[], []]);
    });
    it('csdsOmit: service names from an array or a comma-separated string; trimmed, deduplicated; junk dropped', () => {
      assert.deepEqual(sanitize({ csdsOmit: ['agentManagerWorkspace', ' msgHist ', 'agentManagerWorkspace'] }).csdsOmit, ['agentManagerWorkspace', 'msgHist']);
      assert.deepEqual(sanitize({ csdsOmit: 'agentManagerWorkspace, msgHist,' }).csdsOmit, ['agentManagerWorkspace', 'msgHist']);
      assert.deepEqual(sanitize({ csdsOmit: [42, null, '', 'has space', '../x', 'x'.repeat(201), 'sentinel'] }).csdsOmit, ['sentinel']);
      for (const bad of [true, 7, { agentVep: true }, null]) assert.deepEqual(sanitize({ csdsOmit: bad }).csdsOmit, [], String(bad));
      assert.equal(sanitize({ csdsOmit: Array.from({ length: 50 }, (_, i) => `svc${i}`) }).csdsOmit.length, MAX_LIST);
    });
    it('notFoundPaths: prefixes beginning with one "/", never /__control, no query or whitespace', () => {
      assert.deepEqual(sanitize({ notFoundPaths: ['/manager_workspace/', '/manager_workspace/'] }).notFoundPaths, ['/manager_workspace/']);
      assert.deepEqual(sanitize({ notFoundPaths: '/a/,/b/' }).notFoundPaths, ['/a/', '/b/']);
      assert.deepEqual(sanitize({ notFoundPaths: ['manager_workspace', '//evil/x', '/__control/faults', '/a?b', '/a b', 5, '/ok'] }).notFoundPaths, ['/ok']);
      assert.deepEqual(sanitize({ notFoundPaths: { '/a': true } }).notFoundPaths, []);
    });
  });

  describe('served', () => {
    let emu: RunningEmulator;
    before(async () => { emu = await startEmulator({ agents: 30 }); });
    after(() => emu.close());
    afterEach(() => emu.control.resetFaults());
    const services = async () => ((await request(emu.url, 'GET', CSDS)).json.baseURIs as { service: string }[]).map(e => e.service);

    it('csdsOmit: the all-services lookup and the login answer leave the services out; the one-service lookup answers 404 {}', async () => {
      const before = await services();
      assert.ok(before.includes('agentManagerWorkspace') && before.includes('msgHist'));
      emu.control.setFaults({ csdsOmit: ['agentManagerWorkspace'] });
      assert.deepEqual(await services(), before.filter(s => s !== 'agentManagerWorkspace'));
      const missing = await request(emu.url, 'GET', one('agentManagerWorkspace'));
      assert.deepEqual([missing.status, missing.json], [404, {}]);
      assert.equal((await request(emu.url, 'GET', one('msgHist'))).status, 200, 'the others stay');
      const login = await request(emu.url, 'POST', LOGIN, { body: { username: 'admin', password: 'demo-password' } });
      const inLogin = (login.json.csdsCollectionResponse.baseURIs as { service: string }[]).map(e => e.service);
      assert.deepEqual(inLogin, before.filter(s => s !== 'agentManagerWorkspace'));
      assert.equal((await request(emu.url, 'POST', MW_SUMMARY, { body: {}, headers: BEARER })).status, 200, 'only CSDS changes: the path is still served');
      emu.control.resetFaults();
      assert.deepEqual(await services(), before);
    });

    it('csdsOmit and notFoundPaths over POST /__control/faults, and reset', async () => {
      const set = (await request(emu.url, 'POST', '/__control/faults', { body: { csdsOmit: ['msgHist', 'agentManagerWorkspace'], notFoundPaths: '/manager_workspace/' } })).json;
      assert.deepEqual([set.csdsOmit, set.notFoundPaths], [['msgHist', 'agentManagerWorkspace'], ['/manager_workspace/']]);
      assert.deepEqual((await request(emu.url, 'GET', '/__control/faults')).json.csdsOmit, ['msgHist', 'agentManagerWorkspace']);
      assert.ok(!(await services()).some(s => s === 'msgHist' || s === 'agentManagerWorkspace'));
      const reset = (await request(emu.url, 'POST', '/__control/reset-faults')).json;
      assert.deepEqual([reset.csdsOmit, reset.notFoundPaths], [[], []]);
      const copy = emu.control.faults();
      copy.csdsOmit.push('agentVep');
      assert.deepEqual(emu.control.faults().csdsOmit, [], 'faults() hands out a copy');
    });

    it('notFoundPaths: those paths answer 404 in the backend shape (no auth needed), recorded as unknown; the rest and CSDS are untouched', async () => {
      emu.control.setFaults({ notFoundPaths: ['/manager_workspace/'] });
      emu.control.resetStats();
      const gone = await request(emu.url, 'POST', MW_SUMMARY, { body: {}, headers: BEARER });
      assert.equal(gone.status, 404);
      assert.deepEqual(Object.keys(gone.json).sort(), ['code', 'message']);
      assert.equal((await request(emu.url, 'POST', MW_SUMMARY, { body: {} })).status, 404, 'before authorization');
      assert.equal((await request(emu.url, 'POST', MH_SUMMARY, { body: {}, headers: BEARER })).status, 200);
      assert.deepEqual(emu.control.requests().map(r => [r.route, r.status]), [['unknown', 404], ['unknown', 404], ['agentView.summary', 200]]);
      emu.control.setFaults({ notFoundPaths: ['/api/account/'] });
      assert.equal((await request(emu.url, 'GET', CSDS)).status, 200, 'never CSDS');
      emu.control.resetFaults();
      assert.equal((await request(emu.url, 'POST', MW_SUMMARY, { body: {}, headers: BEARER })).status, 200);
    });
  });
});
