// Agent Activity against the emulator: v=2 always, range rules before sending, month chunks, `next`
// links to the end, progress, cancellation, parsing (ids → strings, sessionId -1, reason ≤ 0), and
// the users / skills / groups / lookups tables.
import * as assert from 'node:assert/strict';
import { fastRfc3339Utc, parseStatusChange } from '../../../src/api/agentActivity';
import { RangeRuleError } from '../../../src/api/errors';
import type { ActivityProgress } from '../../../src/api/types';
import { buildTimelines } from '../../../src/domain/timeline';
import { ALL_KINDS, BEARER, OAUTH1, rejectsWith, useEmulator } from './support';

const H = 3_600_000;
const D = 24 * H;

describe('api/agentActivity against the emulator', function () {
  const rig = useEmulator({ agents: 100, activityLagMinutes: 0 });

  for (const [kind, creds] of ALL_KINDS.filter(([k]) => k !== 'login')) {
    it(`fetches v=2 status changes with ${kind} credentials, following next links to the end`, async () => {
      const c = rig.client(creds);
      const now = Date.now();
      const progress: ActivityProgress[] = [];
      const changes = await c.agentActivity.statusChanges({ from: now - 2 * D, to: now, limit: 200 }, { onProgress: (p) => progress.push(p) });
      assert.ok(changes.length > 200, `several pages (${changes.length})`);
      const pages = rig.emu.control.stats().statusChanges;
      assert.equal(pages, Math.ceil(changes.length / 200));
      assert.equal(progress.length, pages);
      assert.equal(progress[progress.length - 1].received, changes.length);
      assert.equal(progress[0].totalPages, pages, 'the last link tells the total');
      assert.ok(rig.logger.lines.filter((l) => /status-changes\?.*→ 200/.test(l)).every((l) => /[?&]v=2(&|\s|$)/.test(l)), 'always v=2');
      const keys = new Set(changes.map((x) => `${x.agentId}|${x.time}|${x.sequenceNumber}|${x.statusType}`));
      assert.equal(keys.size, changes.length, 'no duplicates across pages');
      for (const x of changes) {
        assert.equal(typeof x.agentId, 'string');
        assert.ok(x.time >= now - 2 * D - 1000 && x.time <= now);
        if (x.statusType === 3 || x.sequenceNumber === 1) assert.equal(x.sessionId, undefined, 'login and default state have no session');
        if (x.statusReasonId !== undefined) assert.ok(Number(x.statusReasonId) > 0);
      }
      const tls = buildTimelines(changes, { from: now - 2 * D, to: now });
      assert.ok(tls.length > 10 && tls.every((t) => t.intervals.length > 0));
    });
  }

  it('splits a 40-day range into month chunks (one request set per chunk)', async () => {
    const c = rig.client(OAUTH1);
    const now = Date.now();
    const progress: ActivityProgress[] = [];
    const one = rig.client(BEARER);
    const agentId = (await one.agentMetrics.status({}, { limit: 1 })).records[0].agentId;
    const changes = await c.agentActivity.statusChanges({ from: now - 40 * D, to: now, agentId, limit: 5000 }, { onProgress: (p) => progress.push(p) });
    assert.ok(changes.length > 0 && changes.every((x) => x.agentId === agentId));
    assert.equal(progress[progress.length - 1].chunks, 2);
    assert.deepEqual([...new Set(progress.map((p) => p.chunk))], [1, 2]);
    const sorted = changes.map((x) => x.time);
    assert.ok(sorted[0] < now - 31 * D && sorted[sorted.length - 1] > now - 5 * D, 'both chunks delivered');
  });

  it('refuses invalid ranges before sending anything', async () => {
    const c = rig.client(OAUTH1);
    const now = Date.now();
    for (const q of [{ from: now, to: now - H }, { from: now - 400 * D, to: now - 399 * D }, { from: now + D, to: now + 2 * D }]) {
      const e = await rejectsWith(c.agentActivity.statusChanges(q), 'validation');
      assert.ok(e instanceof RangeRuleError);
    }
    await rejectsWith(c.agentActivity.statusChanges({ from: now - H, to: now, agentId: '1', groupId: '2' }), 'validation');
    assert.equal(rig.emu.control.stats().statusChanges ?? 0, 0);
  });

  it('clamps an end in the future to now', async () => {
    const c = rig.client(OAUTH1);
    const now = Date.now();
    await c.agentActivity.statusChanges({ from: now - H, to: now + D });
    assert.equal(rig.emu.control.stats().statusChanges, 1);
  });

  it('is cancellable between pages', async () => {
    const c = rig.client(OAUTH1);
    const ac = new AbortController();
    const now = Date.now();
    await rejectsWith(c.agentActivity.statusChanges({ from: now - 3 * D, to: now, limit: 50 }, { signal: ac.signal, onProgress: (p) => p.pages === 2 && ac.abort() }), 'cancelled');
    assert.equal(rig.emu.control.stats().statusChanges, 2, 'no page after the cancel');
  });

  it('parses v2 rows: ids to strings, sessionId -1 and reason ≤ 0 to undefined, RFC 3339 times', () => {
    const row = { agentId: 3705342710, employeeId: 'E-1042', agentLoginName: 'omer@example.com', agentUserName: 'Omer', agentGroupId: 3101778812, time: '2024-05-27T13:00:02.118Z', sessionId: -1, sequenceNumber: 1, statusType: 1, statusSubType: 2, statusReasonId: 0, statusReasonText: '', prevStatusChangeTime: null };
    assert.deepEqual(parseStatusChange(row), {
      agentId: '3705342710', employeeId: 'E-1042', agentLoginName: 'omer@example.com', agentUserName: 'Omer', agentGroupId: '3101778812',
      time: Date.UTC(2024, 4, 27, 13, 0, 2, 118), sequenceNumber: 1, statusType: 1, statusSubType: 2,
    });
    const away = parseStatusChange({ ...row, sessionId: 95354544, statusSubType: 4, statusReasonId: 3201442712, statusReasonText: 'Lunch break', prevStatusChangeTime: '2024-05-27T13:00:02.118Z' })!;
    assert.equal(away.sessionId, '95354544');
    assert.equal(away.statusReasonId, '3201442712');
    assert.equal(away.statusReasonText, 'Lunch break');
    assert.equal(away.prevStatusChangeTime, Date.UTC(2024, 4, 27, 13, 0, 2, 118));
    assert.equal(parseStatusChange({ ...row, statusReasonId: -1, statusReasonText: 'x' })!.statusReasonId, undefined);
    assert.equal(parseStatusChange({ time: 'nonsense', agentId: 1 }), undefined);
    assert.equal(parseStatusChange({ ...row, time: '2024-05-27T15:00:02.118+02:00' })!.time, Date.UTC(2024, 4, 27, 13, 0, 2, 118), 'offsets go through Date.parse');
  });

  it('parses RFC 3339 UTC times fast, exactly as Date.parse does', () => {
    for (const s of ['2024-05-27T13:00:02.118Z', '2024-05-27T13:00:02Z', '2024-05-27T13:00:02.1Z', '2024-05-27T13:00:02.123456Z', '1999-12-31T23:59:59.999Z', '2024-02-29T00:00:00.000Z']) {
      assert.equal(fastRfc3339Utc(s), Date.parse(s), s);
    }
    for (const s of ['2022-02-24T00:00Z', '2024-05-27T13:00:02+02:00', '2024-13-27T13:00:02Z', 'abcd-05-27T13:00:02Z', '2024-05-27 13:00:02Z']) {
      assert.equal(fastRfc3339Utc(s), undefined, s);
    }
  });
});

describe('api lookups against the emulator', function () {
  const rig = useEmulator({ agents: 50 });

  it('lists users (display name = nickname, else login name), skills and groups', async () => {
    const c = rig.client(OAUTH1);
    const users = await c.users.list();
    assert.ok(users.length >= 50);
    for (const u of users) assert.equal(u.displayName, u.nickname ?? (u.loginName || u.id));
    const skills = await c.skills.list();
    const groups = await c.agentGroups.list();
    assert.ok(skills.length > 0 && groups.some((g) => g.id === '-1'));
    const agent = users.find((u) => u.skillIds.length);
    assert.ok(agent && skills.some((s) => s.id === agent.skillIds[0]));
  });

  it('loads the id → name tables once (reasons incl. deleted), caches them, and reloads when invalidated or stale', async () => {
    let now = Date.now();
    const c = rig.client(OAUTH1, { now: () => now });
    const r = await c.statusReasons.create({ text: `Deleted later ${now % 100000}`, state: 'Away', enabled: true });
    await c.statusReasons.delete(r.id);
    rig.emu.control.resetStats();
    const [t1, t2] = await Promise.all([c.lookups.load(), c.lookups.load()]);
    assert.equal(t1, t2);
    assert.equal(t1.reasons.get(r.id)?.deleted, true, 'deleted reasons are included');
    assert.ok(t1.users.size >= 50 && t1.skills.size > 0 && t1.groups.has('-1'));
    assert.equal(await c.lookups.load(), t1, 'cached');
    assert.equal(rig.emu.control.stats().users, 1);
    now += 10 * 60_000;
    const t3 = await c.lookups.load();
    assert.notEqual(t3, t1, 'older than maxAge (5 min) → reloaded');
    c.lookups.invalidate();
    await c.lookups.load({ maxAgeMs: 60 * 60_000 });
    assert.equal(rig.emu.control.stats().users, 3);
  });
});

describe('api lookups: shared loads and cancellation', function () {
  const rig = useEmulator({ agents: 30 });
  it('one caller cancelling does not fail another caller of the same load', async () => {
    const c = rig.client(OAUTH1);
    rig.emu.control.setFaults({ latencyMs: 100 });
    const ac = new AbortController();
    const first = c.lookups.load({ signal: ac.signal });
    const second = c.lookups.load();
    ac.abort();
    await rejectsWith(first, 'cancelled');
    const tables = await second;
    assert.ok(tables.users.size >= 30);
    assert.equal(await c.lookups.load(), tables, 'and the finished load filled the cache');
  });
});

describe('api/agentActivity with a 13-month look-back (liveperson.timeline.lookBackMonths)', function () {
  const rig = useEmulator({ agents: 20, activityLagMinutes: 0, historyMonths: 13 });

  it('refuses a start 10 months back by default, before sending; asks for it with lookBackMonths 13', async () => {
    const c = rig.client(OAUTH1);
    const now = Date.now();
    const from = now - 300 * D;
    const e = await rejectsWith(c.agentActivity.statusChanges({ from, to: from + D }), 'validation');
    assert.match(e.message, /keeps only 6 months/);
    assert.equal(rig.emu.control.stats().statusChanges ?? 0, 0, 'nothing sent');
    const changes = await c.agentActivity.statusChanges({ from, to: from + D, lookBackMonths: 13 });
    assert.ok(Array.isArray(changes));
    assert.ok((rig.emu.control.stats().statusChanges ?? 0) >= 1, 'sent, and the emulator (13 months) answered');
  });
});
