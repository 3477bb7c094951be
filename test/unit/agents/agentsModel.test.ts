import * as assert from 'assert';
import { AgentsModel } from '../../../src/agents/agentsModel';
import { rec, result, T0 } from './fixtures';

describe('agents: AgentsModel (diff against the cache)', () => {
  it('reports added, changed and removed agents; unchanged ones are not named', () => {
    const m = new AgentsModel();
    const first = m.apply(result([rec('1'), rec('2'), rec('3')]), undefined, T0);
    assert.deepStrictEqual(first.added.sort(), ['1', '2', '3']);
    const second = m.apply(result([rec('1'), rec('2', { currentStatus: 'AWAY' }), rec('4')]), undefined, T0 + 30_000);
    assert.deepStrictEqual(second.added, ['4']);
    assert.deepStrictEqual(second.changed, ['2']);
    assert.deepStrictEqual(second.removed, ['3']);
    assert.strictEqual(m.size, 3);
  });

  it('a partial answer never drops known agents: they are kept and marked stale', () => {
    const m = new AgentsModel();
    m.apply(result([rec('1'), rec('2'), rec('3')]), undefined, T0);
    const d = m.apply(result([rec('1')], true), undefined, T0 + 1);
    assert.deepStrictEqual(d.removed, []);
    assert.strictEqual(d.staleKept, 2);
    assert.deepStrictEqual(d.changed.sort(), ['2', '3']);
    assert.strictEqual(m.size, 3);
    assert.strictEqual(m.get('2')!.stale, true);
    assert.strictEqual(m.get('1')!.stale, false);
    // the next complete answer settles it: 3 is gone, 2 is fresh again
    const e = m.apply(result([rec('1'), rec('2')]), undefined, T0 + 2);
    assert.deepStrictEqual(e.removed, ['3']);
    assert.deepStrictEqual(e.changed, ['2']);
    assert.strictEqual(m.get('2')!.stale, false);
  });

  it('counts agents per status and keeps the count for knownCount', () => {
    const m = new AgentsModel();
    m.apply({ records: [rec('1'), rec('2', { currentStatus: 'AWAY' }), rec('3', { currentStatus: 'BACK_SOON' }), rec('4', { currentStatus: 'AWAY' })], partialResult: false, count: 4, pages: 1 }, undefined, T0);
    assert.deepStrictEqual(m.counts(), { online: 1, backSoon: 1, away: 2, offline: 0, total: 4, stale: 0 });
    assert.strictEqual(m.knownCount, 4);
  });

  it('clear() forgets everything and names every agent removed', () => {
    const m = new AgentsModel();
    m.apply(result([rec('1'), rec('2')]), undefined, T0);
    const seen: string[][] = [];
    m.onDidChange(d => seen.push(d.removed));
    m.clear();
    assert.strictEqual(m.size, 0);
    assert.strictEqual(m.hasData, false);
    assert.deepStrictEqual(seen[0].sort(), ['1', '2']);
  });
});
