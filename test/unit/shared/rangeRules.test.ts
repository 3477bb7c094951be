import * as assert from 'assert';
import { customRangeProblem, describeRange, FUTURE_END_TOLERANCE_MS, MAX_WINDOW_MS, rangeRuleProblem, resolveRange } from '../../../src/shared/rangeRules';
import { earliestFrom, lookBackOf } from '../../../src/domain/activityRange';

const NOW = Date.UTC(2026, 10, 23, 12);
const DAY = 86_400_000;

describe('shared/rangeRules', () => {
  it('resolves presets against now and keeps custom ranges', () => {
    assert.deepStrictEqual(resolveRange({ kind: 'preset', preset: '24h' }, NOW), { from: NOW - DAY, to: NOW });
    assert.deepStrictEqual(resolveRange({ kind: 'preset', preset: '30d' }, NOW), { from: NOW - 30 * DAY, to: NOW });
    assert.deepStrictEqual(resolveRange({ kind: 'custom', from: 1, to: 2 }, NOW), { from: 1, to: 2 });
  });
  it('says what breaks the Agent Activity rules', () => {
    assert.strictEqual(rangeRuleProblem(NOW - 30 * DAY, NOW, NOW), undefined);
    assert.strictEqual(rangeRuleProblem(NOW - MAX_WINDOW_MS, NOW, NOW), undefined, 'exactly 31 days is allowed');
    assert.match(rangeRuleProblem(NOW - MAX_WINDOW_MS - 1, NOW, NOW) ?? '', /one month/);
    assert.match(rangeRuleProblem(NOW, NOW - 1, NOW) ?? '', /before the end/);
    assert.match(rangeRuleProblem(earliestFrom(NOW) - 1, earliestFrom(NOW) + DAY, NOW) ?? '', /6 months/);
    assert.strictEqual(rangeRuleProblem(earliestFrom(NOW), earliestFrom(NOW) + DAY, NOW), undefined);
    assert.match(rangeRuleProblem(NaN, NOW, NOW) ?? '', /both/);
    assert.match(rangeRuleProblem(NOW + DAY, NOW + 2 * DAY, NOW) ?? '', /future/);
  });
  it('refuses a typed custom range that ends in the future or spans over a month, naming the rule — never clamps it', () => {
    assert.strictEqual(customRangeProblem(NOW - DAY, NOW, NOW, 'utc'), undefined);
    // "now" is the server's clock known to about a second: an end a few seconds later is still now
    assert.strictEqual(customRangeProblem(NOW - DAY, NOW + FUTURE_END_TOLERANCE_MS, NOW, 'utc'), undefined);
    assert.match(customRangeProblem(NOW - DAY, NOW + FUTURE_END_TOLERANCE_MS + 1, NOW, 'utc') ?? '', /is in the future/);
    assert.match(customRangeProblem(NOW - DAY, NOW + 60_000, NOW, 'utc') ?? '', /^The end \(2026-11-23 12:01\) is in the future.*up to 2026-11-23 12:00/);
    // a 40-day window whose part before now would fit is still refused: the window as typed counts
    assert.match(customRangeProblem(NOW - 20 * DAY, NOW + 20 * DAY, NOW, 'utc') ?? '', /40 days long — longer than one month \(31 days\)/);
    assert.match(customRangeProblem(NOW - 33 * DAY, NOW - DAY, NOW, 'utc') ?? '', /32 days long — longer than one month/);
  });
  it('looks back six calendar months', () => {
    assert.strictEqual(new Date(earliestFrom(NOW)).toISOString(), '2026-05-23T12:00:00.000Z');
  });
  it('looks back 13 months when the setting says so (LivePerson documents 6 and 13), 6 for anything else', () => {
    const now = Date.UTC(2026, 11, 3, 12);
    assert.strictEqual(earliestFrom(now, 13), Date.UTC(2025, 10, 3, 12));
    const tenMonthsAgo = Date.UTC(2026, 1, 3, 12);
    assert.match(rangeRuleProblem(tenMonthsAgo, tenMonthsAgo + 86_400_000, now) ?? '', /more than 6 months ago.*setting liveperson\.timeline\.lookBackMonths/);
    assert.strictEqual(rangeRuleProblem(tenMonthsAgo, tenMonthsAgo + 86_400_000, now, 13), undefined);
    assert.match(customRangeProblem(Date.UTC(2025, 9, 1), Date.UTC(2025, 9, 2), now, 'utc', 13) ?? '', /more than 13 months ago: Agent Activity keeps only 13 months/);
    assert.deepStrictEqual([6, 13, 12, '13', undefined].map(lookBackOf), [6, 13, 6, 6, 6]);
  });

  it('describes ranges for titles', () => {
    assert.strictEqual(describeRange({ kind: 'preset', preset: '7d' }, String), 'last 7 days');
    assert.strictEqual(describeRange({ kind: 'custom', from: 1, to: 2 }, t => `t${t}`), 't1 – t2');
  });
});
