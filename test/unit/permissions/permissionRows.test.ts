// Check Permissions' rows, worded from real probe outcomes against the emulator: the exact
// permission path (as the other 403 texts name it) and how to get it; a login session's Agent
// Activity advice; Agent Metrics needing an API key; the sentinel row only for OAuth 2.0; the log
// lines redacted.
import * as assert from 'node:assert/strict';
import { APIS } from '../../../src/api/httpErrors';
import type { Credentials } from '../../../src/api/types';
import { logLines, permissionRows } from '../../../src/permissions/permissionRows';
import { DEMO, LIMITED, LOGIN, OAUTH1, assertNoSecrets, useEmulator } from '../api/support';

const OAUTH2: Credentials = { kind: 'oauth2', clientId: DEMO.clientId, clientSecret: DEMO.clientSecret };

describe('permissions/permissionRows: the rows of Check Permissions', function () {
  this.timeout(20_000);
  const rig = useEmulator({ agentMetricsNeedsKey: true });

  it('an API key with every permission: five rows, all pass, no sentinel row', async () => {
    const rows = permissionRows(await rig.client(OAUTH1).checkPermissions(), 'oauth1');
    assert.deepEqual(rows.map(r => r.label), ['Domain API (CSDS)', 'Status reasons: read', 'Status reasons: write', 'Agent Metrics', 'Agent Activity']);
    assert.deepEqual(rows.map(r => r.icon), ['pass', 'pass', 'pass', 'pass', 'pass']);
  });

  it('a key without write and Agent Activity: the exact permission and how to get it', async () => {
    const rows = permissionRows(await rig.client(LIMITED).checkPermissions(), 'oauth1');
    const write = rows.find(r => r.id === 'statusReasonsWrite')!;
    assert.equal(write.icon, 'error');
    assert.equal(write.summary, `missing permission: ${APIS.statusReasonsWrite.permission}`);
    assert.match(write.detail, /^Ask an account administrator to grant “Account Configuration: edit agent status reasons \(write\)” to this user or API key/);
    const activity = rows.find(r => r.id === 'agentActivity')!;
    assert.equal(activity.summary, `missing permission: ${APIS.agentActivity.permission}`);
  });

  it('a login session: Agent Activity asks for an API key or OAuth 2.0; Agent Metrics (needs a key here) too', async () => {
    const rows = permissionRows(await rig.client(LOGIN).checkPermissions(), 'login');
    const activity = rows.find(r => r.id === 'agentActivity')!;
    assert.equal(activity.icon, 'error');
    assert.equal(activity.summary, 'refused for a username/password login');
    assert.match(activity.detail, /takes an API key \(OAuth 1\.0a\) with the “Data → Workforce Management → Agent Status Changes.*” permission, or OAuth 2\.0 client credentials/);
    const metrics = rows.find(r => r.id === 'agentMetrics')!;
    assert.equal(metrics.summary, 'needs an API key');
    assert.match(metrics.detail, /does not accept a username and password for Agent Metrics/);
    assert.equal(rows.find(r => r.id === 'statusReasonsRead')!.icon, 'pass');
    assertNoSecrets(logLines(DEMO.accountId, rows));
  });

  it('OAuth 2.0: a sentinel row; Agent Metrics needs an API key', async () => {
    const rows = permissionRows(await rig.client(OAUTH2).checkPermissions(), 'oauth2');
    assert.equal(rows.length, 6);
    const sentinel = rows.find(r => r.id === 'sentinel')!;
    assert.deepEqual([sentinel.label, sentinel.icon], ['OAuth 2.0 token service (Sentinel)', 'pass']);
    assert.match(rows.find(r => r.id === 'agentMetrics')!.detail, /does not accept OAuth 2\.0 client credentials/);
    const lines = logLines(DEMO.accountId, rows);
    assert.equal(lines[0], `Check Permissions for account ${DEMO.accountId}:`);
    assertNoSecrets(lines, [DEMO.clientSecret]);
  });

  it('a server that cannot be reached: warning rows saying so, not a verdict', async () => {
    rig.emu.control.setFaults({ burst5xx: 100 });
    const rows = permissionRows(await rig.client(OAUTH1).checkPermissions(), 'oauth1');
    const read = rows.find(r => r.id === 'statusReasonsRead')!;
    assert.deepEqual([read.icon, read.summary], ['warning', 'could not check (not reachable)']);
    assert.deepEqual([rows.find(r => r.id === 'statusReasonsWrite')!.icon, rows.find(r => r.id === 'statusReasonsWrite')!.summary], ['warning', 'not checked']);
  });
});
