import * as assert from 'assert';
import { checkLines, parseLines, parseSource, sourceNoun, splitTyped, toNewReasons } from '../../../src/statusReasons/bulkLines';
import { reason } from './fixtures';

describe('statusReasons/bulkLines', () => {
  it('splits a typed line on ; and |', () => {
    assert.deepStrictEqual(parseLines(splitTyped('Lunch; Training, Online | Coaching, Away, disabled;;')).map(l => [l.text, l.state, l.enabled]), [
      ['Lunch', undefined, true],
      ['Training', 'Online', true],
      ['Coaching', 'Away', false],
    ]);
  });

  it('keeps commas that are part of the text, and reads quoted CSV', () => {
    const lines = parseSource('Lunch, then nap\n"Coffee, tea", occupied\n\nBreak, Away, enabled\n');
    assert.deepStrictEqual(lines.map(l => [l.line, l.text, l.state, l.enabled]), [
      [1, 'Lunch, then nap', undefined, true],
      [2, 'Coffee, tea', 'Occupied', true],
      [4, 'Break', 'Away', true],
    ]);
  });

  it('reads JSON arrays of strings or objects and exported documents', () => {
    assert.deepStrictEqual(parseSource('["A", {"text":"B","state":"Online","enabled":false}]').map(l => [l.text, l.state, l.enabled]), [
      ['A', undefined, true],
      ['B', 'Online', false],
    ]);
    assert.strictEqual(parseSource('{"reasons":[{"text":"C","state":"Away"}]}')[0].text, 'C');
    assert.throws(() => parseSource('[1, 2'), /JSON could not be read/);
    assert.throws(() => parseSource('{"x":1}'), /Expected a JSON array/);
    assert.deepStrictEqual([sourceNoun('["a"]'), sourceNoun(' {"reasons":[]}'), sourceNoun('a\nb, Away')], ['item', 'item', 'line']);
  });

  it('flags invalid, too long, duplicate and state-less lines', () => {
    const existing = [reason('1', 'Lunch'), reason('2', 'Old', { deleted: true })];
    const lines = parseLines(['Lunch', 'Old', '<b>x</b>', 'x'.repeat(101), 'Fine, Online', 'Fine', 'Plain']);
    const checked = checkLines(lines, existing);
    const problems = checked.map(l => l.problem ?? '');
    assert.match(problems[0], /duplicate of existing reason “Lunch”/);
    assert.strictEqual(problems[1].includes('duplicate'), false, 'deleted reasons do not count');
    assert.match(problems[2], /“<”/);
    assert.match(problems[3], /maximum is 100/);
    assert.strictEqual(problems[4], '');
    assert.match(problems[5], /same text as line 5/);
    assert.match(problems[6], /no state/);
    assert.match(checkLines(lines, existing, undefined, 'item')[5].problem ?? '', /same text as item 5/, 'typed or JSON sources count items');
    const withDefault = checkLines(lines, existing, 'Away');
    assert.deepStrictEqual(toNewReasons(withDefault), [
      { text: 'Old', state: 'Away', enabled: true },
      { text: 'Fine', state: 'Online', enabled: true },
      { text: 'Plain', state: 'Away', enabled: true },
    ]);
  });
});
