// How reason usage reads: durations, descriptions, group totals, tooltips (server text escaped) and
// the confirmation's usage line.
import * as assert from 'node:assert/strict';
import type { ReasonUsage } from '../../../src/domain/reasonUsage';
import { confirmUsageText, formatAgo, formatDuration, groupUsageDescription, usageDescription, usageTooltipMarkdown } from '../../../src/statusReasons/usage/usageLook';

const MIN = 60_000;
const HOUR = 60 * MIN;
const usage = (over: Partial<ReasonUsage> = {}): ReasonUsage => ({
  reasonId: '1', text: 'Lunch', state: 'away', uses: 12, totalMs: 3 * HOUR + 40 * MIN + 59_000, agents: 9, medianMs: 12 * MIN, p90Ms: 40 * MIN,
  lastUsedAt: Date.UTC(2026, 11, 5, 14, 3), lastAgentId: '77', busiestHour: 13, heatmap: new Float64Array(168), ...over,
});

describe('statusReasons/usage/usageLook', () => {
  it('formats durations and ages, rounded down', () => {
    assert.deepEqual([0, 45_000, 12 * MIN, 3 * HOUR, 3 * HOUR + 40 * MIN + 59_000, 52 * HOUR].map(formatDuration), ['0 s', '45 s', '12 m', '3 h', '3 h 40 m', '52 h']);
    assert.deepEqual([10_000, 5 * MIN, 2 * HOUR + 59 * MIN, 24 * HOUR, 72 * HOUR].map(formatAgo), ['just now', '5 min ago', '2 h ago', '1 day ago', '3 days ago']);
  });
  it('describes a reason’s usage, singular and plural, and an unused one by its range', () => {
    assert.equal(usageDescription(usage(), '7d'), '12 uses · 3 h 40 m · 9 agents');
    assert.equal(usageDescription(usage({ uses: 1, agents: 1, totalMs: 5 * MIN }), '7d'), '1 use · 5 m · 1 agent');
    assert.equal(usageDescription(undefined, '7d'), 'unused in 7 days');
    assert.equal(usageDescription(undefined, '24h'), 'unused in 24 hours');
    assert.equal(groupUsageDescription([usage(), undefined, usage({ uses: 3, totalMs: 20 * MIN })], '30d'), '15 uses · 4 h');
    assert.equal(groupUsageDescription([undefined], '30d'), 'unused in 30 days');
  });
  it('tooltip: median, 90th percentile, last use in the zone with the agent’s name escaped, busiest hour', () => {
    const md = usageTooltipMarkdown({ usage: usage(), range: '7d', timeZone: 'UTC', agentName: () => 'Eve *<b>*' });
    assert.match(md, /^Usage in the last 7 days: 12 uses, 3 h 40 m, 9 agents {2}$/m);
    assert.match(md, /^Median duration: 12 m · 90th percentile: 40 m {2}$/m);
    assert.ok(md.includes('Last used: 2026-12-05 14:03 (UTC) by Eve \\*&lt;b&gt;\\*'), md);
    assert.match(md, /Busiest hour: 13:00–14:00 \(UTC\)/);
    assert.match(usageTooltipMarkdown({ usage: usage(), range: '7d', timeZone: 'UTC', agentName: () => undefined }), /by agent 77/);
  });
  it('the confirmation’s line: one reason, several, still loading, unknown', () => {
    const now = usage().lastUsedAt + 2 * HOUR + 5 * MIN;
    const byReason = new Map([['1', usage()]]);
    assert.equal(confirmUsageText([{ id: '1', text: 'Lunch' }], { kind: 'ready', byReason, now }, '7d'), 'Used 12 times by 9 agents in the last 7 days, last 2 h ago.');
    assert.equal(confirmUsageText([{ id: '2', text: 'Nap' }], { kind: 'ready', byReason, now }, '7d'), 'Not used in the last 7 days.');
    assert.equal(confirmUsageText([{ id: '1', text: 'Lunch' }, { id: '2', text: 'Nap' }], { kind: 'ready', byReason, now }, '24h'),
      'Usage:\n“Lunch”: used 12 times by 9 agents in the last 24 hours, last 2 h ago.\n“Nap”: not used in the last 24 hours.');
    assert.match(confirmUsageText([{ id: '1', text: 'Lunch' }], { kind: 'loading', waitedMs: 3000 }, '7d'), /^Usage in the last 7 days: still loading \(no answer within 3 s\)\./);
    assert.equal(confirmUsageText([{ id: '1', text: 'Lunch' }], { kind: 'error', message: 'boom' }, '7d'), 'Usage in the last 7 days is unknown: boom');
  });
});
