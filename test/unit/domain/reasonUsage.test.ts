import * as assert from 'node:assert/strict';
import { computeReasonUsage, quantile } from '../../../src/domain/reasonUsage';
import { computeTotals } from '../../../src/domain/timelineTotals';
import type { AgentTimeline, StatusInterval } from '../../../src/domain/timelineTypes';

const DAY = Date.UTC(2026, 10, 30); // Monday 2026-11-30T00:00Z
const H = 3_600_000;
const M = 60_000;
const iv = (from: number, to: number, state: StatusInterval['state'], reasonId?: string, reasonText?: string): StatusInterval => ({ start: DAY + from, end: DAY + to, state, reasonId, reasonText });
const tl = (agentId: string, intervals: StatusInterval[]): AgentTimeline => ({ agentId, intervals, sessions: [], markers: [] });

describe('domain/reasonUsage', () => {
  const timelines = [
    tl('a', [
      iv(8 * H, 9 * H, 'online'),
      iv(9 * H, 9 * H + 30 * M, 'away', '7', 'Lunch'),
      iv(9 * H + 30 * M, 10 * H, 'away', '7', 'Lunch'), // the same stretch split: one use
      iv(10 * H, 12 * H, 'online'),
      iv(12 * H, 12 * H + 10 * M, 'away', '8', 'Coffee'),
      iv(12 * H + 10 * M, 13 * H, 'online'),
      iv(13 * H, 13 * H + 20 * M, 'away', '7', 'Lunch'),
    ]),
    tl('b', [iv(11 * H + 50 * M, 12 * H + 20 * M, 'away', '7', 'Lunch'), iv(12 * H + 20 * M, 14 * H, 'online')]),
  ];
  const window = { from: DAY, to: DAY + 24 * H };

  it('counts uses (a split stretch once), agents, clipped total time equal to the timeline totals, median, p90, last use', () => {
    const u = computeReasonUsage(timelines, window);
    const lunch = u.find(r => r.reasonId === '7')!;
    assert.equal(lunch.uses, 3);
    assert.equal(lunch.agents, 2);
    assert.equal(lunch.totalMs, 60 * M + 20 * M + 30 * M);
    assert.equal(lunch.totalMs, computeTotals(timelines, window).overall.byReason['7'].ms, 'the timeline’s per-reason total');
    assert.equal(lunch.medianMs, 30 * M);
    assert.equal(lunch.p90Ms, 60 * M);
    assert.equal(lunch.lastUsedAt, DAY + 13 * H);
    assert.equal(lunch.lastAgentId, 'a');
    assert.equal(lunch.text, 'Lunch');
    assert.deepEqual(u.map(r => r.reasonId), ['7', '8'], 'most time first');
  });

  it('clips to a narrower range, also for the per-reason totals', () => {
    const narrow = { from: DAY + 9 * H + 15 * M, to: DAY + 12 * H + 5 * M };
    const u = computeReasonUsage(timelines, narrow);
    const byId = Object.fromEntries(u.map(r => [r.reasonId, r]));
    const totals = computeTotals(timelines, narrow).overall.byReason;
    for (const id of ['7', '8']) assert.equal(byId[id].totalMs, totals[id].ms, id);
    assert.equal(byId['8'].totalMs, 5 * M);
    assert.equal(byId['7'].uses, 2, 'a: 9:15–10:00; b: 11:50→12:05');
  });

  it('spreads time over hour × weekday in the zone asked for; the busiest hour follows it', () => {
    const utc = computeReasonUsage(timelines, window).find(r => r.reasonId === '7')!;
    assert.equal(utc.heatmap[0 * 24 + 9], 60 * M, 'Monday 09:00 UTC');
    assert.equal(utc.busiestHour, 9);
    const tokyo = computeReasonUsage(timelines, window, { timeZone: 'Asia/Tokyo' }).find(r => r.reasonId === '7')!;
    assert.equal(tokyo.heatmap[0 * 24 + 18], 60 * M, 'Monday 18:00 in Tokyo (+9)');
    assert.equal(tokyo.busiestHour, 18);
    const kolkata = computeReasonUsage(timelines, window, { timeZone: 'Asia/Kolkata' }).find(r => r.reasonId === '7')!;
    assert.equal(kolkata.heatmap[0 * 24 + 14], 30 * M, 'half-hour zone: 14:30–15:00');
    assert.equal(kolkata.heatmap[0 * 24 + 15], 30 * M);
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    assert.equal(sum(kolkata.heatmap), kolkata.totalMs);
  });

  it('quantile: nearest rank', () => {
    assert.equal(quantile([], 0.5), 0);
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2);
    assert.equal(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9);
  });
});
