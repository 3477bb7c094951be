import * as assert from 'assert';
import { datasetBuffers, datasetProblem, FLAG_OPEN, MARKER_LOGIN, MARKER_LOGOUT, packTimelines, STATE_CODE, stateOfCode } from '../../../src/shared/columnar';
import { dataset, timeline } from './timelineFixtures';

describe('shared/columnar', () => {
  it('packs timelines into per-lane typed arrays with reason and session dictionaries', () => {
    const ds = packTimelines([
      timeline('7', [[0, 10, 'online', undefined, 's1'], [10, 25, 'away', 'Lunch', 's1'], [25, 30, 'away', 'Lunch', 's1']],
        { markers: [{ time: 0, kind: 'login' }, { time: 30, kind: 'logout' }], agentGroupId: 'g1', agentLoginName: 'seven@x' }),
      timeline('8', []),
      timeline('9', [[5, 9, 'backSoon', '<b>Tea</b>']], { agentName: undefined, agentLoginName: 'nine@x' }),
    ], new Map([['g1', 'Billing']]));
    assert.deepStrictEqual(Array.from(ds.laneOffsets), [0, 3, 3, 4]);
    assert.deepStrictEqual(Array.from(ds.start), [0, 10, 25, 5]);
    assert.deepStrictEqual(Array.from(ds.state), [STATE_CODE.online, STATE_CODE.away, STATE_CODE.away, STATE_CODE.backSoon]);
    assert.deepStrictEqual(ds.reasons, ['', 'Lunch', '<b>Tea</b>']);
    assert.deepStrictEqual(Array.from(ds.reason), [0, 1, 1, 2]);
    assert.deepStrictEqual(ds.sessions, ['', 's1']);
    assert.deepStrictEqual(Array.from(ds.session), [1, 1, 1, 0]);
    assert.deepStrictEqual(Array.from(ds.markerKind), [MARKER_LOGIN, MARKER_LOGOUT]);
    assert.deepStrictEqual(Array.from(ds.markerOffsets), [0, 2, 2, 2]);
    assert.deepStrictEqual(ds.lanes[0], { agentId: '7', name: 'Agent 7', loginName: 'seven@x', groupId: 'g1', groupName: 'Billing' });
    assert.strictEqual(ds.lanes[2].name, 'nine@x', 'falls back to the login name');
    assert.strictEqual(stateOfCode(ds.state[3]), 'backSoon');
    assert.strictEqual(datasetProblem(ds), undefined);
    assert.strictEqual(datasetBuffers(ds).length, 10);
  });

  it('marks open intervals', () => {
    const t = timeline('1', [[0, 5, 'online']]);
    t.intervals[0].open = true;
    assert.strictEqual(packTimelines([t]).flags[0] & FLAG_OPEN, FLAG_OPEN);
  });

  it('refuses malformed datasets with a reason', () => {
    const ok = () => dataset([[0, 10, 'online'], [10, 20, 'away']], [[0, 5, 'offline']]);
    const cases: [string, (d: ReturnType<typeof ok>) => unknown, RegExp][] = [
      ['wrong array type', d => ({ ...d, start: Array.from(d.start) }), /start is not a Float64Array/],
      ['short column', d => ({ ...d, state: d.state.subarray(1) }), /differ in length/],
      ['offsets past the end', d => ({ ...d, laneOffsets: Uint32Array.from([0, 2, 4]) }), /cover/],
      ['overlap', d => { d.start[1] = 5; return d; }, /overlap/],
      ['end before start', d => { d.end[0] = -1; return d; }, /ends before/],
      ['unknown state', d => { d.state[0] = 9; return d; }, /unknown state/],
      ['reason past dictionary', d => { d.reason[0] = 5; return d; }, /reason dictionary/],
      ['lane without name', d => ({ ...d, lanes: [{ agentId: '1' }, d.lanes[1]] }), /agentId\/name/],
      ['reasons without the empty first entry', d => ({ ...d, reasons: ['x'] }), /reasons/],
      ['not an object', () => 'dataset', /not an object/],
    ];
    for (const [what, mutate, re] of cases) assert.match(datasetProblem(mutate(ok())) ?? '', re, what);
  });
});
