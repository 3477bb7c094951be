import * as assert from 'assert';
import { diffReasons, diffShapes, shapeOf } from '../../../src/statusReasons/treeShape';
import { reason } from './fixtures';

describe('statusReasons/treeShape', () => {
  const base = [
    reason('1', 'Lunch'),
    reason('2', 'Busy', { state: 'Occupied' }),
    reason('3', 'Gone', { deleted: true }),
    reason('4', 'Coaching', { enabled: false }),
  ];

  it('groups by state in the fixed order, keeps server order, hides deleted unless asked', () => {
    const s = shapeOf(base, false);
    assert.deepStrictEqual(s.groups, ['Away', 'Occupied']);
    assert.deepStrictEqual(s.children.get('Away')!.map(r => r.id), ['1', '4']);
    const withDeleted = shapeOf(base, true);
    assert.deepStrictEqual(withDeleted.children.get('Away')!.map(r => r.id), ['1', '3', '4']);
  });

  it('a changed text refreshes only that item', () => {
    const next = base.map(r => (r.id === '4' ? { ...r, text: 'Coaching 2' } : r));
    assert.deepStrictEqual(diffShapes(shapeOf(base, false), shapeOf(next, false)), { root: false, groups: [], items: ['4'] });
  });

  it('a delete (deleted hidden) refreshes the group, not the root', () => {
    const next = base.map(r => (r.id === '1' ? { ...r, deleted: true } : r));
    assert.deepStrictEqual(diffShapes(shapeOf(base, false), shapeOf(next, false)), { root: false, groups: ['Away'], items: [] });
  });

  it('a delete with deleted shown refreshes its group (the live/deleted counts change; the item re-renders with it)', () => {
    const next = base.map(r => (r.id === '1' ? { ...r, deleted: true } : r));
    assert.deepStrictEqual(diffShapes(shapeOf(base, true), shapeOf(next, true)), { root: false, groups: ['Away'], items: [] });
  });

  it('a disable with deleted shown refreshes just the item', () => {
    const next = base.map(r => (r.id === '1' ? { ...r, enabled: false } : r));
    assert.deepStrictEqual(diffShapes(shapeOf(base, true), shapeOf(next, true)), { root: false, groups: [], items: ['1'] });
  });

  it('a new group (first Online reason) refreshes the root', () => {
    const next = [reason('9', 'Meeting', { state: 'Online' }), ...base];
    assert.strictEqual(diffShapes(shapeOf(base, false), shapeOf(next, false)).root, true);
  });

  it('moving a reason between existing groups refreshes both groups', () => {
    const next = base.map(r => (r.id === '4' ? { ...r, state: 'Occupied' as const } : r));
    assert.deepStrictEqual(diffShapes(shapeOf(base, false), shapeOf(next, false)), { root: false, groups: ['Away', 'Occupied'], items: [] });
  });

  it('no change fires nothing', () => {
    const copy = base.map(r => ({ ...r }));
    assert.deepStrictEqual(diffShapes(shapeOf(base, false), shapeOf(copy, false)), { root: false, groups: [], items: [] });
  });

  it('diffReasons names added, removed and changed ids', () => {
    const next = [reason('5', 'New'), ...base.filter(r => r.id !== '2').map(r => (r.id === '1' ? { ...r, enabled: false } : r))];
    assert.deepStrictEqual(diffReasons(base, next), { added: ['5'], removed: ['2'], changed: ['1'] });
  });
});
