import * as assert from 'assert';
import { packTimelines } from '../../../src/shared/columnar';
import { detailsSentence, intervalDetails, markerDetails } from '../../../src/webview/model/intervalDetails';
import { timeline } from '../shared/timelineFixtures';

const T0 = Date.UTC(2026, 10, 23, 8);
const MIN = 60_000;

describe('webview/model/intervalDetails', () => {
  const t = timeline('1', [[T0, T0 + 45 * MIN, 'away', 'Lunch <b>', '77'], [T0 + 45 * MIN, T0 + 90 * MIN, 'online']], { agentName: 'Ann', markers: [{ time: T0, kind: 'login' }] });
  t.intervals[1].open = true;
  const ds = packTimelines([t]);
  it('says agent, state, reason, start, end, duration and session', () => {
    const d = intervalDetails(ds, 0, 0, 'utc', T0 + 90 * MIN);
    assert.strictEqual(d.title, 'Ann');
    assert.deepStrictEqual(d.lines, [
      { label: 'State', value: 'Away' }, { label: 'Reason', value: 'Lunch <b>' },
      { label: 'Start', value: '2026-11-23 08:00:00' }, { label: 'End', value: '2026-11-23 08:45:00' },
      { label: 'Duration', value: '45 min' }, { label: 'Session', value: '77' },
    ]);
    assert.match(detailsSentence(d), /^Ann: State Away, Reason Lunch <b>, Start/);
  });
  it('marks the live interval as still going', () => {
    const d = intervalDetails(ds, 0, 1, 'utc', T0 + 90 * MIN);
    assert.deepStrictEqual(d.lines.find(l => l.label === 'End'), { label: 'End', value: 'still going (now)' });
    assert.match(d.lines.find(l => l.label === 'Duration')?.value ?? '', /so far$/);
    assert.strictEqual(d.lines.find(l => l.label === 'Session')?.value, '—');
  });
  it('describes markers', () => {
    assert.deepStrictEqual(markerDetails(ds, 0, 0, 'utc').lines, [{ label: 'Logged in', value: '2026-11-23 08:00:00' }]);
  });
});
