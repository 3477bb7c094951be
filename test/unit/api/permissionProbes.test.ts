// Check Permissions' probes against the real emulator over HTTP: every API allowed for the demo key;
// a login session refused by Agent Activity; a key without write or Agent Activity (LIMITED_KEY);
// the `forbid` knob; OAuth 2.0 (sentinel probed, Agent Metrics refused); the write probe never
// changes data; a slow server turns into per-probe timeouts; nothing secret in the log.
import * as assert from 'node:assert/strict';
import nodeFetch from 'node-fetch';
import type { RequestInit } from 'node-fetch';
import type { FetchLike } from '../../../src/api/http';
import { staleRevision, type ProbeOutcome } from '../../../src/api/permissionProbes';
import type { Credentials } from '../../../src/api/types';
import { DEMO, LIMITED, LOGIN, OAUTH1, assertNoSecrets, useEmulator } from './support';

const OAUTH2: Credentials = { kind: 'oauth2', clientId: DEMO.clientId, clientSecret: DEMO.clientSecret };

function verdicts(outcomes: readonly ProbeOutcome[]): Record<string, string> {
  return Object.fromEntries(outcomes.map(o => [o.id, o.ok === true ? 'ok' : o.ok === undefined ? 'skipped' : `${o.error.kind} ${o.error.status ?? ''}`.trim()]));
}

describe('api/permissionProbes: Check Permissions against the emulator', function () {
  this.timeout(20_000);
  const rig = useEmulator();

  it('an API key with every permission: every API allowed, sentinel not used', async () => {
    const outcomes = await rig.client(OAUTH1).checkPermissions();
    assert.deepEqual(verdicts(outcomes), { csds: 'ok', statusReasonsRead: 'ok', statusReasonsWrite: 'ok', agentMetrics: 'ok', agentActivity: 'ok', sentinel: 'skipped' });
    const write = outcomes.find(o => o.id === 'statusReasonsWrite');
    assert.ok(write?.ok === true && /stale revision was refused with 409/.test(write.note ?? ''), 'proved by a 409, not by a write');
    assertNoSecrets(rig.logger.lines);
  });

  it('the probes are reads, a tiny agent-view page and a 5-minute activity window for one agent; the write probe changes nothing', async () => {
    const urls: string[] = [];
    const fetch: FetchLike = (url: string, init?: RequestInit) => { urls.push(url); return nodeFetch(url, init); };
    const client = rig.client(OAUTH1, { fetch });
    const before = await client.statusReasons.list({ includeDeleted: true });
    rig.emu.control.resetStats();
    await client.checkPermissions();
    const after = await client.statusReasons.list({ includeDeleted: true });
    assert.deepEqual(after.items, before.items);
    assert.equal(after.revision, before.revision, 'no write was applied (the revision did not move)');
    const reqs = rig.emu.control.requests();
    const writes = reqs.filter(r => r.method !== 'GET' && r.route.startsWith('statusReasons'));
    assert.deepEqual(writes.map(w => `${w.route} ${w.status}`), ['statusReasons.update 409']);
    const view = urls.find(u => u.includes('/agent-view/status'));
    assert.ok(view && /limit=1\b/.test(view), `one agent-view record: ${view}`);
    const activity = urls.find(u => u.includes('/status-changes'));
    assert.ok(activity && /limit=1\b/.test(activity) && /agentId=\w/.test(activity), `one agent, limit 1: ${activity}`);
    const q = new URL(activity).searchParams;
    assert.equal(Date.parse(q.get('to')!) - Date.parse(q.get('from')!), 5 * 60_000);
  });

  it('a username/password login: Agent Activity refused, the rest allowed', async () => {
    const v = verdicts(await rig.client(LOGIN).checkPermissions());
    assert.equal(v.agentActivity, 'auth 401', 'the emulator refuses a login bearer for Agent Activity with 401');
    assert.deepEqual({ ...v, agentActivity: undefined }, { csds: 'ok', statusReasonsRead: 'ok', statusReasonsWrite: 'ok', agentMetrics: 'ok', agentActivity: undefined, sentinel: 'skipped' });
  });

  it('a key with only read + Agent Metrics (LIMITED_KEY): write and Agent Activity refused with 403', async () => {
    const v = verdicts(await rig.client(LIMITED).checkPermissions());
    assert.deepEqual(v, { csds: 'ok', statusReasonsRead: 'ok', statusReasonsWrite: 'permission 403', agentMetrics: 'ok', agentActivity: 'permission 403', sentinel: 'skipped' });
  });

  it('the forbid knob: the named route answers 403 to accepted credentials', async () => {
    rig.emu.control.setFaults({ forbid: ['agentView.status', 'statusReasons.list'] });
    const v = verdicts(await rig.client(OAUTH1).checkPermissions());
    assert.deepEqual(v, { csds: 'ok', statusReasonsRead: 'permission 403', statusReasonsWrite: 'skipped', agentMetrics: 'permission 403', agentActivity: 'ok', sentinel: 'skipped' });
    assert.deepEqual(rig.emu.control.faults().forbid, ['agentView.status', 'statusReasons.list']);
  });

  it('OAuth 2.0 client credentials: the sentinel row is probed', async () => {
    const outcomes = await rig.client(OAUTH2).checkPermissions();
    const v = verdicts(outcomes);
    assert.equal(v.sentinel, 'ok');
    assert.equal(v.agentActivity, 'ok');
    assertNoSecrets(rig.logger.lines, [DEMO.clientSecret]);
  });

  it('a wrong OAuth 2.0 secret: the sentinel row says the credentials were refused', async () => {
    const v = verdicts(await rig.client({ ...OAUTH2, clientSecret: 'wrong-secret-123' }).checkPermissions());
    assert.equal(v.sentinel, 'auth 401');
    assert.equal(v.csds, 'ok');
  });

  it('every probe has its own timeout: a slow server gives timeout rows, not a hang', async () => {
    rig.emu.control.setFaults({ latencyMs: 2_000 });
    rig.emu.control.resetStats();
    const outcomes = await rig.client(OAUTH1).checkPermissions({ timeoutMs: 300 });
    // gave up without waiting for the 2 s answers: every slow probe is a timeout (no wall-clock
    // assertion: a slow or time-shifted machine must give the same verdict); all of them were sent
    const stats = rig.emu.control.stats();
    for (const route of ['statusReasons.list', 'agentView.status']) assert.ok((stats[route] ?? 0) >= 1, `${route} was probed`);
    const v = verdicts(outcomes);
    assert.equal(v.csds, 'ok', 'CSDS has no latency');
    for (const id of ['statusReasonsRead', 'agentMetrics', 'agentActivity']) assert.equal(v[id], 'timeout', id);
    assert.equal(v.statusReasonsWrite, 'skipped');
  });

  it('staleRevision is never the current revision', () => {
    assert.equal(staleRevision('42'), '41');
    assert.equal(staleRevision('1'), 'stale-permission-check');
    assert.equal(staleRevision(undefined), 'stale-permission-check');
  });
});
