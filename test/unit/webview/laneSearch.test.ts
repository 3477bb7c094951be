import * as assert from 'assert';
import { packTimelines } from '../../../src/shared/columnar';
import { intervalAt, intervalStartingAt, lowerBound, markerNear, upperBound, visibleIntervals, visibleMarkers } from '../../../src/webview/model/laneSearch';
import { dataset, timeline } from '../shared/timelineFixtures';

describe('webview/model/laneSearch', () => {
  const ds = dataset(
    [[0, 10, 'online'], [10, 20, 'away'], [30, 40, 'online'], [40, 100, 'offline']],
    [[5, 6, 'backSoon']],
    [],
  );
  it('bounds', () => {
    const a = Float64Array.from([1, 3, 3, 7]);
    assert.strictEqual(lowerBound(a, 0, 4, 3), 1);
    assert.strictEqual(upperBound(a, 0, 4, 3), 3);
    assert.strictEqual(upperBound(a, 0, 4, 9), 4);
    assert.strictEqual(lowerBound(a, 0, 4, 0), 0);
  });
  it('finds the intervals intersecting a window, per lane', () => {
    assert.deepStrictEqual(visibleIntervals(ds, 0, 15, 35), [1, 3]);
    assert.deepStrictEqual(visibleIntervals(ds, 0, 10, 30), [1, 2], 'touching edges do not count');
    assert.deepStrictEqual(visibleIntervals(ds, 0, 200, 300), [4, 4]);
    assert.deepStrictEqual(visibleIntervals(ds, 1, 0, 100), [4, 5]);
    assert.deepStrictEqual(visibleIntervals(ds, 2, 0, 100), [5, 5]);
  });
  it('hit-tests a time, with a tolerance for gaps and slivers', () => {
    assert.strictEqual(intervalAt(ds, 0, 12), 1);
    assert.strictEqual(intervalAt(ds, 0, 10), 1, 'start inclusive');
    assert.strictEqual(intervalAt(ds, 0, 25), -1, 'a gap');
    assert.strictEqual(intervalAt(ds, 0, 21, 2), 1, 'near the end of the previous interval');
    assert.strictEqual(intervalAt(ds, 0, 29, 2), 2, 'near the start of the next interval');
    assert.strictEqual(intervalAt(ds, 2, 5, 100), -1, 'an empty lane');
    assert.strictEqual(intervalAt(ds, 1, 7, 1), 4);
  });
  it('restores a selection by start time', () => {
    assert.strictEqual(intervalStartingAt(ds, 0, 30), 2);
    assert.strictEqual(intervalStartingAt(ds, 0, 31), -1);
  });
  it('finds markers in view and near a point', () => {
    const m = packTimelines([timeline('1', [[0, 50, 'online']], { markers: [{ time: 5, kind: 'login' }, { time: 20, kind: 'logout' }, { time: 22, kind: 'login' }] })]);
    assert.deepStrictEqual(visibleMarkers(m, 0, 10, 22), [1, 3]);
    assert.strictEqual(markerNear(m, 0, 21.5, 1), 2);
    assert.strictEqual(markerNear(m, 0, 12, 2), -1);
  });
});
