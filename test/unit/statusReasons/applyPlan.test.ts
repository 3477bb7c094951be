import * as assert from 'assert';
import { computePlan, describePlanItem, summarizePlan } from '../../../src/statusReasons/applyPlan';
import { buildDocument, DocumentError, documentText, isReasonsFileName, parseDocument } from '../../../src/statusReasons/reasonsDocument';
import { reason } from './fixtures';

describe('statusReasons/reasonsDocument', () => {
  const server = [reason('1', 'Lunch'), reason('2', 'Gone', { deleted: true }), reason('3', 'Busy', { state: 'Occupied', enabled: false })];

  it('exports non-deleted reasons with id, text, state, enabled — and order only where the server keeps one', () => {
    const doc = buildDocument('123', '7', server, 'file:///schema.json');
    assert.deepStrictEqual(doc, {
      $schema: 'file:///schema.json', account: '123', revision: '7', deleteMissing: false,
      reasons: [
        { id: '1', text: 'Lunch', state: 'Away', enabled: true },
        { id: '3', text: 'Busy', state: 'Occupied', enabled: false },
      ],
    });
  });

  it('exports state by state in the order the tree shows (unordered first as listed, then by order)', () => {
    const listed = [
      reason('5', 'Busy', { state: 'Occupied', order: 1 }), reason('1', 'Lunch', { order: 7 }), reason('2', 'Coffee', { order: 2 }),
      reason('3', 'New'), reason('4', 'Chat', { state: 'Online' }),
    ];
    const doc = buildDocument('123', '7', listed);
    assert.deepStrictEqual(doc.reasons.map(r => [r.text, r.order]), [['New', undefined], ['Coffee', 2], ['Lunch', 7], ['Chat', undefined], ['Busy', 1]]);
    assert.deepStrictEqual(computePlan(doc, listed, { accountId: '123' }).changeCount, 0, 'an unedited export applies as no change');
  });

  it('writes $schema first (when given), then account, revision, deleteMissing, reasons; none without one', () => {
    assert.deepStrictEqual(Object.keys(buildDocument('123', '7', server, 'file:///schema.json')), ['$schema', 'account', 'revision', 'deleteMissing', 'reasons']);
    assert.match(documentText(buildDocument('123', '7', server, 'file:///schema.json')), /^\{\n {2}"\$schema": "file:\/\/\/schema\.json",\n/);
    assert.deepStrictEqual(Object.keys(buildDocument('123', '7', server)), ['account', 'revision', 'deleteMissing', 'reasons']);
    assert.ok(isReasonsFileName('/tmp/A.LPREASONS.json') && !isReasonsFileName('/tmp/a.json'));
  });

  it('round-trips through JSON and refuses wrong shapes with every problem named', () => {
    const doc = buildDocument('123', '7', server);
    assert.deepStrictEqual(parseDocument(JSON.stringify(doc)).reasons, doc.reasons);
    assert.throws(() => parseDocument('{'), DocumentError);
    try {
      parseDocument(JSON.stringify({ reasons: [{ text: 1, state: 'Sleeping' }, 'x'], deleteMissing: 'yes' }));
      assert.fail('should throw');
    } catch (e) {
      const problems = (e as DocumentError).problems;
      assert.deepStrictEqual(problems, [
        '"deleteMissing" must be true or false.',
        'reasons[0].text must be a string.',
        'reasons[0].state must be one of Away, Online, Occupied.',
        'reasons[1] must be an object.',
      ]);
    }
  });
});

describe('statusReasons/applyPlan', () => {
  const server = [
    reason('1', 'Lunch'),
    reason('2', 'Training'),
    reason('3', 'Coaching', { enabled: false }),
    reason('4', 'Meeting'),
    reason('5', 'Old', { deleted: true }),
  ];
  const current = { accountId: '123', revision: '10' };

  it('computes renames, enables, disables, state moves, creates, keeps (no deleteMissing)', () => {
    const plan = computePlan({ account: '123', revision: '10', reasons: [
      { id: '1', text: 'Lunch break', state: 'Away', enabled: true },
      { id: '2', text: 'Training', state: 'Away', enabled: false },
      { id: '3', text: 'Coaching', state: 'Online', enabled: true },
      { text: 'Doctor', state: 'Away' },
      { text: 'Meeting', state: 'Away', enabled: true },
    ] }, server, current);
    assert.deepStrictEqual(plan.items.map(describePlanItem), [
      'Rename “Lunch” → “Lunch break” (id 1)',
      'Disable “Training” (id 2)',
      'Move “Coaching” from Away to Online, enable (id 3)',
      'Create “Doctor” (Away)',
    ]);
    assert.strictEqual(plan.changeCount, 4);
    assert.deepStrictEqual(plan.warnings, []);
  });

  it('deletes missing reasons only with deleteMissing, and lists them as kept otherwise', () => {
    const doc = { reasons: [{ id: '1', text: 'Lunch', state: 'Away' as const }] };
    const kept = computePlan(doc, server, current);
    assert.deepStrictEqual(kept.items.map(i => i.kind), ['keep', 'keep', 'keep']);
    assert.strictEqual(kept.changeCount, 0);
    const deleting = computePlan({ ...doc, deleteMissing: true }, server, current);
    assert.deepStrictEqual(deleting.items.map(describePlanItem), [
      'Delete “Training” (Away, id 2)',
      'Delete “Coaching” (Away, id 3)',
      'Delete “Meeting” (Away, id 4)',
    ]);
    assert.match(summarizePlan(deleting), /0 to create, 0 to change, 3 to delete/);
  });

  it('flags invalid entries and never plans them', () => {
    const plan = computePlan({ account: '999', revision: '3', reasons: [
      { id: '77', text: 'Ghost', state: 'Away' },
      { id: '5', text: 'Old', state: 'Away' },
      { text: '<script>', state: 'Away' },
      { text: 'Twice', state: 'Away' },
      { text: 'Twice', state: 'Online' },
      { text: 'Meeting', state: 'Online', enabled: true },
      { id: '1', text: 'Training', state: 'Away' },
    ] }, server, current);
    const invalid = plan.items.filter(i => i.kind === 'invalid').map(describePlanItem);
    assert.strictEqual(invalid.length, 5, invalid.join('\n'));
    assert.match(invalid[0], /id 77 is not on the server/);
    assert.match(invalid[1], /reason 5 .* is deleted/);
    assert.match(invalid.join('\n'), /reasons\[2\].*“<”/);
    assert.match(invalid.join('\n'), /reasons\[4\].*same text as reasons\[3\]/);
    // "Meeting" without id matches the server's Meeting (moved to Online); renaming 1 to "Training"
    // clashes with the kept reason 2
    assert.ok(plan.items.some(i => i.kind === 'update' && i.before.id === '4' && i.changes.includes('state')));
    assert.match(invalid[4], /Skip reasons\[6\].*Training.*kept/);
    assert.strictEqual(plan.warnings.length, 2);
    assert.match(plan.warnings[0], /account 999/);
    assert.match(plan.warnings[1], /revision 3 → 10/);
  });

  it('orders renames so a text is given up before it is taken (chains), and leaves cycles for the server to refuse', () => {
    const plan = computePlan({ reasons: [
      { id: '1', text: 'Training', state: 'Away' },
      { id: '2', text: 'Course', state: 'Away' },
      { id: '3', text: 'Coaching', state: 'Away', enabled: false },
      { id: '4', text: 'Meeting', state: 'Away' },
    ] }, server, current);
    assert.deepStrictEqual(plan.items.map(i => (i.kind === 'update' ? i.before.id : i.kind)), ['2', '1']);
    const cycle = computePlan({ reasons: [
      { id: '1', text: 'Training', state: 'Away' },
      { id: '2', text: 'Lunch', state: 'Away' },
      { id: '3', text: 'Coaching', state: 'Away', enabled: false },
      { id: '4', text: 'Meeting', state: 'Away' },
    ] }, server, current);
    assert.strictEqual(cycle.changeCount, 2, 'both renames are planned; the second runs after the server refused or accepted the first');
  });

  it('plans reorders from changed `order` values (`Move “Lunch” 3 → 1`), alone or with other changes; no order = keep the place', () => {
    const srv = [reason('1', 'Lunch', { order: 3 }), reason('2', 'Coffee', { order: 1 }), reason('3', 'Tea'), reason('4', 'Nap', { order: 5 })];
    const plan = computePlan({ reasons: [
      { id: '1', text: 'Lunch', state: 'Away', order: 1 },
      { id: '2', text: 'Coffee', state: 'Away', order: 4 },
      { id: '3', text: 'Tea', state: 'Away', order: 0 },
      { id: '4', text: 'Siesta', state: 'Away', enabled: false, order: 6 },
    ] }, srv, { accountId: '123' });
    assert.deepStrictEqual(plan.items.map(describePlanItem), [
      'Move “Lunch” 3 → 1 (id 1)',
      'Move “Coffee” 1 → 4 (id 2)',
      'Move “Tea” none → 0 (id 3)',
      'Rename “Nap” → “Siesta”, disable, order 5 → 6 (id 4)',
    ]);
    assert.strictEqual(plan.changeCount, 4);
    const update = plan.items[0];
    assert.ok(update.kind === 'update');
    assert.deepStrictEqual([update.changes, update.after.order], [['order'], 1]);
    const noOrder = computePlan({ reasons: [{ id: '1', text: 'Lunch', state: 'Away' }] }, srv, { accountId: '123' });
    assert.strictEqual(noOrder.changeCount, 0, 'a document reason without order keeps its place');
    assert.strictEqual(summarizePlan(plan), '0 to create, 4 to change, 0 to delete');
  });

  it('an already matching document plans nothing', () => {
    const doc = buildDocument('123', '10', server);
    const plan = computePlan(parseDocument(JSON.stringify(doc)), server, current);
    assert.strictEqual(plan.changeCount, 0);
    assert.strictEqual(plan.items.length, 0);
  });
});
