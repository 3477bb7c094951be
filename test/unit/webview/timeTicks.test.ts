import * as assert from 'assert';
import { placeAxisLabels, axisTicks, chooseStepMs } from '../../../src/webview/model/timeTicks';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.UTC(2026, 10, 22, 13, 30);

describe('webview/model/timeTicks', () => {
  it('grows the step from minutes to hours to days as the window widens', () => {
    assert.strictEqual(chooseStepMs(H, 1000, 80), 5 * 60_000);
    assert.strictEqual(chooseStepMs(D, 1000, 80), 2 * H);
    assert.strictEqual(chooseStepMs(7 * D, 1000, 80), D);
    assert.strictEqual(chooseStepMs(30 * D, 1000, 80), 7 * D);
  });
  it('puts hour ticks on whole hours and labels midnight with the day (UTC)', () => {
    const { ticks, context } = axisTicks({ start: T0, end: T0 + D }, 1080, 'utc');
    assert.strictEqual(context, 'Sun 22 Nov');
    assert.ok(ticks.length >= 8);
    for (const t of ticks) assert.strictEqual(t.t % H, 0, 'on whole hours');
    const midnight = ticks.find(t => t.major);
    assert.ok(midnight);
    assert.strictEqual(midnight.t, Date.UTC(2026, 10, 23));
    assert.strictEqual(midnight.label, 'Mon 23 Nov');
    assert.match(ticks[0].label, /^\d\d:00$/);
  });
  it('keeps labels apart at every zoom', () => {
    for (const span of [10 * 60_000, H, 6 * H, D, 7 * D, 30 * D]) {
      const { ticks } = axisTicks({ start: T0, end: T0 + span }, 1000, 'utc', 84);
      for (let i = 1; i < ticks.length; i++) assert.ok(((ticks[i].t - ticks[i - 1].t) / span) * 1000 >= 84 - 1e-9, `span ${span}`);
      assert.ok(ticks.every(t => t.t >= T0 && t.t <= T0 + span));
    }
  });
  it('changes its labels when zoomed (days → hours)', () => {
    const month = axisTicks({ start: T0, end: T0 + 30 * D }, 1000, 'utc').ticks.map(t => t.label);
    const hours = axisTicks({ start: T0, end: T0 + 6 * H }, 1000, 'utc').ticks.map(t => t.label);
    assert.ok(month.every(l => /^\d+ [A-Z][a-z]{2}$/.test(l)), month.join());
    assert.ok(hours.some(l => /^\d\d:\d\d$/.test(l)), hours.join());
  });
  it('aligns week ticks on Mondays', () => {
    const { ticks } = axisTicks({ start: T0, end: T0 + 60 * D }, 600, 'utc');
    assert.ok(ticks.length > 0);
    for (const t of ticks) assert.strictEqual(new Date(t.t).getUTCDay(), 1);
  });
  it('returns nothing for an empty window', () => {
    assert.deepStrictEqual(axisTicks({ start: T0, end: T0 }, 1000, 'utc').ticks, []);
  });
  it('leaves out a label that would be cut at the right edge (the 30-day axis’s last day)', () => {
    // 30 days over 600 px: the last tick sits 20 px from the edge; its 60 px label cannot fit whole
    const items = [{ x: 0, width: 60 }, { x: 200, width: 60 }, { x: 400, width: 60 }, { x: 580, width: 60 }];
    assert.deepStrictEqual(placeAxisLabels(items, 600), [0, 1, 2]);
    assert.deepStrictEqual(placeAxisLabels(items, 700), [0, 1, 2, 3], 'it is drawn when it fits');
    // never over the sticky context label, never over the previous label
    assert.deepStrictEqual(placeAxisLabels(items, 700, 90), [1, 2, 3]);
    assert.deepStrictEqual(placeAxisLabels([{ x: 0, width: 80 }, { x: 50, width: 40 }, { x: 120, width: 40 }], 400), [0, 2]);
  });
});
