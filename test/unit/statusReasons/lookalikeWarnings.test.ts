// Look-alike reason texts are warned about (never refused) wherever a text is chosen: the create and
// rename inputs (reasonValidation), bulk create lines, and the apply plan's review; and a bulk
// create or apply that would take the account past its limit is refused with the count.
import * as assert from 'assert';
import { MAX_ACTIVE_REASONS, reasonCountProblem } from '../../../src/domain/reasonRules';
import { computePlan } from '../../../src/statusReasons/applyPlan';
import { checkLines, parseLines } from '../../../src/statusReasons/bulkLines';
import { lookalikeWarning, reasonTextError } from '../../../src/statusReasons/reasonValidation';
import { reason } from './fixtures';

describe('statusReasons: look-alike texts and the account limit', () => {
  const server = [reason('1', 'Lunch break'), reason('2', 'Coffee'), reason('3', 'Old one', { deleted: true })];

  it('warns (names the reason and what differs) for case, spaces, NBSP and Cyrillic letters — but does not refuse', () => {
    const cases: [string, RegExp][] = [
      ['Lunch Break', /“Lunch break” \(Away, id 1\): it differs only in case/],
      ['Lunch  break ', /differs only in spacing/],
      ['Lunch\u00a0break', /differs only in spacing/],
      ['Lunch br\u0435ak', /look-alike letters/], // Cyrillic е
      ['LUNCH  BREAK', /case and spacing/],
    ];
    for (const [text, why] of cases) {
      assert.match(lookalikeWarning(text, server) ?? '', why, text);
      assert.strictEqual(reasonTextError(text, server), undefined, `${text} is still allowed`);
    }
    assert.strictEqual(lookalikeWarning('Lunch break', server), undefined, 'an identical text is a duplicate (refused elsewhere), not a look-alike');
    assert.strictEqual(lookalikeWarning('Lunch', server), undefined);
    assert.strictEqual(lookalikeWarning('old one', server), undefined, 'deleted reasons do not count');
    assert.strictEqual(lookalikeWarning('Lunch Break', server, '1'), undefined, 'renaming a reason to another case of itself');
  });

  it('bulk lines: a look-alike of an existing reason or of an earlier line is sent, with a warning', () => {
    const checked = checkLines(parseLines(['lunch break, Away', 'Training, Away', 'TRAINING , Away', 'Coffee, Away']), server);
    assert.deepStrictEqual(checked.map(l => [l.text, !!l.problem, !!l.warning]), [
      ['lunch break', false, true], ['Training', false, false], ['TRAINING', false, true], ['Coffee', true, false],
    ]);
    assert.match(checked[0].warning!, /Lunch break/);
    assert.match(checked[2].warning!, /line 2 \(“Training”\)/);
  });

  it('apply: a create or rename that looks like a text the account keeps is a review warning', () => {
    const plan = computePlan({ reasons: [{ id: '1', text: 'Lunch break', state: 'Away' }, { id: '2', text: 'Coffee', state: 'Away' }, { text: 'COFFEE', state: 'Away' }] }, server, { accountId: 'a' });
    assert.ok(plan.items.some(i => i.kind === 'create'));
    assert.ok(plan.warnings.some(w => /“COFFEE” and “Coffee” would differ only in case/.test(w)), plan.warnings.join('\n'));
    const caseOnly = computePlan({ reasons: [{ id: '1', text: 'Lunch Break', state: 'Away' }, { id: '2', text: 'Coffee', state: 'Away' }] }, server, { accountId: 'a' });
    assert.deepStrictEqual(caseOnly.warnings, [], 'a reason renamed to another case of itself looks like nothing else');
  });

  it('refuses past the account limit with the count, and lets deletes make room', () => {
    assert.strictEqual(reasonCountProblem(MAX_ACTIVE_REASONS - 2, 2), undefined);
    assert.match(reasonCountProblem(MAX_ACTIVE_REASONS - 2, 5) ?? '', new RegExp(`would make ${MAX_ACTIVE_REASONS + 3} status reasons.*at most ${MAX_ACTIVE_REASONS}.*Leave out at least 3`));
    assert.strictEqual(reasonCountProblem(MAX_ACTIVE_REASONS, 3, 3), undefined);
    assert.strictEqual(reasonCountProblem(MAX_ACTIVE_REASONS + 10, 0), undefined, 'nothing added: never refused');
  });
});
