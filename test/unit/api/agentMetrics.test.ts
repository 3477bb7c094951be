// Agent Metrics against the emulator: one page, every filter, all agents (first page then the rest in
// parallel, or all at once with a known count), partialResult surfaced, dedupe, summary; and under
// load: never more than 6 pages in flight, a page retried on its own, a page that still fails
// reported as missing (not thrown), every page refused → one bounded failure, cancellation.
import * as assert from 'node:assert/strict';
import { filterBody, Limiter, MAX_CONCURRENCY, PAGE_ATTEMPTS, parseAgentRecord } from '../../../src/api/agentMetrics';
import { CancelledError } from '../../../src/api/errors';
import { countingFetch } from '../../support/countingFetch';
import { agentMetricsNeedsKey } from '../../../src/agents/apiKeyNeeded';
import { ALL_KINDS, BEARER, LOGIN, OAUTH1, rejectsWith, useEmulator } from './support';

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

  it('agentPresence: omitted = true; false returns the agents who are not present, and their records say so', async () => {
    const c = rig.client(OAUTH1);
    const omitted = await c.agentMetrics.allAgents();
    const present = await c.agentMetrics.allAgents({ agentPresence: true });
    const absent = await c.agentMetrics.allAgents({ agentPresence: false });
    assert.ok(absent.records.length > 0, 'some logged-in agents are not present');
    assert.ok(absent.records.every((r) => r.agentPresence === false));
    assert.ok(omitted.records.every((r) => r.agentPresence === true));
    assert.deepEqual(omitted.records.map((r) => r.agentId), present.records.map((r) => r.agentId), 'the default filter is true');
    const ids = new Set(omitted.records.map((r) => r.agentId));
    assert.ok(absent.records.every((r) => !ids.has(r.agentId)), 'nobody is in both');
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
    // the two calls must see the same instant: an agent changing state between them (at whatever hour
    // the suite runs) would make the counts differ — the emulator's clock stands still meanwhile
    rig.emu.control.setClockRate(1e-6);
    try {
      const s = await c.agentMetrics.summary();
      const all = await c.agentMetrics.allAgents();
      assert.equal(s.source, 'agentManagerWorkspace');
      assert.equal(s.results.numOnlineAgents, all.records.filter((r) => r.currentStatus === 'ONLINE').length);
      assert.equal(s.results.numAwayAgents, all.records.filter((r) => r.currentStatus === 'AWAY').length);
      const away = await c.agentMetrics.summary({ status: ['AWAY'] });
      assert.equal(away.results.numOnlineAgents, 0);
    } finally {
      rig.emu.control.setClockRate(1);
    }
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
});


describe('api/agentMetrics under load (emulator)', function () {
  this.timeout(60_000);
  // a fixed instant: the same agents are logged in for every call of a test
  const rig = useEmulator({ agents: 600, now: () => Date.UTC(2026, 11, 8, 10, 0) });
  const statusCalls = () => rig.emu.control.stats()['agentView.status'] ?? 0;
  // 25 pages waiting for 6 slots must not pile listeners on one AbortSignal (Node warns past 10)
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  before(() => process.on('warning', onWarning));
  after(() => {
    process.off('warning', onWarning);
    assert.deepEqual(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning')), []);
  });
  const countNow = async () => (await rig.client(OAUTH1).agentMetrics.status({}, { limit: 1 })).count;

  it(`never has more than ${MAX_CONCURRENCY} page requests in flight: a first load and a refresh of 20+ pages`, async () => {
    const count = await countNow();
    const pageSize = Math.ceil(count / 24);
    const counting = countingFetch();
    const c = rig.client(OAUTH1, { fetch: counting.fetch });
    rig.emu.control.setFaults({ latencyMs: 15 });
    const first = await c.agentMetrics.allAgents({}, { pageSize });
    assert.equal(first.records.length, count);
    assert.ok(first.pages >= 20, `${first.pages} pages`);
    assert.equal(counting.peak, MAX_CONCURRENCY, `peak ${counting.peak} in flight on the first load`);
    counting.peak = 0;
    const refresh = await c.agentMetrics.allAgents({}, { pageSize, knownCount: count });
    assert.equal(refresh.records.length, count);
    assert.equal(counting.peak, MAX_CONCURRENCY, `peak ${counting.peak} in flight on a refresh with a known count`);
    assert.equal(counting.inFlight, 0);
  });

  it('a refresh of 20+ pages at a 429 rate of 0.6 completes with every agent (pages retried on their own)', async () => {
    const count = await countNow();
    const pageSize = Math.ceil(count / 24);
    const c = rig.client(OAUTH1);
    await c.agentMetrics.status({}, { limit: 1 }); // CSDS resolved before the storm
    rig.emu.control.resetStats();
    rig.emu.control.setFaults({ rate429: 0.6, retryAfterSeconds: 1 }); // 1 s × the tests' factor 0.001
    const r = await c.agentMetrics.allAgents({}, { pageSize, knownCount: count });
    assert.equal(r.failedPages, 0);
    assert.equal(r.partialResult, false);
    assert.equal(r.records.length, count);
    assert.ok(statusCalls() > r.pages * 2, `${statusCalls()} requests for ${r.pages} pages: the 429s were retried`);
  });

  it('a page that fails after every retry: the others are returned, with the exact number missing', async () => {
    const count = await countNow();
    const pageSize = Math.ceil(count / 5);
    const pages = Math.ceil(count / pageSize);
    const c = rig.client(OAUTH1);
    const full = await c.agentMetrics.allAgents({}, { pageSize });
    rig.emu.control.resetStats();
    // Cut-off bodies are not retried by Http, so each try of a page is one request; all pages are in
    // flight together (≤ 6), round after round: three rounds cut every page, the fourth cuts the first
    // answer only → exactly one page never arrives.
    rig.emu.control.setFaults({ truncateBodies: (PAGE_ATTEMPTS - 1) * pages + 1 });
    const r = await c.agentMetrics.allAgents({}, { pageSize, knownCount: count });
    assert.equal(r.failedPages, 1);
    assert.equal(r.pages, pages);
    assert.equal(r.partialResult, true);
    assert.equal(r.serverPartial, false);
    assert.equal(r.count, count);
    assert.equal(r.missingAgents, count - r.records.length, 'the missing count is exact');
    assert.ok([pageSize, count - (pages - 1) * pageSize].includes(r.missingAgents), `${r.missingAgents} missing: one page's worth`);
    const got = new Set(r.records.map((x) => x.agentId));
    assert.ok(r.records.every((x) => full.records.some((y) => y.agentId === x.agentId)));
    assert.equal(full.records.filter((x) => !got.has(x.agentId)).length, r.missingAgents);
    assert.equal(statusCalls(), PAGE_ATTEMPTS * pages, 'every page tried PAGE_ATTEMPTS times, then no more');
    assert.ok(rig.logger.lines.some((l) => l.startsWith('warn ') && l.includes(`1 of ${pages} pages failed`)));
  });

  it('every page refused (a 5xx or 429 storm): the refresh fails as a whole after one round, not pages × retries', async () => {
    const count = await countNow();
    const pageSize = Math.ceil(count / 24);
    const pages = Math.ceil(count / pageSize);
    const c = rig.client(OAUTH1);
    await c.agentMetrics.status({}, { limit: 1 });
    for (const [faults, kind] of [[{ burst5xx: 1e9 }, 'server'], [{ rate429: 1, retryAfterSeconds: 1 }, 'rateLimit']] as const) {
      rig.emu.control.resetFaults();
      rig.emu.control.resetStats();
      rig.emu.control.setFaults(faults);
      const e = await rejectsWith(c.agentMetrics.allAgents({}, { pageSize, knownCount: count }), kind);
      if (kind === 'rateLimit') assert.ok(e.retryAfterMs !== undefined, 'Retry-After reaches the scheduler');
      // Http tries each page 4 times; the run stops once the first 6 pages were refused (those that took their slots meanwhile are aborted)
      assert.ok(statusCalls() <= 2 * MAX_CONCURRENCY * 4, `${statusCalls()} requests for ${pages} pages (${kind})`);
    }
  });

  it('an error no retry can mend (here a 400) stops the run: nothing more is started', async () => {
    const count = await countNow();
    const pageSize = Math.ceil(count / 24);
    const c = rig.client(OAUTH1);
    rig.emu.control.resetStats();
    await rejectsWith(c.agentMetrics.allAgents({ status: ['SLEEPING' as 'AWAY'] }, { pageSize, knownCount: count }), 'validation', 400);
    assert.ok(statusCalls() <= MAX_CONCURRENCY, `${statusCalls()} requests after a 400`);
  });

  it('cancellation stops everything: the call rejects only once no request is in flight, and none starts after', async () => {
    const count = await countNow();
    const pageSize = Math.ceil(count / 24);
    const abort = new AbortController();
    const counting = countingFetch((n) => n === 8 && abort.abort());
    const c = rig.client(OAUTH1, { fetch: counting.fetch });
    rig.emu.control.setFaults({ latencyMs: 20 });
    await assert.rejects(c.agentMetrics.allAgents({}, { pageSize, knownCount: count, signal: abort.signal }), CancelledError);
    assert.equal(counting.inFlight, 0, 'every request settled before the call did');
    const started = counting.started;
    assert.ok(started < Math.ceil(count / pageSize), `${started} started`);
    await new Promise((r) => setTimeout(r, 60)); // longer than a round trip: a request started late would show
    assert.equal(counting.started, started);
    // and an aborted signal stops a call before it sends anything
    await assert.rejects(c.agentMetrics.allAgents({}, { pageSize, signal: abort.signal }), CancelledError);
    assert.equal(counting.started, started);
  });
});

describe('api/agentMetrics Limiter', () => {
  const tick = () => new Promise((r) => setTimeout(r, 2));

  it('keeps results in order, never runs more than the limit, and starts waiting runs first come first served', async () => {
    const l = new Limiter(3);
    let peak = 0;
    const order: number[] = [];
    const out = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((x) => l.run(async () => {
      order.push(x);
      peak = Math.max(peak, l.inFlight);
      await tick();
      return x * 2;
    })));
    assert.deepEqual(out, [2, 4, 6, 8, 10, 12, 14]);
    assert.equal(peak, 3);
    assert.deepEqual(order, [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(l.inFlight, 0);
  });

  it('drops every run still waiting for a slot when its signal aborts (one listener for all); a failing run frees its slot', async () => {
    const abort = new AbortController();
    const l = new Limiter(1, abort.signal);
    const ran: string[] = [];
    const first = l.run(async () => {
      ran.push('first');
      await tick();
      throw new Error('boom');
    });
    const waiting = Array.from({ length: 20 }, (_, i) => l.run(async () => void ran.push(`waiting ${i}`)));
    abort.abort();
    for (const w of waiting) await assert.rejects(w, CancelledError);
    await assert.rejects(first, /boom/);
    assert.deepEqual(ran, ['first']);
    assert.equal(l.inFlight, 0);
    await assert.rejects(l.run(async () => undefined), CancelledError);
    const free = new Limiter(1);
    await assert.rejects(free.run(async () => { throw new Error('x'); }), /x/);
    assert.equal(await free.run(async () => 'next'), 'next', 'the failed run gave its slot back');
  });
});

describe('api/agentMetrics: a server that wants an API key (--agent-metrics-needs-key)', function () {
  const rig = useEmulator({ agents: 30, agentMetricsNeedsKey: true });

  it('refuses a username/password login with 403 (a permission problem), the rule Live Agents asks for a key by', async () => {
    const e = await rejectsWith(rig.client(LOGIN).agentMetrics.status({}, { limit: 5 }), 'permission', 403);
    assert.match(e.message, /API key/);
    assert.ok(agentMetricsNeedsKey(e, 'login'));
    assert.ok(!agentMetricsNeedsKey(e, 'oauth1'), 'only a login session is told to use a key');
    assert.equal(rig.emu.control.stats().login, 1, 'the login itself worked; no re-login loop on a 403');
  });

  it('a refused login (wrong password) is "sign in again", not "use a key"', async () => {
    const e = await rejectsWith(rig.client({ kind: 'login', username: 'admin', password: 'wrong-password' }).agentMetrics.status({}, { limit: 5 }), 'auth', 401);
    assert.ok(!agentMetricsNeedsKey(e, 'login'), e.request);
  });

  it('an OAuth 2.0 token is refused with 403 too (API keys only): Live Agents asks for a key', async () => {
    const e = await rejectsWith(rig.client({ kind: 'oauth2', clientId: 'demo-client-id', clientSecret: 'demo-client-secret' }).agentMetrics.status({}, { limit: 5 }), 'permission', 403);
    assert.ok(agentMetricsNeedsKey(e, 'oauth2'));
  });

  it('still answers an API key and a plain bearer', async () => {
    assert.ok((await rig.client(OAUTH1).agentMetrics.status({}, { limit: 5 })).records.length > 0);
    assert.ok((await rig.client(BEARER).agentMetrics.status({}, { limit: 5 })).records.length > 0);
  });
});
