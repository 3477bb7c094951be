// Agent Metrics against the emulator: one page, every filter, all agents (first page then the rest in
// parallel, or all at once with a known count), partialResult surfaced, dedupe, summary.
import * as assert from 'node:assert/strict';
import { filterBody, mapLimit, parseAgentRecord } from '../../../src/api/agentMetrics';
import { ALL_KINDS, OAUTH1, rejectsWith, useEmulator } from './support';

/** The `limit` of every agent-view/status call, read from the client's own (debug) log lines. */
function sentLimits(lines: readonly string[]): number[] {
  return lines.flatMap((l) => {
    const m = /POST (\S+\/agent-view\/status\S*) →/.exec(l);
    return m ? [Number(new URL(m[1]).searchParams.get('limit'))] : [];
  });
}

describe('api/agentMetrics against the emulator', function () {
  const rig = useEmulator({ agents: 600 });

  for (const [kind, creds] of ALL_KINDS) {
    it(`reads a page of agent status with ${kind} credentials`, async () => {
      const c = rig.client(creds);
      const page = await c.agentMetrics.status({}, { offset: 0, limit: 20 });
      assert.equal(page.records.length, 20);
      assert.ok(page.count > 20);
      assert.equal(page.partialResult, false);
      const r = page.records[0];
      assert.equal(typeof r.agentId, 'string');
      assert.ok(['ONLINE', 'AWAY', 'BACK_SOON', 'OFFLINE'].includes(r.currentStatus));
      assert.equal(typeof r.agentPresence, 'boolean');
      assert.equal(typeof r.currentStatusStartTime, 'number');
    });
  }

  it('applies every filter', async () => {
    const c = rig.client(OAUTH1);
    const all = await c.agentMetrics.allAgents();
    const some = all.records[3];
    const away = await c.agentMetrics.allAgents({ status: ['AWAY'] });
    assert.ok(away.records.length > 0 && away.records.every((r) => r.currentStatus === 'AWAY'));
    assert.ok(away.records.length < all.records.length);
    const byId = await c.agentMetrics.status({ agentIds: [some.agentId] }, { limit: 10 });
    assert.deepEqual(byId.records.map((r) => r.agentId), [some.agentId]);
    const skill = some.agentSkills[0].skillId;
    const bySkill = await c.agentMetrics.allAgents({ skillIds: [skill] });
    assert.ok(bySkill.records.length > 0 && bySkill.records.every((r) => r.agentSkills.some((s) => s.skillId === skill)));
    const byGroup = await c.agentMetrics.allAgents({ agentGroupIds: [some.agentGroupId!] });
    assert.ok(byGroup.records.length > 0 && byGroup.records.every((r) => r.agentGroupId === some.agentGroupId));
    const connected = await c.agentMetrics.allAgents({ connectionStates: ['CONNECTED'], agentPresence: true, timestampFrom: Date.now() - 10 * 60_000 });
    assert.ok(connected.records.length > 0 && connected.records.every((r) => r.currentConnectionState === 'CONNECTED'));
    const combined = await c.agentMetrics.allAgents({ status: ['ONLINE'], agentGroupIds: [some.agentGroupId!] });
    assert.ok(combined.records.every((r) => r.currentStatus === 'ONLINE' && r.agentGroupId === some.agentGroupId), 'filters AND together');
    assert.deepEqual(combined.records.map((r) => r.agentId).sort(), byGroup.records.filter((r) => r.currentStatus === 'ONLINE').map((r) => r.agentId).sort(), 'exactly the group’s online agents');
    assert.deepEqual(filterBody({ status: ['AWAY'], agentIds: ['1'], timestampFrom: 5 }), { status: ['AWAY'], agentIds: ['1'], timestamp: { from: 5 } });
  });

  it('fetches all agents: the first page, then the remaining pages in parallel', async () => {
    const c = rig.client(OAUTH1);
    const count = (await c.agentMetrics.status({}, { limit: 1 })).count;
    rig.emu.control.resetStats();
    const all = await c.agentMetrics.allAgents({}, { pageSize: 50, concurrency: 4 });
    assert.equal(all.count, count);
    assert.equal(all.records.length, count);
    assert.equal(new Set(all.records.map((r) => r.agentId)).size, count, 'no duplicates');
    assert.equal(all.pages, Math.ceil(count / 50));
    assert.equal(rig.emu.control.stats()['agentView.status'], all.pages);
    assert.equal(all.partialResult, false);
    const limits = sentLimits(rig.logger.lines);
    assert.equal(limits.length, all.pages + 1);
    assert.ok(limits.slice(1).every((l) => l === 50));
  });

  it('never asks for more than 1000 per page', async () => {
    const c = rig.client(OAUTH1);
    await c.agentMetrics.allAgents({}, { pageSize: 5000 });
    const limits = sentLimits(rig.logger.lines);
    assert.ok(limits.length > 0 && limits.every((l) => l === 1000));
  });

  it('with a known count fetches every page at once, and catches up when the count grew', async () => {
    const c = rig.client(OAUTH1);
    const count = (await c.agentMetrics.status({}, { limit: 1 })).count;
    const all = await c.agentMetrics.allAgents({}, { pageSize: 40, knownCount: count });
    assert.equal(all.records.length, count);
    const fewer = await c.agentMetrics.allAgents({}, { pageSize: 40, knownCount: 41 });
    assert.equal(fewer.records.length, count, 'a stale (smaller) known count still gets everyone');
  });

  it('surfaces partialResult (OR of pages) and keeps what came back', async () => {
    const c = rig.client(OAUTH1);
    const full = await c.agentMetrics.allAgents({}, { pageSize: 100 });
    rig.emu.control.setFaults({ partialResult: true });
    const partial = await c.agentMetrics.allAgents({}, { pageSize: 100 });
    assert.equal(partial.partialResult, true);
    assert.ok(partial.records.length < full.records.length && partial.records.length > 0);
    const single = await c.agentMetrics.status({}, { limit: 10 });
    assert.equal(single.partialResult, true);
  });

  it('reads the summary', async () => {
    const c = rig.client(OAUTH1);
    const s = await c.agentMetrics.summary();
    const all = await c.agentMetrics.allAgents();
    assert.equal(s.numOnlineAgents, all.records.filter((r) => r.currentStatus === 'ONLINE').length);
    assert.equal(s.numAwayAgents, all.records.filter((r) => r.currentStatus === 'AWAY').length);
    const away = await c.agentMetrics.summary({ status: ['AWAY'] });
    assert.equal(away.numOnlineAgents, 0);
  });

  it('answers an invalid filter with the server’s causes', async () => {
    const c = rig.client(OAUTH1);
    const e = await rejectsWith(c.agentMetrics.status({ status: ['SLEEPING' as 'AWAY'] }), 'validation', 400);
    assert.ok(e.causes.length > 0);
  });

  it('parses record quirks: string presence, numeric group ids, "NA" reasons, string times', () => {
    const r = parseAgentRecord({ agentId: 42, agentGroupId: -1, agentPresence: 'false', currentStatus: 'away', currentStatusReason: 'NA', currentStatusStartTime: '2024-05-28 06:50:00.000+0000', agentSkills: [{ skillId: 7 }] });
    assert.deepEqual(r, { agentId: '42', agentGroupId: '-1', agentPresence: false, currentStatus: 'AWAY', currentStatusStartTime: Date.UTC(2024, 4, 28, 6, 50), agentSkills: [{ skillId: '7' }] });
    assert.equal(parseAgentRecord({}), undefined);
  });

  it('mapLimit keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (x) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return x * 2;
    });
    assert.deepEqual(out, [2, 4, 6, 8, 10, 12, 14]);
    assert.equal(peak, 3);
  });

  it('mapLimit starts no further item once one has failed (a 403 on page 2 must not fetch the other 98 pages)', async () => {
    const started: number[] = [];
    const items = Array.from({ length: 100 }, (_, i) => i);
    await assert.rejects(
      mapLimit(items, 3, async (x) => {
        started.push(x);
        await new Promise((r) => setTimeout(r, 2));
        if (x === 1) throw new Error('page 2 refused');
        return x;
      }),
      /page 2 refused/,
    );
    await new Promise((r) => setTimeout(r, 30)); // the other workers had time to go on, had they not stopped
    assert.ok(started.length <= 4, `started ${started.length} items after the failure: ${started.join(',')}`);
  });
});
