// The shared status reason text rules (src/domain/reasonRules.ts).
import * as assert from 'node:assert/strict';
import { REASON_TEXT_MAX, findDuplicateText, reasonTextProblem } from '../../../src/domain/reasonRules';

describe('reasonRules', () => {
  it('accepts letters of any script, digits, spaces, punctuation and emoji', () => {
    for (const t of ['Lunch break', 'Break 🍕 **now**', 'Zoë & Co', '李娜 休息', 'Перерыв', 'Pausa (15 min.)', '👩‍💻 coding', 'x'.repeat(REASON_TEXT_MAX), "O'Brien's \"call\" #2 — 50% @home"]) {
      assert.equal(reasonTextProblem(t), undefined, t);
    }
  });
  it('rejects empty, too long, < >, control characters and separators', () => {
    assert.match(reasonTextProblem('')!, /required/);
    assert.match(reasonTextProblem('   ')!, /required/);
    assert.match(reasonTextProblem('x'.repeat(REASON_TEXT_MAX + 1))!, /101.*100/);
    assert.match(reasonTextProblem('<b>bold</b>')!, /</);
    assert.match(reasonTextProblem('a > b')!, />/);
    assert.match(reasonTextProblem('tab\there')!, /control/);
    assert.match(reasonTextProblem('line\nbreak')!, /control/);
    assert.match(reasonTextProblem('bell\u0007')!, /control/);
    assert.match(reasonTextProblem('sep\u2028x')!, /U\+2028/);
  });
  it('counts length in UTF-16 code units like the server', () => {
    assert.equal(reasonTextProblem('🍕'.repeat(50)), undefined);
    assert.ok(reasonTextProblem('🍕'.repeat(51)));
  });
  it('finds exact, case-sensitive duplicates among non-deleted reasons, except the one renamed', () => {
    const reasons = [{ id: '1', text: 'Lunch', deleted: false }, { id: '2', text: 'Gone', deleted: true }, { id: 3, text: 'Meeting', deleted: false }];
    assert.equal(findDuplicateText('Lunch', reasons)?.id, '1');
    assert.equal(findDuplicateText('lunch', reasons), undefined);
    assert.equal(findDuplicateText('Gone', reasons), undefined);
    assert.equal(findDuplicateText('Lunch', reasons, '1'), undefined);
    assert.equal(findDuplicateText('Meeting', reasons, '3'), undefined);
    assert.equal(findDuplicateText('Meeting', reasons, 1)?.id, 3);
  });
});
