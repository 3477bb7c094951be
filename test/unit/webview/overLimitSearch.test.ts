import * as assert from 'assert';
import { compileLimits } from '../../../src/domain/timeLimits';
import { packTimelines } from '../../../src/shared/columnar';
import { overLimitProblem, packOverLimit } from '../../../src/shared/overLimitColumns';
import { intervalDetails } from '../../../src/webview/model/intervalDetails';
import { overColumns, overLimitDetail, overPartOf, visibleOverParts } from '../../../src/webview/model/overLimitSearch';
import { timeline } from '../shared/timelineFixtures';

const T0 = Date.UTC(2026, 11, 7, 8);
const MIN = 60_000;
const at = (min: number) => T0 + min * MIN;

describe('webview/model/overLimitSearch (and shared/overLimitColumns)', () => {
  const limits = compileLimits([{ state: 'Away', minutes: 15 }, { state: 'Away', reason: 'Lunch', minutes: 30 }]);
  const lanes = [
    // lane 0: Away 0–40 (over from 15), online, Away · Lunch 50–100 (over from 80), online
    timeline('1', [[at(0), at(40), 'away'], [at(40), at(50), 'online'], [at(50), at(100), 'away', 'Lunch'], [at(100), at(120), 'online']]),
    // lane 1: nothing over
    timeline('2', [[at(0), at(10), 'away'], [at(10), at(120), 'online']]),
    // lane 2: Away 0–30 (over from 15), still going
    timeline('3', [[at(0), at(30), 'away']]),
  ];
  lanes[2].intervals[0].open = true;
  const ds = packTimelines(lanes);
  const ol = packOverLimit(lanes, limits);

  it('packs the parts in the dataset’s lane and interval order, with the rules named', () => {
    assert.strictEqual(ol.active, true);
    assert.deepStrictEqual([...ol.laneOffsets], [0, 2, 2, 3]);
    assert.deepStrictEqual([...ol.index], [0, 2, 6]);
    assert.deepStrictEqual([...ol.from].map(f => (f - T0) / MIN), [15, 80, 15]);
    assert.deepStrictEqual([...ol.rule].map(r => ol.rules[r]), ['Away: 15 min', 'Away · Lunch: 30 min', 'Away: 15 min']);
    assert.strictEqual(overLimitProblem(ol, ds), undefined);
    // no policy, or no rules: nothing, and not active
    const none = packOverLimit(lanes, undefined);
    assert.deepStrictEqual([none.active, none.index.length, [...none.laneOffsets]], [false, 0, [0, 0, 0, 0]]);
    assert.strictEqual(packOverLimit(lanes, compileLimits([])).active, false);
  });

  it('finds the parts visible in a window by binary search', () => {
    assert.deepStrictEqual(visibleOverParts(ol, ds, 0, at(0), at(120)), [0, 2]);
    assert.deepStrictEqual(visibleOverParts(ol, ds, 0, at(41), at(79)), [1, 1], 'between the parts: none');
    assert.deepStrictEqual(visibleOverParts(ol, ds, 0, at(41), at(81)), [1, 2]);
    assert.deepStrictEqual(visibleOverParts(ol, ds, 0, at(20), at(30)), [0, 1]);
    assert.deepStrictEqual(visibleOverParts(ol, ds, 0, at(0), at(15)), [0, 0], 'the part starts at 15');
    assert.deepStrictEqual(visibleOverParts(ol, ds, 1, at(0), at(120)), [2, 2]);
  });

  it('marks the pixel columns that are over (at least one per part)', () => {
    const mask = new Uint8Array(12).fill(9);
    // 120 min over 12 px: 10 min a pixel
    assert.strictEqual(overColumns(ol, ds, 0, { start: at(0), end: at(120) }, 12, mask), 2);
    assert.deepStrictEqual([...mask], [0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0]);
    // zoomed out so far that a part is under a pixel: it still shows
    const one = new Uint8Array(2);
    overColumns(ol, ds, 2, { start: at(0), end: at(6000) }, 2, one);
    assert.deepStrictEqual([...one], [1, 0]);
  });

  it('finds the part of an interval, and the tooltip names the time over and the rule', () => {
    assert.strictEqual(overPartOf(ol, 0, 2), 1);
    assert.strictEqual(overPartOf(ol, 0, 1), -1);
    assert.strictEqual(overPartOf(ol, 1, 4), -1);
    assert.deepStrictEqual(overLimitDetail(ol, ds, 0, 2), { ms: 20 * MIN, rule: 'Away · Lunch: 30 min', open: false });
    assert.strictEqual(overLimitDetail(ol, ds, 0, 3), undefined);
    assert.strictEqual(overLimitDetail(undefined, ds, 0, 2), undefined);
    const d = intervalDetails(ds, 0, 2, 'utc', at(120), overLimitDetail(ol, ds, 0, 2));
    assert.deepStrictEqual(d.lines.find(l => l.label === 'Time limit'), { label: 'Time limit', value: 'over the limit by 20 min (rule: Away · Lunch: 30 min)' });
    const open = intervalDetails(ds, 2, 6, 'utc', at(30), overLimitDetail(ol, ds, 2, 6));
    assert.strictEqual(open.lines.find(l => l.label === 'Time limit')?.value, 'over the limit by 15 min so far (rule: Away: 15 min)');
    assert.strictEqual(intervalDetails(ds, 0, 1, 'utc', at(120), overLimitDetail(ol, ds, 0, 1)).lines.some(l => l.label === 'Time limit'), false);
  });
});
