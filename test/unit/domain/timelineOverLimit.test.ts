import * as assert from 'node:assert/strict';
import type { AgentState } from '../../../src/domain/agentState';
import { compileLimits, type TimeLimitRule } from '../../../src/domain/timeLimits';
import { overLimitMs, overLimitParts } from '../../../src/domain/timelineOverLimit';
import { computeTotals } from '../../../src/domain/timelineTotals';
import type { AgentTimeline, StatusInterval } from '../../../src/domain/timelineTypes';

const T0 = Date.UTC(2026, 11, 7, 8); // 2026-12-07T08:00Z
const M = 60_000;
/** [startMin, endMin, state, reasonText?, reasonId?] relative to T0 */
type Spec = [number, number, AgentState, string?, string?];
const lane = (...specs: Spec[]): StatusInterval[] => specs.map(([s, e, state, reasonText, reasonId]) => ({
  start: T0 + s * M, end: T0 + e * M, state, ...(reasonText ? { reasonText } : {}), ...(reasonId ? { reasonId } : {}),
}));
const tl = (agentId: string, intervals: StatusInterval[]): AgentTimeline => ({ agentId, intervals, sessions: [], markers: [] });
const policy = (...rules: TimeLimitRule[]) => compileLimits(rules);
/** [index, overFromMin, rule text] */
const parts = (intervals: StatusInterval[], p = policy()) =>
  overLimitParts(intervals, p).map(o => [o.index, (o.from - T0) / M, `${o.limit.rule.state}${o.limit.rule.reason ? `·${o.limit.rule.reason}` : ''}`]);
const WINDOW = { from: T0, to: T0 + 24 * 60 * M };

describe('timeline over limit: which part of an interval ran over', () => {
  it('nothing is over without rules, and Offline never is', () => {
    assert.deepEqual(parts(lane([0, 120, 'away'], [120, 600, 'offline'])), []);
    // a rule for every state still leaves Offline alone
    assert.deepEqual(parts(lane([0, 600, 'offline']), policy({ state: 'Away', minutes: 1 }, { state: 'Online', minutes: 1 }, { state: 'Back soon', minutes: 1 })), []);
  });

  it('a state rule: over from start + limit to the end; an interval within the limit is not over', () => {
    const p = policy({ state: 'Away', minutes: 15 });
    assert.deepEqual(parts(lane([0, 40, 'away'], [40, 50, 'online'], [50, 60, 'away']), p), [[0, 15, 'Away']]);
    // exactly the limit is not over
    assert.deepEqual(parts(lane([0, 15, 'away']), p), []);
  });

  it('a state rule counts from the start of the episode: consecutive intervals of the state, whatever their reasons', () => {
    const p = policy({ state: 'Away', minutes: 15 });
    // Away 10 min, Away · Coffee 10 min, Away · Lunch 10 min: over from minute 15, i.e. inside Coffee, and all of Lunch
    assert.deepEqual(parts(lane([0, 10, 'away'], [10, 20, 'away', 'Coffee'], [20, 30, 'away', 'Lunch']), p), [[1, 15, 'Away'], [2, 20, 'Away']]);
    // another state in between starts a new episode
    assert.deepEqual(parts(lane([0, 10, 'away'], [10, 11, 'online'], [11, 21, 'away']), p), []);
    // so does a gap (unknown state)
    assert.deepEqual(parts(lane([0, 10, 'away'], [12, 22, 'away']), p), []);
  });

  it('a reason rule beats the state rule and counts from the reason interval’s own start', () => {
    const p = policy({ state: 'Away', minutes: 15 }, { state: 'Away', reason: 'Lunch', minutes: 30 });
    // 10 min Away first: the state rule would make Lunch over at minute 15, the reason rule at 10 + 30
    assert.deepEqual(parts(lane([0, 10, 'away'], [10, 50, 'away', 'Lunch'], [50, 52, 'away']), p), [[1, 40, 'Away·Lunch'], [2, 50, 'Away']]);
    // reason texts match case- and accent-insensitively
    assert.deepEqual(parts(lane([0, 31, 'away', ' lunch ']), p), [[0, 30, 'Away·Lunch']]);
    // a reason rule alone: other away time is not limited
    assert.deepEqual(parts(lane([0, 120, 'away', 'Meeting'], [120, 200, 'away', 'Lunch']), policy({ state: 'Away', reason: 'Lunch', minutes: 30 })), [[1, 150, 'Away·Lunch']]);
  });

  it('a reason rule for another state does not apply (Back soon · Lunch is not Away · Lunch)', () => {
    assert.deepEqual(parts(lane([0, 60, 'away', 'Lunch']), policy({ state: 'Back soon', reason: 'Lunch', minutes: 5 })), []);
  });

  it('overLimitMs clips the over parts to the window', () => {
    const t = tl('a', lane([0, 60, 'away']));
    const p = policy({ state: 'Away', minutes: 15 });
    assert.equal(overLimitMs(t, p, WINDOW), 45 * M);
    assert.equal(overLimitMs(t, p, { from: T0 + 30 * M, to: T0 + 40 * M }), 10 * M);
    assert.equal(overLimitMs(t, p, { from: T0, to: T0 + 10 * M }), 0);
  });
});

describe('timeline over limit: totals', () => {
  const timelines = [
    tl('a', lane([0, 10, 'away'], [10, 50, 'away', 'Lunch', '11'], [50, 70, 'backSoon'], [70, 100, 'online'])),
    tl('b', lane([0, 45, 'away', 'Lunch', '11'], [45, 70, 'away'])),
  ];
  const p = policy({ state: 'Away', minutes: 15 }, { state: 'Away', reason: 'Lunch', minutes: 30 }, { state: 'Back soon', minutes: 10 });

  it('time over limit per agent, per reason and overall', () => {
    const totals = computeTotals(timelines, WINDOW, p);
    const a = totals.perAgent.a;
    // Lunch over 40→50 (10), back soon over 60→70 (10)
    assert.equal(a.overMs, 20 * M);
    assert.equal(a.byReason['11'].overMs, 10 * M);
    assert.equal(a.byReason[''].overMs, 0);
    const b = totals.perAgent.b;
    // Lunch over 30→45 (15); then Away without a reason, same episode since 0: over all of 45→70 (25)
    assert.equal(b.overMs, 40 * M);
    assert.equal(b.byReason['11'].overMs, 15 * M);
    assert.equal(b.byReason[''].overMs, 25 * M);
    assert.equal(totals.overall.overMs, 60 * M);
    assert.equal(totals.overall.byReason['11'].overMs, 25 * M);
    assert.equal(totals.overall.byReason[''].overMs, 25 * M);
    // the same figure as summing the parts independently
    assert.equal(totals.overall.overMs, timelines.reduce((n, t) => n + overLimitMs(t, p, WINDOW), 0));
  });

  it('clips the over time to the window, as the rest of the totals', () => {
    const window = { from: T0 + 40 * M, to: T0 + 65 * M };
    const totals = computeTotals(timelines, window, p);
    // a: Lunch over 40→50 (10), back soon over 60→65 (5); b: 40→45 (5) + 45→65 (20)
    assert.equal(totals.perAgent.a.overMs, 15 * M);
    assert.equal(totals.perAgent.b.overMs, 25 * M);
  });

  it('without limits the totals are as before, with overMs 0 everywhere', () => {
    const plain = computeTotals(timelines, WINDOW);
    const empty = computeTotals(timelines, WINDOW, compileLimits([]));
    assert.deepEqual(empty, plain);
    assert.equal(plain.overall.overMs, 0);
    for (const r of Object.values(plain.overall.byReason)) assert.equal(r.overMs, 0);
    // and the time per state does not depend on the limits
    assert.deepEqual(computeTotals(timelines, WINDOW, p).overall.byState, plain.overall.byState);
  });
});
