import * as assert from 'assert';
import type { StatusReason } from '../../../src/api/types';
import { inDisplayOrder, liveGroup, moveIntoPlaceOf, moveProblem, orderAfterMove, planOrderWrites, stepMove } from '../../../src/statusReasons/reasonOrder';
import { shapeOf } from '../../../src/statusReasons/treeShape';
import { reason } from './fixtures';

/** Applies the planned writes and returns the texts as they would then be shown. */
function shownAfter(all: StatusReason[], writes: ReturnType<typeof planOrderWrites>): string[] {
  const next = all.map(r => {
    const w = writes.find(x => x.reason.id === r.id);
    return w ? { ...r, order: w.to } : r;
  });
  return liveGroup(next, 'Away').map(r => r.text);
}
const texts = (rs: readonly StatusReason[]) => rs.map(r => r.text);

describe('statusReasons/reasonOrder', () => {
  it('shows unordered reasons first as the server lists them, then by order; equal orders as listed', () => {
    const listed = [reason('1', 'C', { order: 5 }), reason('2', 'New'), reason('3', 'A', { order: 1 }), reason('4', 'B', { order: 5 }), reason('5', 'Newer')];
    assert.deepStrictEqual(texts(inDisplayOrder(listed)), ['New', 'Newer', 'A', 'C', 'B']);
  });

  it('the tree groups by state and sorts each group (deleted ones at their order when shown)', () => {
    const listed = [reason('1', 'Lunch', { order: 3 }), reason('2', 'Busy', { state: 'Occupied', order: 0 }), reason('3', 'Gone', { deleted: true, order: 2 }), reason('4', 'Coffee', { order: 1 })];
    assert.deepStrictEqual(texts(shapeOf(listed, true).children.get('Away')!), ['Coffee', 'Gone', 'Lunch']);
    assert.deepStrictEqual(texts(shapeOf(listed, false).children.get('Away')!), ['Coffee', 'Lunch']);
  });

  it('Move Up / Down are anchored to the live neighbour (deleted and other states skipped); none at the ends', () => {
    const rs = [reason('1', 'A', { order: 0 }), reason('2', 'Gone', { order: 1, deleted: true }), reason('3', 'B', { order: 2 }), reason('9', 'X', { state: 'Online', order: 1 })];
    assert.deepStrictEqual(stepMove(rs, '3', 'up'), { id: '3', anchor: '1', side: 'before' });
    assert.deepStrictEqual(stepMove(rs, '1', 'down'), { id: '1', anchor: '3', side: 'after' });
    assert.strictEqual(stepMove(rs, '1', 'up'), undefined);
    assert.strictEqual(stepMove(rs, '9', 'down'), undefined);
    assert.strictEqual(stepMove(rs, '2', 'up'), undefined, 'a deleted reason does not move');
  });

  it('a drop takes the target’s place: above it when dragged up, below it when dragged down', () => {
    const rs = ['A', 'B', 'C', 'D'].map((t, i) => reason(String(i + 1), t, { order: i }));
    const down = moveIntoPlaceOf(rs, '1', '3')!;
    assert.deepStrictEqual(down, { id: '1', anchor: '3', side: 'after' });
    assert.deepStrictEqual(texts(orderAfterMove(rs, down)), ['B', 'C', 'A', 'D']);
    const up = moveIntoPlaceOf(rs, '4', '2')!;
    assert.deepStrictEqual(texts(orderAfterMove(rs, up)), ['A', 'D', 'B', 'C']);
    assert.strictEqual(moveIntoPlaceOf(rs, '1', '1'), undefined);
  });

  it('says why a move cannot be made: deleted, another state, already there', () => {
    const rs = [reason('1', 'A', { order: 0 }), reason('2', 'B', { order: 1 }), reason('3', 'Gone', { deleted: true }), reason('4', 'X', { state: 'Online' })];
    assert.match(moveProblem(rs, { id: '1', anchor: '2', side: 'before' })!, /“A” is already just above “B”/);
    assert.match(moveProblem(rs, { id: '1', anchor: '3', side: 'after' })!, /“Gone”, which it was to go after, is deleted/);
    assert.match(moveProblem(rs, { id: '1', anchor: '4', side: 'after' })!, /reasons are ordered within their state/);
    assert.match(moveProblem(rs, { id: '3', anchor: '1', side: 'after' })!, /“Gone” is deleted/);
    assert.strictEqual(moveProblem(rs, { id: '1', anchor: '2', side: 'after' }), undefined);
  });

  describe('the fewest writes', () => {
    const ordered = (...orders: number[]) => orders.map((o, i) => reason(String(i + 1), String.fromCharCode(65 + i), { order: o }));
    const plan = (rs: StatusReason[], id: string, dir: 'up' | 'down') => {
      const move = stepMove(rs, id, dir)!;
      return planOrderWrites(liveGroup(rs, 'Away'), orderAfterMove(rs, move), id);
    };

    it('with a gap, only the moved reason is written', () => {
      const rs = ordered(0, 10, 20, 30);
      const w = plan(rs, '3', 'up');
      assert.deepStrictEqual(w.map(x => [x.reason.text, x.from, x.to]), [['C', 20, 1]]);
      assert.deepStrictEqual(shownAfter(rs, w), ['A', 'C', 'B', 'D']);
    });

    it('dense orders: one write too (to the top: below the first, negative allowed)', () => {
      const rs = ordered(0, 1, 2, 3);
      const w = plan(rs, '4', 'up');
      assert.deepStrictEqual(w.map(x => [x.reason.text, x.from, x.to]), [['C', 2, 4]], 'no integer between 1 and 2: C goes after D');
      assert.deepStrictEqual(shownAfter(rs, w), ['A', 'B', 'D', 'C']);
      const top = planOrderWrites(liveGroup(rs, 'Away'), orderAfterMove(rs, { id: '4', anchor: '1', side: 'before' }), '4');
      assert.deepStrictEqual(top.map(x => [x.reason.text, x.from, x.to]), [['D', 3, -1]]);
    });

    it('renumbers only what must change when there is no room', () => {
      const rs = ordered(0, 1, 1, 2, 3); // B and C tie: shown as listed
      const w = plan(rs, '1', 'down'); // A below B
      assert.deepStrictEqual(shownAfter(rs, w), ['B', 'A', 'C', 'D', 'E']);
      assert.ok(w.length <= 2, `wrote ${w.length}`);
    });

    it('reasons without order: the leading run stays unordered; what goes below is numbered', () => {
      const rs = ['L', 'C', 'T', 'P'].map((t, i) => reason(String(i + 1), t));
      const up = plan(rs, '4', 'up');
      assert.deepStrictEqual(up.map(x => [x.reason.text, x.from, x.to]), [['T', undefined, 0]], 'P stays unordered; T, numbered, goes after every unordered one');
      assert.deepStrictEqual(shownAfter(rs, up), ['L', 'C', 'P', 'T']);
      const down = plan(rs, '1', 'down');
      assert.deepStrictEqual(shownAfter(rs, down), ['C', 'L', 'T', 'P']);
      assert.strictEqual(down.length, 3, 'C stays first unordered; L, T, P are numbered');
    });

    it('a mixed group: unordered before ordered, ordered ones kept', () => {
      const rs = [reason('1', 'New'), reason('2', 'A', { order: 4 }), reason('3', 'B', { order: 8 })];
      const w = plan(rs, '1', 'down');
      assert.deepStrictEqual(w.map(x => [x.reason.text, x.to]), [['New', 5]]);
      assert.deepStrictEqual(shownAfter(rs, w), ['A', 'New', 'B']);
    });

    it('every single move of a random group is shown as asked, with no more writes than a full renumbering', () => {
      let seed = 7;
      const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
      for (let round = 0; round < 300; round++) {
        const n = 2 + rnd(8);
        const rs = Array.from({ length: n }, (_, i) => reason(String(i + 1), `R${i + 1}`, rnd(4) === 0 ? {} : { order: rnd(12) - 3 }));
        const shown = liveGroup(rs, 'Away');
        const from = shown[rnd(n)];
        const to = shown[rnd(n)];
        const move = moveIntoPlaceOf(rs, from.id, to.id);
        if (!move) continue;
        const want = texts(orderAfterMove(rs, move));
        const w = planOrderWrites(shown, orderAfterMove(rs, move), from.id);
        assert.deepStrictEqual(shownAfter(rs, w), want, `round ${round}: ${JSON.stringify(rs)} move ${JSON.stringify(move)}`);
        assert.ok(w.length <= n);
      }
    });
  });
});
