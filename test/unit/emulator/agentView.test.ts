// Contract: Agent Metrics agent-view status / summary / list (liveperson-api.md §4), raw HTTP with
// bodies shaped as the seed page "Agent Status" documents them.
import * as assert from 'node:assert/strict';
import { startEmulator, DEMO, RunningEmulator } from '../../../src/emulator';
import { ACCT, BEARER, fakeClock, request, signed } from './helpers';

const T = Date.UTC(2026, 10, 18, 15, 0, 0); // a Wednesday afternoon (UTC)
const STATUS = `/messaging_history/api/account/${ACCT}/agent-view/status`;

describe('emulator: agent-view', () => {
  let emu: RunningEmulator;
  const clock = fakeClock(T);
  before(async () => { emu = await startEmulator({ agents: 300, now: clock.now, maxLimit: 1000 }); });
  after(() => emu.close());
  const post = (path: string, body: unknown, query = '') => request(emu.url, 'POST', `${path}${query}`, { body, headers: BEARER });

  it('answers the documented shape: _metadata.count/self/shardsStatusResult, accountID, records', async () => {
    const r = await post(STATUS, {}, '?offset=0&limit=50');
    assert.equal(r.status, 200);
    assert.equal(r.json.accountID, ACCT);
    assert.equal(r.json._metadata.shardsStatusResult.partialResult, false);
    assert.equal(r.json._metadata.self.rel, 'self');
    assert.match(r.json._metadata.self.href, /agent-view\/status\?limit=50&offset=0$/);
    assert.ok(r.json._metadata.count > 50, `count ${r.json._metadata.count}`);
    assert.equal(r.json.agentStatusRecords.length, 50);
    for (const rec of r.json.agentStatusRecords) {
      assert.equal(typeof rec.agentId, 'string');
      assert.ok(['ONLINE', 'AWAY', 'BACK_SOON'].includes(rec.currentStatus), rec.currentStatus);
      assert.equal(rec.currentStatusDuration, T - rec.currentStatusStartTimeL);
      assert.match(rec.currentStatusStartTime, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
      assert.equal(rec.agentPresence, 'true');
      assert.ok(['CONNECTED', 'DISCONNECTED'].includes(rec.currentConnectionState));
      assert.equal(typeof rec.agentGroupId, 'number');
      for (const s of rec.agentSkills) assert.equal(typeof s.skillId, 'string');
      assert.ok(rec.openAssignedConversations <= rec.configuredMaxSlots);
      assert.ok(rec.load >= 0 && rec.load <= 1);
      const withReason = rec.currentStatusReason !== undefined;
      if (withReason) {
        assert.equal(rec.currentStatus, 'AWAY');
        assert.equal(rec.currentStatusReasonDuration, T - rec.currentStatusReasonStartTimeL);
      } else {
        assert.ok(!('currentStatusReasonStartTimeL' in rec) && !('currentStatusReasonDuration' in rec));
      }
    }
  });
  it('pages with offset/limit: next link while more, every agent once, count stable', async () => {
    const first = await post(STATUS, {}, '?limit=40');
    const seen = new Set<string>();
    let href: string | undefined = `${STATUS}?limit=40&offset=0`;
    let pages = 0;
    while (href) {
      const r = await post(new URL(href, emu.url).pathname, {}, new URL(href, emu.url).search);
      assert.equal(r.json._metadata.count, first.json._metadata.count);
      for (const rec of r.json.agentStatusRecords) seen.add(rec.agentId);
      href = r.json._metadata.next?.href;
      pages++;
    }
    assert.equal(seen.size, first.json._metadata.count);
    assert.equal(pages, Math.ceil(first.json._metadata.count / 40));
  });
  it('filters: status, agentIds (strings or numbers), skillIds, agentGroupIds, connectionStates, agentPresence, timestamp', async () => {
    const all = (await post(STATUS, {}, '?limit=1000')).json.agentStatusRecords as Record<string, unknown>[];
    const away = await post(STATUS, { status: ['AWAY'] }, '?limit=1000');
    assert.deepEqual(away.json.agentStatusRecords.map((r: { agentId: string }) => r.agentId), all.filter(r => r.currentStatus === 'AWAY').map(r => r.agentId));
    const two = all.slice(0, 2).map(r => r.agentId as string);
    assert.deepEqual((await post(STATUS, { agentIds: two })).json.agentStatusRecords.map((r: { agentId: string }) => r.agentId), two);
    assert.deepEqual((await post(STATUS, { agentIds: two.map(Number) })).json._metadata.count, 2);
    const skill = (all[0].agentSkills as { skillId: string }[])[0].skillId;
    const bySkill = (await post(STATUS, { skillIds: [skill] }, '?limit=1000')).json.agentStatusRecords;
    assert.ok(bySkill.length > 0 && bySkill.every((r: { agentSkills: { skillId: string }[] }) => r.agentSkills.some(s => s.skillId === skill)));
    const group = String(all[0].agentGroupId);
    const byGroup = (await post(STATUS, { agentGroupIds: [group] }, '?limit=1000')).json.agentStatusRecords;
    assert.ok(byGroup.length > 0 && byGroup.every((r: { agentGroupId: number }) => String(r.agentGroupId) === group));
    const disc = (await post(STATUS, { connectionStates: ['DISCONNECTED'] }, '?limit=1000')).json._metadata.count;
    const conn = (await post(STATUS, { connectionStates: ['CONNECTED'] }, '?limit=1000')).json._metadata.count;
    assert.equal(disc + conn, all.length);
    assert.ok(conn > disc);
    // agentPresence defaults to true: {} and {agentPresence: true} are the same agents; false gives the others
    const present = (await post(STATUS, { agentPresence: true }, '?limit=1000')).json.agentStatusRecords as Record<string, unknown>[];
    assert.deepEqual(present.map(r => r.agentId), all.map(r => r.agentId));
    assert.ok(all.every(r => r.agentPresence === 'true'));
    const absent = (await post(STATUS, { agentPresence: false }, '?limit=1000')).json.agentStatusRecords as Record<string, unknown>[];
    assert.ok(absent.length > 0 && absent.every(r => r.agentPresence === 'false'), 'not-present agents come back, saying so');
    assert.ok(absent.every(r => !all.some(p => p.agentId === r.agentId)));
    assert.equal((await post(STATUS, { timestamp: { from: T + 60_000 } })).json._metadata.count, 0);
    const combined = await post(STATUS, { status: ['ONLINE', 'BACK_SOON'], skillIds: [skill] }, '?limit=1000');
    assert.ok(combined.json.agentStatusRecords.length > 0 && combined.json.agentStatusRecords.every((r: { currentStatus: string; agentSkills: { skillId: string }[] }) => r.currentStatus !== 'AWAY' && r.agentSkills.some(s => s.skillId === String(skill))));
  });
  it('sorts by start asc/desc', async () => {
    const asc = (await post(STATUS, {}, '?limit=1000&sort=start:asc')).json.agentStatusRecords.map((r: { currentStatusStartTimeL: number }) => r.currentStatusStartTimeL);
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b));
    const desc = (await post(STATUS, {}, '?limit=1000&sort=start:desc')).json.agentStatusRecords.map((r: { currentStatusStartTimeL: number }) => r.currentStatusStartTimeL);
    assert.deepEqual(desc, [...asc].reverse().sort((a, b) => b - a));
  });
  it('rejects bad paging, sort, filter types and non-object bodies with 400', async () => {
    for (const q of ['?limit=1001', '?limit=0', '?offset=-1', '?limit=abc', '?sort=name:asc']) assert.equal((await post(STATUS, {}, q)).status, 400, q);
    for (const b of [[], 'x', 42, null]) assert.equal((await post(STATUS, b)).status, 400, JSON.stringify(b));
    assert.equal((await post(STATUS, { status: ['SLEEPING'] })).status, 400);
    assert.equal((await post(STATUS, { agentIds: 'x' })).status, 400);
    assert.equal((await request(emu.url, 'POST', STATUS, { rawBody: '{', headers: BEARER })).status, 400);
  });
  it('the live view moves as simulated time passes', async () => {
    const before = (await post(STATUS, {}, '?limit=1000')).json.agentStatusRecords;
    clock.advance(3 * 3_600_000);
    const after = (await post(STATUS, {}, '?limit=1000')).json.agentStatusRecords;
    clock.set(T);
    const key = (rs: { agentId: string; currentStatus: string }[]) => rs.map(r => `${r.agentId}:${r.currentStatus}`).join(',');
    assert.notEqual(key(before), key(after));
  });
  it('summary on both paths: counts per status match the status call; non-object body → 400', async () => {
    const all = (await post(STATUS, {}, '?limit=1000')).json.agentStatusRecords as { currentStatus: string; openAssignedConversations: number }[];
    for (const path of [`/messaging_history/api/account/${ACCT}/agent-view/summary`, `/manager_workspace/api/account/${ACCT}/agent_view/summary`]) {
      const r = await post(path, {});
      assert.equal(r.status, 200);
      const s = r.json.summaryResults;
      assert.equal(s.numOnlineAgents, all.filter(a => a.currentStatus === 'ONLINE').length);
      assert.equal(s.numAwayAgents, all.filter(a => a.currentStatus === 'AWAY').length);
      assert.equal(s.numBackSoonAgents, all.filter(a => a.currentStatus === 'BACK_SOON').length);
      assert.equal(s.openAssignedConversations, all.reduce((n, a) => n + a.openAssignedConversations, 0));
      assert.ok(s.minLoad <= s.weightedAvgLoad && s.weightedAvgLoad <= s.maxLoad);
      assert.equal((await post(path, [])).status, 400);
      assert.equal((await request(emu.url, 'POST', path, { rawBody: '"x"', headers: BEARER })).status, 400);
    }
  });
  it('summary takes only its own filters (§4.2): agentPresence, connectionStates, timestamp are not summary fields', async () => {
    const path = `/manager_workspace/api/account/${ACCT}/agent_view/summary`;
    const plain = (await post(path, {})).json.summaryResults;
    const r = await post(path, { agentPresence: false, connectionStates: ['DISCONNECTED'], timestamp: { from: T + 3_600_000 } });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.summaryResults, plain);
    const online = (await post(path, { status: ['ONLINE'] })).json.summaryResults;
    assert.deepEqual([online.numOnlineAgents, online.numAwayAgents, online.numBackSoonAgents], [plain.numOnlineAgents, 0, 0]);
    const none = (await post(path, { agentIds: ['999999999'] })).json.summaryResults;
    assert.ok(Object.values(none).every(v => v === 0), JSON.stringify(none));
  });
  it('list on both paths filters by skillIds and has the status record shape', async () => {
    const skill = (await request(emu.url, 'GET', `/api/account/${ACCT}/configuration/le-users/skills?v=1.0`, { headers: BEARER })).json[0].id;
    for (const path of [`/messaging_history/api/account/${ACCT}/agent-view/list`, `/manager_workspace/api/account/${ACCT}/agent_view/list`]) {
      const r = await post(path, { skillIds: [String(skill)] }, '?limit=100');
      assert.equal(r.status, 200);
      assert.ok(r.json.agentStatusRecords.length > 0);
      for (const rec of r.json.agentStatusRecords) assert.ok(rec.agentSkills.some((s: { skillId: string }) => s.skillId === String(skill)));
      assert.equal((await post(path, 'x')).status, 400);
    }
  });
  it('setAgentStatus overrides the live state (reason fields when AWAY with a reason)', async () => {
    const id = emu.control.agentIds()[5];
    emu.control.setAgentStatus(id, 'AWAY', '3201442712');
    clock.advance(5000);
    let r = (await post(STATUS, { agentIds: [id] })).json.agentStatusRecords[0];
    assert.equal(r.currentStatus, 'AWAY');
    assert.equal(r.currentStatusReason, '3201442712');
    assert.equal(r.currentStatusDuration, 5000);
    emu.control.setAgentStatus(id, 'OFFLINE');
    assert.equal((await post(STATUS, { agentIds: [id] })).json._metadata.count, 0);
    emu.control.setAgentStatus(id, 'BACK_SOON');
    r = (await post(STATUS, { agentIds: [id] })).json.agentStatusRecords[0];
    assert.equal(r.currentStatus, 'BACK_SOON');
    assert.equal(r.currentStatusReason, undefined);
    clock.set(T);
  });
});

describe('emulator: agent-view with agentMetricsNeedsKey (--agent-metrics-needs-key)', () => {
  const login = async (emu: RunningEmulator): Promise<Record<string, string>> => {
    const r = await request(emu.url, 'POST', `/api/account/${ACCT}/login?v=1.3`, { body: { username: DEMO.username, password: DEMO.password } });
    assert.equal(r.status, 200);
    return { authorization: `Bearer ${r.json.bearer}` };
  };
  const key = { appKey: DEMO.appKey, appSecret: DEMO.appSecret, accessToken: DEMO.accessToken, accessTokenSecret: DEMO.accessTokenSecret };

  it('answers a login bearer 403 in the Agent Metrics error shape, naming the API key; an API key and the plain bearer still pass', async () => {
    const emu = await startEmulator({ agents: 20, agentMetricsNeedsKey: true });
    try {
      const headers = await login(emu);
      for (const path of [STATUS, `/messaging_history/api/account/${ACCT}/agent-view/summary`, `/manager_workspace/api/account/${ACCT}/agent_view/list`]) {
        const r = await request(emu.url, 'POST', path, { body: {}, headers });
        assert.equal(r.status, 403, path);
        assert.equal(r.json.code, 403);
        assert.match(r.json.message, /requires an API key/);
      }
      assert.equal((await request(emu.url, 'GET', `/api/account/${ACCT}/configuration/le-agents/status-reasons?v=1.0`, { headers })).status, 200, 'the login still works elsewhere');
      assert.equal((await signed(emu.url, key, 'POST', STATUS, { body: {} })).status, 200);
      assert.equal((await request(emu.url, 'POST', STATUS, { body: {}, headers: BEARER })).status, 200);
    } finally {
      await emu.close();
    }
  });

  it('by default a login bearer is accepted (as LivePerson does in practice)', async () => {
    const emu = await startEmulator({ agents: 20 });
    try {
      assert.equal((await request(emu.url, 'POST', STATUS, { body: {}, headers: await login(emu) })).status, 200);
    } finally {
      await emu.close();
    }
  });
});
