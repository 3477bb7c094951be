// Contract: Agent Activity status-changes (liveperson-api.md §5) — v2 and v1 shapes, parameter
// rules, paging links, latency, and agreement of the history with the live agent view.
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator } from '../../../src/emulator';
import { ACCT, BEARER, allStatusChanges, fakeClock, request } from './helpers';

const T = Date.UTC(2026, 10, 18, 15, 0, 0);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const PATH = `/api/v2/account/${ACCT}/status-changes`;

interface Change {
  agentId: number; employeeId: string; agentLoginName: string; agentUserName: string; agentGroupId: number; time: string;
  sessionId: number; sequenceNumber: number; statusType: number; statusSubType: number; statusReasonId: number; statusReasonText: string;
  prevStatusChangeTime: string | null;
}

describe('emulator: Agent Activity status-changes', () => {
  let emu: RunningEmulator;
  const clock = fakeClock(T);
  before(async () => { emu = await startEmulator({ agents: 60, now: clock.now, activityLagMinutes: 0 }); });
  after(() => emu.close());
  const get = (query: string) => request(emu.url, 'GET', `${PATH}?${query}`, { headers: BEARER });
  const window = (from: number, to: number) => `from=${iso(from)}&to=${iso(to)}`;

  const all = (query: string): Promise<Change[]> => allStatusChanges<Change>(emu.url, `${PATH}?${query}`, BEARER);

  it('v2: the documented shape, time order, login/default/logout rows as the docs describe', async () => {
    const r = await get(`source=statusTool&v=2&${window(T - 2 * DAY, T)}&limit=5000`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.timeframe, { startTime: iso(T - 2 * DAY).replace('.000', ''), endTime: iso(T).replace('.000', ''), startTimeL: String(T - 2 * DAY), endTimeL: String(T) });
    const changes: Change[] = r.json.stateChanges;
    assert.ok(changes.length > 100);
    const times = changes.map(c => Date.parse(c.time));
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'in time order');
    const keys = ['agentId', 'employeeId', 'agentLoginName', 'agentUserName', 'agentGroupId', 'time', 'sessionId', 'sequenceNumber', 'statusType', 'statusSubType', 'statusReasonId', 'statusReasonText', 'prevStatusChangeTime'];
    for (const c of changes) {
      assert.deepEqual(Object.keys(c), keys);
      assert.equal(typeof c.agentId, 'number');
      assert.match(c.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      if (c.statusType === 3) assert.deepEqual([c.sequenceNumber, c.sessionId, c.statusSubType, c.prevStatusChangeTime], [-1, -1, 0, null]);
      if (c.sequenceNumber === 1) assert.deepEqual([c.statusType, c.sessionId, c.prevStatusChangeTime], [1, -1, null]);
      if (c.sequenceNumber >= 2) assert.ok(c.sessionId > 0);
      if (c.statusType === 4) assert.equal(c.prevStatusChangeTime, null);
      if (c.statusType === 1 && c.sequenceNumber >= 2) assert.ok(c.prevStatusChangeTime !== null && Date.parse(c.prevStatusChangeTime) <= Date.parse(c.time));
      if (c.statusReasonId === 0) assert.equal(c.statusReasonText, '');
      else assert.ok(c.statusReasonText.length > 0 && c.statusType === 1 && (c.statusSubType === 4 || c.statusSubType === 3), 'reasons on Away and Back soon changes only');
      assert.equal(c.employeeId.startsWith('E-'), true);
    }
    const types = new Set(changes.map(c => `${c.statusType}/${c.statusSubType}`));
    for (const t of ['3/0', '1/2', '1/4', '1/3', '4/0']) assert.ok(types.has(t), t);
  });
  it('per session: login and default at the same time, then seq 2, 3, … with the real session id', async () => {
    const changes = await all(`source=t&v=2&${window(T - 3 * DAY, T)}&limit=500`);
    const byAgent = new Map<number, Change[]>();
    for (const c of changes) byAgent.set(c.agentId, [...(byAgent.get(c.agentId) ?? []), c]);
    let sessions = 0;
    for (const list of byAgent.values()) {
      list.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.sequenceNumber - b.sequenceNumber);
      for (let i = 0; i < list.length; i++) {
        if (list[i].statusType !== 3) continue;
        const def = list[i + 1];
        if (!def) continue;
        assert.equal(def.sequenceNumber, 1);
        assert.equal(def.time, list[i].time);
        let seq = 2, session = 0;
        for (let j = i + 2; j < list.length && list[j].statusType !== 3; j++) {
          assert.equal(list[j].sequenceNumber, seq++);
          session ||= list[j].sessionId;
          assert.equal(list[j].sessionId, session);
          if (list[j].statusType === 4) break;
        }
        sessions++;
      }
    }
    assert.ok(sessions > 20, `sessions ${sessions}`);
  });
  it('follows next links to the end: every change once, last/previous links consistent', async () => {
    const q = `source=t&v=2&${window(T - 2 * DAY, T)}`;
    const whole = (await get(`${q}&limit=5000`)).json.stateChanges as Change[];
    const paged = await all(`${q}&limit=97`);
    assert.equal(paged.length, whole.length);
    assert.deepEqual(paged.map(c => `${c.agentId}@${c.time}#${c.sequenceNumber}`), whole.map(c => `${c.agentId}@${c.time}#${c.sequenceNumber}`));
    const mid = await get(`${q}&limit=97&offset=194`);
    const rels = mid.json._metadata.references.map((x: { rel: string }) => x.rel);
    assert.deepEqual(rels, ['self', 'first', 'next', 'previous', 'last']);
    const last = mid.json._metadata.references.find((x: { rel: string }) => x.rel === 'last').href;
    assert.match(last, new RegExp(`offset=${Math.floor((whole.length - 1) / 97) * 97}`));
    assert.match(last, /source=t/);
    const single = await get(`${q}&limit=5000`);
    assert.deepEqual(single.json._metadata.references.map((x: { rel: string }) => x.rel), ['self', 'first']);
  });
  it('filters by agentId, empId or groupId', async () => {
    const id = emu.control.agentIds()[2];
    const byId = await all(`source=t&v=2&${window(T - 7 * DAY, T)}&agentId=${id}`);
    assert.ok(byId.length > 0 && byId.every(c => String(c.agentId) === id));
    const byEmp = await all(`source=t&v=2&${window(T - 7 * DAY, T)}&empId=${byId[0].employeeId}`);
    assert.deepEqual(byEmp, byId);
    const group = byId[0].agentGroupId;
    const byGroup = await all(`source=t&v=2&${window(T - 2 * DAY, T)}&groupId=${group}`);
    assert.ok(byGroup.length > 0 && byGroup.every(c => c.agentGroupId === group));
    assert.equal((await all(`source=t&v=2&${window(T - 2 * DAY, T)}&agentId=1`)).length, 0);
  });
  it('without limit, v2 pages by 50 (the overview page’s default, not the v2 page’s 1000): next links walk the rest', async () => {
    const q = `source=t&v=2&${window(T - 2 * DAY, T)}`;
    const whole = (await get(`${q}&limit=5000`)).json.stateChanges as Change[];
    assert.ok(whole.length > 100, `${whole.length} changes: several default pages`);
    const first = await get(q);
    assert.equal(first.json.stateChanges.length, 50);
    const refs = first.json._metadata.references as { rel: string; href: string }[];
    const next = new URL(refs.find(r => r.rel === 'next')!.href);
    assert.deepEqual([next.searchParams.get('limit'), next.searchParams.get('offset')], ['50', '50']);
    const last = new URL(refs.find(r => r.rel === 'last')!.href);
    assert.equal(Number(last.searchParams.get('offset')), Math.floor((whole.length - 1) / 50) * 50);
    const walked = await all(q);
    assert.deepEqual(walked.map(c => `${c.agentId}/${c.time}/${c.sequenceNumber}`), whole.map(c => `${c.agentId}/${c.time}/${c.sequenceNumber}`));
    const v1 = await get(`source=t&v=1&${window(T - 2 * DAY, T)}`);
    assert.ok(v1.json.agentsInfo.length <= 50, 'v1: 50 agents a page, as before');
  });
  it('validates: source, from/to together, ≤ 1 month, look-back, exclusive filters, limit, offset, v → 400 causes', async () => {
    const cases: [string, RegExp][] = [
      [`v=2&${window(T - DAY, T)}`, /source/],
      [`source=t&v=2&from=${iso(T - DAY)}`, /to/],
      [`source=t&v=2&to=${iso(T)}`, /from/],
      [`source=t&v=2&${window(T - 32 * DAY, T)}`, /1 month/],
      [`source=t&v=2&${window(T - 200 * DAY, T - 190 * DAY)}`, /6 months/],
      [`source=t&v=2&${window(T, T - DAY)}`, /after/],
      [`source=t&v=2&from=yesterday&to=${iso(T)}`, /RFC 3339/],
      [`source=t&v=2&agentId=1&empId=E-1`, /mutually exclusive/],
      [`source=t&v=2&agentId=1&groupId=2`, /mutually exclusive/],
      [`source=t&v=2&agentId=abc`, /agentId/],
      [`source=t&v=2&limit=5001`, /less than or equal to 5000/],
      [`source=t&v=1&limit=101`, /less than or equal to 100/],
      [`source=t&v=2&limit=0`, /greater than or equal to 1/],
      [`source=t&v=2&offset=-1`, /offset: must be greater than or equal to 0/],
      [`source=t&v=3`, /v: must be 1 or 2/],
    ];
    for (const [q, cause] of cases) {
      const r = await get(q);
      assert.equal(r.status, 400, q);
      assert.ok(Array.isArray(r.json.causes) && r.json.causes.some((c: string) => cause.test(c)), `${q}: ${r.text}`);
      assert.equal(typeof r.json.message, 'string');
    }
    assert.equal((await get(`source=t&v=2&from=2026-11-17T00:00Z&to=2026-11-18T00:00Z`)).status, 200, 'short RFC 3339 form');
    assert.equal((await get(`source=t&v=2&${window(T - 31 * DAY, T)}`)).status, 200);
  });
  it('defaults: the last 24 hours, v1, 50 agents', async () => {
    const r = await get('source=t');
    assert.equal(r.status, 200);
    assert.equal(r.json.timeframe.startTimeL, String(T - DAY));
    assert.ok(Array.isArray(r.json.agentsInfo));
  });
  it('v1: grouped by agent, agents paged by limit/offset, _metadata.references', async () => {
    const r = await get(`source=t&v=1&${window(T - 2 * DAY, T)}&limit=10`);
    assert.equal(r.status, 200);
    assert.equal(r.json.agentsInfo.length, 10);
    for (const a of r.json.agentsInfo) {
      assert.deepEqual(Object.keys(a), ['agentId', 'employeeId', 'agentLoginName', 'agentUserName', 'agentGroupId', 'statusChangeHistory']);
      assert.ok(a.statusChangeHistory.length > 0);
      assert.ok(!('agentId' in a.statusChangeHistory[0]));
    }
    assert.ok(r.json._metadata.references.some((x: { rel: string }) => x.rel === 'next'));
    const p2 = await get(`source=t&v=1&${window(T - 2 * DAY, T)}&limit=10&offset=10`);
    assert.notEqual(p2.json.agentsInfo[0].agentId, r.json.agentsInfo[0].agentId);
  });
  it('v1 silently truncates a page at 20 × limit × days changes (v2 does not)', async () => {
    const id = emu.control.agentIds()[11];
    for (let i = 0; i < 30; i++) {
      clock.set(T + 1000 + i * 1000);
      emu.control.setAgentStatus(id, i % 2 ? 'ONLINE' : 'AWAY');
    }
    clock.set(T + 60_000);
    const range = window(T - 3_600_000, T + 60_000);
    const v1 = await get(`source=t&v=1&${range}&agentId=${id}&limit=1`);
    assert.equal(v1.json.agentsInfo[0].statusChangeHistory.length, 20);
    const v2 = await get(`source=t&v=2&${range}&agentId=${id}`);
    assert.ok(v2.json.stateChanges.length >= 30);
    clock.set(T);
  });
  it('hides changes newer than the data latency (activityLagMinutes)', async () => {
    const lagged = await startEmulator({ agents: 60, now: clock.now, activityLagMinutes: 60 });
    try {
      const r = await request(lagged.url, 'GET', `${PATH}?source=t&v=2&${window(T - DAY, T)}&limit=5000`, { headers: BEARER });
      const latest = Math.max(...r.json.stateChanges.map((c: Change) => Date.parse(c.time)));
      assert.ok(latest <= T - 3_600_000);
      const full = (await get(`source=t&v=2&${window(T - DAY, T)}&limit=5000`)).json.stateChanges.length;
      assert.ok(full > r.json.stateChanges.length);
    } finally {
      await lagged.close();
    }
  });
  it('history agrees with the live view at any instant', async () => {
    for (const at of [T, T + 5 * 3_600_000, T + 11 * 3_600_000 + 1234, T + 20 * 3_600_000]) {
      clock.set(at);
      const live = new Map<string, { currentStatus: string; currentStatusReason?: string; currentStatusStartTimeL: number }>();
      // every logged-in agent: the present ones (the default filter) and the not present ones
      for (const agentPresence of [true, false]) {
        const view = await request(emu.url, 'POST', `/messaging_history/api/account/${ACCT}/agent-view/status?limit=1000`, { body: { agentPresence }, headers: BEARER });
        for (const r of view.json.agentStatusRecords) live.set(r.agentId, r);
      }
      const changes = await all(`source=t&v=2&${window(at - 2 * DAY, at + 1)}&limit=5000`);
      const lastOf = new Map<string, Change>();
      for (const c of changes) {
        // time order, equal times shuffled: the last by (time, sequenceNumber) wins
        const prev = lastOf.get(String(c.agentId));
        if (!prev || Date.parse(c.time) > Date.parse(prev.time) || (c.time === prev.time && c.sequenceNumber > prev.sequenceNumber)) lastOf.set(String(c.agentId), c);
      }
      let compared = 0;
      for (const id of emu.control.agentIds()) {
        const c = lastOf.get(id);
        const loggedIn = !!c && c.statusType !== 4;
        assert.equal(live.has(id), loggedIn, `${id} at ${iso(at)}`);
        if (!loggedIn || !c) continue;
        const rec = live.get(id)!;
        const status = { 2: 'ONLINE', 3: 'BACK_SOON', 4: 'AWAY' }[c.statusSubType as 2 | 3 | 4];
        assert.equal(rec.currentStatus, status, id);
        assert.equal(rec.currentStatusStartTimeL, Date.parse(c.time));
        // reason fields only when AWAY (§11.3): a Back soon change's Occupied reason is history only
        assert.equal(rec.currentStatusReason, c.statusReasonId > 0 && c.statusSubType === 4 ? String(c.statusReasonId) : undefined);
        compared++;
      }
      assert.ok(compared > 5, `compared ${compared}`);
    }
    clock.set(T);
  });
  it('setAgentStatus changes are appended to the history', async () => {
    const id = emu.control.agentIds()[9];
    clock.set(T + 1000);
    emu.control.setAgentStatus(id, 'AWAY', '3201443212');
    clock.set(T + 2000);
    const changes = await all(`source=t&v=2&${window(T - DAY, T + 3000)}&agentId=${id}`);
    const last = changes[changes.length - 1];
    assert.equal(last.statusSubType, 4);
    assert.equal(last.statusReasonId, 3201443212);
    assert.equal(last.statusReasonText, 'Break 🍕 **now**');
    assert.equal(Date.parse(last.time), T + 1000);
    clock.set(T);
  });
  it('is deterministic: same seed and clock, same history; another seed differs', async () => {
    const a = await startEmulator({ agents: 60, now: () => T, activityLagMinutes: 0 });
    const b = await startEmulator({ agents: 60, now: () => T, activityLagMinutes: 0, seed: 7 });
    try {
      const q = `${PATH}?source=t&v=2&${window(T - DAY, T)}&limit=5000`;
      const x = (await request(a.url, 'GET', q, { headers: BEARER })).json.stateChanges;
      const y = (await request(emu.url, 'GET', q, { headers: BEARER })).json.stateChanges;
      const z = (await request(b.url, 'GET', q, { headers: BEARER })).json.stateChanges;
      assert.deepEqual(x.filter((c: Change) => String(c.agentId) !== emu.control.agentIds()[9]), y.filter((c: Change) => String(c.agentId) !== emu.control.agentIds()[9]));
      assert.notDeepEqual(x, z);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('emulator: Agent Activity at scale (10,000 agents)', function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ agents: 10_000, now: () => T }); });
  after(() => emu.close());

  it('answers a month query page and its next page; the total is millions of changes', async () => {
    const q = `source=bench&v=2&from=${iso(T - 31 * DAY)}&to=${iso(T)}&limit=5000`;
    const r = await request(emu.url, 'GET', `${PATH}?${q}`, { headers: BEARER });
    assert.equal(r.status, 200);
    assert.equal(r.json.stateChanges.length, 5000);
    const last = r.json._metadata.references.find((x: { rel: string }) => x.rel === 'last').href;
    const lastOffset = Number(/offset=(\d+)/.exec(last)![1]);
    // ~4,250 agents on duty at every instant (roster.ts), about a dozen changes a shift
    assert.ok(lastOffset > 1_500_000 && lastOffset < 4_000_000, `last offset ${lastOffset}`);
    const next = r.json._metadata.references.find((x: { rel: string }) => x.rel === 'next').href;
    const r2 = await request(emu.url, 'GET', next, { headers: BEARER });
    assert.equal(r2.json.stateChanges.length, 5000);
    assert.ok(Date.parse(r2.json.stateChanges[0].time) >= Date.parse(r.json.stateChanges[4999].time));
    const tail = await request(emu.url, 'GET', last, { headers: BEARER });
    assert.ok(tail.json.stateChanges.length > 0 && tail.json.stateChanges.length <= 5000);
    assert.ok(Date.parse(tail.json.stateChanges.at(-1).time) < T - 3_600_000 + 1, 'lag hides the last hour');
  });
});
