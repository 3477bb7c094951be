import * as assert from 'node:assert/strict';
import { activityRangeProblem, splitActivityRange } from '../../../src/domain/activityRange';

const H = 3_600_000;
const D = 24 * H;

describe('domain/activityRange', () => {
  const now = Date.UTC(2026, 10, 23, 12);
  it('refuses to ≤ from, a start in the future and a start older than 6 months', () => {
    assert.match(activityRangeProblem(now, now - 1, now)!, /end after it starts/);
    assert.match(activityRangeProblem(now + H, now + 2 * H, now)!, /future/);
    assert.match(activityRangeProblem(now - 200 * D, now - 190 * D, now)!, /6 months/);
    assert.equal(activityRangeProblem(now - 150 * D, now, now), undefined);
  });
  it('splits long ranges into chunks of at most a calendar month and 30 days, back to back', () => {
    const from = Date.UTC(2026, 0, 15);
    const to = Date.UTC(2026, 4, 1);
    const chunks = splitActivityRange(from, to);
    assert.equal(chunks[0].from, from);
    assert.equal(chunks[chunks.length - 1].to, to);
    for (let i = 0; i < chunks.length; i++) {
      assert.ok(chunks[i].to - chunks[i].from <= 30 * D);
      if (i) assert.equal(chunks[i].from, chunks[i - 1].to);
    }
    const feb = splitActivityRange(Date.UTC(2026, 1, 1), Date.UTC(2026, 2, 2));
    assert.equal(feb[0].to, Date.UTC(2026, 2, 1), 'February: a calendar month is 28 days');
    assert.deepEqual(splitActivityRange(from, from + D), [{ from, to: from + D }]);
  });
});

