import * as assert from 'assert';
import { STATE_CODE } from '../../../src/shared/columnar';
import { baseBinMs, LodPyramid, MAX_BASE_BINS } from '../../../src/webview/model/lodPyramid';
import { ColumnScratch, EMPTY, laneColumns } from '../../../src/webview/model/pixelColumns';
import { dataset } from '../shared/timelineFixtures';

const MIN = 60_000;
const H = 60 * MIN;

describe('webview/model/lodPyramid', () => {
  it('picks a power-of-two multiple of a minute as the base bin', () => {
    assert.strictEqual(baseBinMs(24 * H), MIN);
    const month = baseBinMs(30 * 24 * H);
    assert.ok(30 * 24 * H / month <= MAX_BASE_BINS && Math.log2(month / MIN) % 1 === 0);
  });
  it('chooses the coarsest level no wider than a pixel', () => {
    const p = new LodPyramid(dataset([[0, H, 'online']]), { start: 0, end: 24 * H });
    assert.strictEqual(p.levelFor(30_000), -1, 'finer than the base: draw exactly');
    assert.strictEqual(p.levelFor(MIN), 0);
    assert.strictEqual(p.levelFor(5 * MIN), 2);
    assert.ok(p.binMs(p.levelFor(5 * MIN)) <= 5 * MIN && p.binMs(p.levelFor(5 * MIN) + 1) > 5 * MIN);
  });
  it('keeps the dominant state per bin at every level, built lazily per lane', () => {
    // per 4-minute block: 3 min online + 1 min away, for 4 hours
    const spec: [number, number, 'online' | 'away'][] = [];
    for (let t = 0; t < 4 * H; t += 4 * MIN) spec.push([t, t + 3 * MIN, 'online'], [t + 3 * MIN, t + 4 * MIN, 'away']);
    const ds = dataset(spec, [[0, 4 * H, 'away']]);
    const p = new LodPyramid(ds, { start: 0, end: 4 * H });
    assert.strictEqual(p.isBuilt(0), false);
    const levels = p.lane(0);
    assert.strictEqual(p.isBuilt(1), false);
    assert.strictEqual(levels[0][3], STATE_CODE.away, 'level 0 is exact per minute');
    assert.strictEqual(levels[0][0], STATE_CODE.online);
    assert.ok(levels[2].every(s => s === STATE_CODE.online), 'from 4-minute bins on, online dominates');
    assert.strictEqual(levels[levels.length - 1].length, 1);
  });
  it('samples columns close to the exact sub-pixel merge', () => {
    const spec: [number, number, 'online' | 'away' | 'offline'][] = [];
    let t = 0;
    let i = 0;
    while (t < 24 * H) { const d = (7 + (i * 37) % 50) * MIN; spec.push([t, Math.min(t + d, 24 * H), (['online', 'away', 'offline'] as const)[i % 3]]); t += d; i++; }
    const ds = dataset(spec);
    const bounds = { start: 0, end: 24 * H };
    const p = new LodPyramid(ds, bounds);
    const width = 200;
    const level = p.levelFor((24 * H) / width);
    assert.ok(level >= 0);
    const lod = new Uint8Array(width);
    const exact = new Uint8Array(width);
    p.sample(0, level, bounds, width, lod);
    laneColumns(ds, 0, bounds, width, new ColumnScratch(), exact);
    const same = lod.reduce((n, s, c) => n + (s === exact[c] ? 1 : 0), 0);
    assert.ok(same / width > 0.85, `${same}/${width} columns agree`);
    assert.ok(!lod.includes(EMPTY));
  });
});
