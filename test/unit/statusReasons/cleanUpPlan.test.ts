import * as assert from 'assert';
import type { StatusReason } from '../../../src/api/types';
import { cleanUpPlan } from '../../../src/statusReasons/cleanUpPlan';

const r = (id: string, text: string, order?: number): StatusReason => ({ id, text, state: 'Away', enabled: true, deleted: false, ...(order !== undefined ? { order } : {}) });

describe('statusReasons/cleanUpPlan', () => {
  it('only the picked disables and deletes; everything else kept as is (no reorder, no deleted reason touched)', () => {
    const reasons = [r('1', 'A', 1), r('2', 'B', 2), r('3', 'C', 3), { ...r('4', 'D'), deleted: true }];
    const { plan, doc } = cleanUpPlan(reasons, new Map([['1', 'disable'], ['3', 'delete']]), '123', '7');
    assert.strictEqual(doc.deleteMissing, true);
    assert.deepStrictEqual(plan.items.filter(i => i.kind !== 'keep').map(i => (i.kind === 'update' ? `update ${i.before.id} ${i.changes.join()}` : i.kind === 'delete' ? `delete ${i.reason.id}` : i.kind)), ['delete 3', 'update 1 disable']);
    assert.strictEqual(plan.changeCount, 2);
    assert.deepStrictEqual(plan.warnings, []);
  });
});
