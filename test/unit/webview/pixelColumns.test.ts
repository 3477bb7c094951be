import * as assert from 'assert';
import { STATE_CODE } from '../../../src/shared/columnar';
import { ColumnScratch, columnRuns, EMPTY, laneColumns } from '../../../src/webview/model/pixelColumns';
import { dataset } from '../shared/timelineFixtures';

const on = STATE_CODE.online;
const away = STATE_CODE.away;

describe('webview/model/pixelColumns', () => {
  const scratch = new ColumnScratch();
  it('gives each column the state that covered most of it', () => {
    // 10 px over 100 ms: 10 ms a pixel. online 0–34, away 34–37 (sub-pixel), online 37–60, gap, away 80–100
    const ds = dataset([[0, 34, 'online'], [34, 37, 'away'], [37, 60, 'online'], [80, 100, 'away']]);
    const out = new Uint8Array(10);
    const visited = laneColumns(ds, 0, { start: 0, end: 100 }, 10, scratch, out);
    assert.strictEqual(visited, 4);
    assert.deepStrictEqual(Array.from(out), [on, on, on, on, on, on, EMPTY, EMPTY, away, away]);
  });
  it('lets a sliver win its column when it dominates it', () => {
    const ds = dataset([[0, 10, 'online'], [10, 17, 'away'], [17, 30, 'online']]);
    const out = new Uint8Array(3);
    laneColumns(ds, 0, { start: 0, end: 30 }, 3, scratch, out);
    assert.deepStrictEqual(Array.from(out), [on, away, on]);
  });
  it('leaves mostly-empty columns empty and clips to the window', () => {
    const ds = dataset([[4, 6, 'online'], [50, 200, 'away']]);
    const out = new Uint8Array(10);
    laneColumns(ds, 0, { start: 0, end: 100 }, 10, scratch, out);
    assert.deepStrictEqual(Array.from(out), [EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, away, away, away, away, away]);
  });
  it('merges equal columns into runs', () => {
    assert.deepStrictEqual(columnRuns(Uint8Array.from([on, on, EMPTY, away, away, away]), 6), [{ x0: 0, x1: 2, state: on }, { x0: 3, x1: 6, state: away }]);
  });
  it('costs one pass over the visible intervals whatever the count (100k sub-pixel intervals → 100 columns)', () => {
    const spec: [number, number, 'online' | 'away'][] = [];
    for (let i = 0; i < 100_000; i++) spec.push([i * 10, i * 10 + 10, i % 4 === 0 ? 'away' : 'online']);
    const ds = dataset(spec);
    const out = new Uint8Array(100);
    assert.strictEqual(laneColumns(ds, 0, { start: 0, end: 1_000_000 }, 100, scratch, out), 100_000);
    assert.ok(out.every(s => s === on), 'online covers 3/4 of every column');
  });
});
