// The Agent Metrics account summary (liveperson-api.md §4.2, §9) against the emulator over loopback:
// agentManagerWorkspace first; msgHist when CSDS lacks it (csdsOmit) or its path answers 404
// (notFoundPaths); neither → MissingServiceError; 401/403/429/5xx are answers, not fallback reasons;
// the service that answered is remembered, and forgotten on an error. The numbers equal what the
// status records of the same instant add up to (the emulator clock is pinned: rate 1e-6, set per case).
import * as assert from 'node:assert/strict';
import { MissingServiceError } from '../../../src/api/errors';
import { APIS } from '../../../src/api/httpErrors';
import type { AgentMetricsFilter, AgentStatusRecord, AgentSummary } from '../../../src/api/types';
import { LOGIN, OAUTH1, rejectsWith, useEmulator, type Rig } from './support';

const T = Date.UTC(2026, 10, 18, 15, 0, 30); // a Wednesday afternoon (UTC), mid-bucket
/** the emulator clock barely moves: the calls of one case see one instant */
const PINNED = { start: T, rate: 1e-6 };
const MW = '/manager_workspace/api/account/12345678/agent_view/summary';
const MH = '/messaging_history/api/account/12345678/agent-view/summary';

/** [path, status] of every summary request the emulator received since the last resetStats(). */
function summaryHits(rig: Rig): [string, number][] {
  return rig.emu.control.requests().filter((r) => r.path === MW || r.path === MH).map((r) => [r.path, r.status]);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** §4.2's numbers, computed here from status records (not by the emulator's summary code). */
function summaryOf(records: readonly AgentStatusRecord[]): AgentSummary {
  const loads = records.map((r) => r.load!);
  const slots = records.map((r) => r.configuredMaxSlots!);
  const open = records.reduce((n, r) => n + r.openAssignedConversations!, 0);
  const allSlots = slots.reduce((n, s) => n + s, 0);
  const count = (s: string) => records.filter((r) => r.currentStatus === s).length;
  const extreme = (xs: number[], f: (...v: number[]) => number) => (xs.length ? f(...xs) : 0);
  return {
    openAssignedConversations: open,
    weightedAvgLoad: allSlots ? round2(open / allSlots) : 0,
    minLoad: extreme(loads, Math.min),
    maxLoad: extreme(loads, Math.max),
    minConfiguredMaxSlots: extreme(slots, Math.min),
    maxConfiguredMaxSlots: extreme(slots, Math.max),
    numAwayAgents: count('AWAY'),
    numBackSoonAgents: count('BACK_SOON'),
    numOnlineAgents: count('ONLINE'),
  };
}

describe('api/agentMetrics.summary: agentManagerWorkspace, else msgHist (emulator)', function () {
  const rig = useEmulator({ agents: 200, clock: PINNED });
  beforeEach(() => rig.emu.control.setClock(T));

  it('asks agentManagerWorkspace when CSDS lists it, and says so', async () => {
    const s = await rig.client(OAUTH1).agentMetrics.summary();
    assert.equal(s.source, 'agentManagerWorkspace');
    assert.deepEqual(summaryHits(rig), [[MW, 200]]);
    assert.ok(s.results.numOnlineAgents! > 0);
  });

  it('falls back to msgHist when CSDS lists no agentManagerWorkspace: the same numbers', async () => {
    const direct = await rig.client(OAUTH1).agentMetrics.summary({ status: ['ONLINE', 'AWAY'] });
    rig.emu.control.resetStats();
    rig.emu.control.setFaults({ csdsOmit: ['agentManagerWorkspace'] });
    const s = await rig.client(OAUTH1).agentMetrics.summary({ status: ['ONLINE', 'AWAY'] });
    assert.equal(s.source, 'msgHist');
    assert.deepEqual(summaryHits(rig), [[MH, 200]], 'nothing was sent to a host CSDS did not give');
    assert.deepEqual(s.results, direct.results);
    assert.ok(rig.logger.lines.some((l) => /CSDS lists no “agentManagerWorkspace” service; asking msgHist instead/.test(l)), 'the fallback is logged');
  });

  it('falls back to msgHist when the agentManagerWorkspace host answers 404 for the path', async () => {
    rig.emu.control.setFaults({ notFoundPaths: ['/manager_workspace/'] });
    const s = await rig.client(OAUTH1).agentMetrics.summary();
    assert.equal(s.source, 'msgHist');
    assert.deepEqual(summaryHits(rig), [[MW, 404], [MH, 200]]);
  });

  it('remembers the service that answered; an error forgets it, so the next call probes again', async () => {
    const c = rig.client(OAUTH1);
    rig.emu.control.setFaults({ notFoundPaths: ['/manager_workspace/'] });
    assert.equal((await c.agentMetrics.summary()).source, 'msgHist');
    rig.emu.control.resetStats();
    assert.equal((await c.agentMetrics.summary()).source, 'msgHist');
    assert.deepEqual(summaryHits(rig), [[MH, 200]], 'straight to msgHist, no second probe');

    rig.emu.control.setFaults({ unauthorizedAfter: 0 });
    await rejectsWith(c.agentMetrics.summary(), 'auth', 401);
    rig.emu.control.resetFaults();
    rig.emu.control.resetStats();
    assert.equal((await c.agentMetrics.summary()).source, 'agentManagerWorkspace', 'forgotten after the 401: probed again, agentManagerWorkspace first');
    assert.deepEqual(summaryHits(rig), [[MW, 200]]);
  });

  it('a remembered service that stops serving it is left for the other one in the same call', async () => {
    const c = rig.client(OAUTH1);
    rig.emu.control.setFaults({ notFoundPaths: ['/manager_workspace/'] });
    assert.equal((await c.agentMetrics.summary()).source, 'msgHist');
    rig.emu.control.setFaults({ notFoundPaths: ['/messaging_history/'] });
    rig.emu.control.resetStats();
    assert.equal((await c.agentMetrics.summary()).source, 'agentManagerWorkspace');
    assert.deepEqual(summaryHits(rig), [[MH, 404], [MW, 200]], 'the remembered one first');
  });

  it('neither service in CSDS → MissingServiceError (notFound) naming both, with what to do', async () => {
    rig.emu.control.setFaults({ csdsOmit: ['agentManagerWorkspace', 'msgHist'] });
    const e = await rejectsWith<MissingServiceError>(rig.client(OAUTH1).agentMetrics.summary(), 'notFound');
    assert.ok(e instanceof MissingServiceError);
    assert.deepEqual(e.services, ['agentManagerWorkspace', 'msgHist']);
    assert.match(e.message, /summary is not available for account 12345678/);
    assert.match(e.message, /agentManagerWorkspace/);
    assert.match(e.message, /msgHist/);
    assert.match(e.hint, /Ask LivePerson to enable Agent Metrics .*agentManagerWorkspace or msgHist/);
    assert.deepEqual(summaryHits(rig), [], 'nothing sent');
  });

  it('one missing from CSDS and the other answering 404 → the same error, saying which is which', async () => {
    rig.emu.control.setFaults({ csdsOmit: ['agentManagerWorkspace'], notFoundPaths: ['/messaging_history/'] });
    const e = await rejectsWith<MissingServiceError>(rig.client(OAUTH1).agentMetrics.summary(), 'notFound', 404);
    assert.ok(e instanceof MissingServiceError);
    assert.match(e.message, /CSDS lists no “agentManagerWorkspace” service; the msgHist host answered 404/);
    assert.deepEqual(summaryHits(rig), [[MH, 404]]);
  });

  for (const [what, faults, kind, status] of [
    ['a 5xx storm', { burst5xx: 1000 }, 'server', 503],
    ['429 on every call', { rate429: 1 }, 'rateLimit', 429],
    ['a 401', { unauthorizedAfter: 0 }, 'auth', 401],
  ] as const) {
    it(`${what} is an answer, not a reason to ask msgHist`, async () => {
      rig.emu.control.setFaults(faults);
      await rejectsWith(rig.client(OAUTH1).agentMetrics.summary(), kind, status);
      const hits = summaryHits(rig);
      assert.ok(hits.length > 0 && hits.every(([p]) => p === MW), JSON.stringify(hits));
    });
  }

  it('adds up what the status records of the same instant say, for every filter, at several hours', async () => {
    const c = rig.client(OAUTH1);
    for (const at of [T, Date.UTC(2026, 11, 6, 3, 0, 30), Date.UTC(2026, 11, 7, 23, 59, 30)]) {
      rig.emu.control.setClock(at);
      const everyone = await c.agentMetrics.allAgents();
      const some = everyone.records.find((r) => r.agentGroupId !== undefined && r.agentSkills.length > 0)!;
      const filters: AgentMetricsFilter[] = [
        {},
        { status: ['AWAY', 'BACK_SOON'] },
        { agentGroupIds: [some.agentGroupId!] },
        { skillIds: [some.agentSkills[0].skillId], status: ['ONLINE'] },
        { agentIds: everyone.records.slice(0, 7).map((r) => r.agentId) },
        { agentIds: ['999999999'] },
      ];
      for (const filter of filters) {
        const records = filter === filters[0] ? everyone.records : (await c.agentMetrics.allAgents(filter)).records;
        const s = await c.agentMetrics.summary(filter);
        assert.deepEqual(s.results, summaryOf(records), `${new Date(at).toISOString()} ${JSON.stringify(filter)}`);
      }
      const all = summaryOf(everyone.records);
      assert.ok(all.numOnlineAgents! > 0 && all.numAwayAgents! > 0 && all.numBackSoonAgents! > 0, 'every state is present: the comparison means something');
      assert.ok(all.minLoad! <= all.weightedAvgLoad! && all.weightedAvgLoad! <= all.maxLoad!);
    }
  });
});

describe('api/agentMetrics.summary: 403 is not a fallback (emulator, agentMetricsNeedsKey)', function () {
  const rig = useEmulator({ agents: 30, clock: PINNED, agentMetricsNeedsKey: true });

  it('a login bearer refused with 403 on agentManagerWorkspace → the usual permission error; msgHist is not asked', async () => {
    const e = await rejectsWith(rig.client(LOGIN).agentMetrics.summary(), 'permission', 403);
    assert.match(e.message, /Permission denied/);
    assert.ok(e.hint.includes(APIS.agentMetrics.permission), e.hint);
    assert.deepEqual(summaryHits(rig), [[MW, 403]]);
    assert.equal((await rig.client(OAUTH1).agentMetrics.summary()).source, 'agentManagerWorkspace', 'an API key passes');
  });
});
