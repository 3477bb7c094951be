import * as assert from 'assert';
import type { StatusReason } from '../../../src/api/types';
import { cleanUpCandidates, stateContradiction } from '../../../src/domain/reasonCleanup';

const r = (id: string, text: string, state: StatusReason['state'] = 'Away', enabled = true, deleted = false): StatusReason => ({ id, text, state, enabled, deleted });

describe('domain/reasonCleanup', () => {
  it('text against state', () => {
    assert.match(stateContradiction('Lunch', 'Online')!, /under Online/);
    assert.match(stateContradiction('Ready for chats', 'Away')!, /taking chats/);
    assert.strictEqual(stateContradiction('Lunch break', 'Away'), undefined);
    assert.strictEqual(stateContradiction('Available for chats', 'Online'), undefined);
    assert.strictEqual(stateContradiction('Breakfast club', 'Away'), undefined);
  });

  it('unused (enabled, not deleted), look-alikes (the most used kept), contradictions', () => {
    const reasons = [r('1', 'Coffee break'), r('2', 'COFFEE  Break'), r('3', 'Training'), r('4', 'Old', 'Away', false), r('5', 'Gone', 'Away', true, true), r('6', 'Lunch', 'Online')];
    const uses = new Map([['2', 5], ['3', 1], ['6', 2]]);
    const c = cleanUpCandidates(reasons, uses, 'in the last 7 days');
    assert.deepStrictEqual(c.map(x => [x.reason.id, x.why]), [['1', ['unused', 'lookalike']], ['6', ['contradiction']]]);
    assert.match(c[0].notes[1], /looks like “COFFEE {2}Break” \(id 2, 5 uses\)/);
  });
});
