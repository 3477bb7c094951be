import * as assert from 'node:assert/strict';
import { describeDifferences, findLookalike, lookalikeDifferences, lookalikeKey, lookalikesInBatch } from '../../../src/domain/lookalike';
import { findDuplicateText } from '../../../src/domain/reasonRules';

const reasons = [
  { id: 1, text: 'Lunch break', deleted: false },
  { id: 2, text: 'Coffee', deleted: false },
  { id: 3, text: 'Meeting', deleted: true },
  { id: '4', text: 'Straße', deleted: false },
];

describe('domain/lookalike', () => {
  describe('lookalikeKey', () => {
    const same: [string, string, string][] = [
      ['case', 'Lunch Break', 'lunch break'],
      ['upper case', 'LUNCH BREAK', 'lunch break'],
      ['surrounding spaces', '  Lunch break\t', 'lunch break'],
      ['repeated spaces', 'Lunch    break', 'lunch break'],
      ['a tab inside', 'Lunch\tbreak', 'lunch break'],
      ['NBSP', 'Lunch\u00a0break', 'lunch break'],
      ['en, em and thin spaces', 'Lunch\u2002\u2003\u2009break', 'lunch break'],
      ['narrow NBSP', 'Lunch\u202fbreak', 'lunch break'],
      ['ideographic space', 'Lunch\u3000break', 'lunch break'],
      ['a zero-width space inside a word (dropped: it is invisible)', 'Lun\u200bch break', 'lunch break'],
      ['zero-width spaces at the ends', '\u200bLunch break\u200b', 'lunch break'],
      ['a soft hyphen', 'Lun\u00adch break', 'lunch break'],
      ['full-width letters (NFKC)', 'Ｌｕｎｃｈ break', 'lunch break'],
      ['a ligature (NFKC)', 'ﬁle', 'file'],
      ['styled math letters (NFKC)', '𝐋𝐮𝐧𝐜𝐡 break', 'lunch break'],
      ['decomposed accents (NFKC composes them)', 'Cafe\u0301', 'café'],
      ['ß folded to ss', 'STRASSE', 'strasse'],
      ['ß', 'Straße', 'strasse'],
      ['capital ẞ', 'STRAẞE', 'strasse'],
      ['Greek final sigma', 'ΟΔΟΣ', 'oδoσ'],
      ['Cyrillic а е о р с у х', 'аеорсух', 'aeopcyx'],
      ['Cyrillic і ј ѕ ԁ ӏ', 'іјѕԁӏ', 'ijsdl'],
      ['Latin script g and dotless ı', 'ɡıt', 'git'],
      ['Cyrillic upper case А В Е К М Н О Р С Т Х', 'АВЕКМНОРСТХ', 'abekmhopctx'],
      ['Greek ο α ν ρ τ ι κ', 'οανρτικ', 'oavptik'],
      ['Greek upper case Α Β Ε Η Ι Κ Μ Ν Ο Ρ Τ Χ', 'ΑΒΕΗΙΚΜΝΟΡΤΧ', 'abehikmnoptx'],
      ['a mixed-script "Coffee"', 'Cоffее', 'coffee'],
      ['Cyrillic В as B, not в', 'Вreak', 'break'],
    ];
    for (const [what, text, key] of same) {
      it(`folds ${what}`, () => assert.equal(lookalikeKey(text), key));
    }

    it('does not fold digits into letters, or accents away', () => {
      assert.notEqual(lookalikeKey('C0ffee'), lookalikeKey('Coffee'));
      assert.notEqual(lookalikeKey('Lunch 1'), lookalikeKey('Lunch l'));
      assert.notEqual(lookalikeKey('Café'), lookalikeKey('Cafe'));
      assert.notEqual(lookalikeKey('Lunchbreak'), lookalikeKey('Lunch break'));
    });

    it('keeps emoji and the zero-width joiner of emoji sequences', () => {
      assert.equal(lookalikeKey('Family 👨‍👩‍👧'), 'family 👨‍👩‍👧');
      assert.notEqual(lookalikeKey('👨‍👩'), lookalikeKey('👨👩'));
    });

    it('leaves other scripts readable (a Cyrillic word without Latin look-alikes)', () => {
      assert.equal(lookalikeKey('Обед'), 'oбeд');
      assert.equal(lookalikeKey('休憩'), '休憩');
    });
  });

  describe('findLookalike', () => {
    it('names the existing reason a text looks like', () => {
      assert.equal(findLookalike('lunch  BREAK', reasons)?.id, 1);
      assert.equal(findLookalike('Lunch\u00a0break', reasons)?.id, 1);
      assert.equal(findLookalike('Cоffее', reasons)?.id, 2);
      assert.equal(findLookalike('STRASSE', reasons)?.id, '4');
    });

    it('reports nothing for an identical text: that is a duplicate (findDuplicateText), not a look-alike', () => {
      assert.equal(findLookalike('Lunch break', reasons), undefined);
      assert.equal(findDuplicateText('Lunch break', reasons)?.id, 1);
    });

    it('reports nothing for a text that only looks like itself among duplicates and look-alikes', () => {
      assert.equal(findDuplicateText('lunch break', reasons), undefined);
      assert.equal(findLookalike('Tea', reasons), undefined);
    });

    it('skips deleted reasons, as findDuplicateText does', () => {
      assert.equal(findLookalike('meeting', reasons), undefined);
      assert.equal(findDuplicateText('Meeting', reasons), undefined);
    });

    it('skips the reason being renamed (ignoreId, string or number)', () => {
      assert.equal(findLookalike('LUNCH BREAK', reasons, 1), undefined);
      assert.equal(findLookalike('LUNCH BREAK', reasons, '1'), undefined);
      assert.equal(findLookalike('straße ', reasons, 4), undefined);
      assert.equal(findLookalike('LUNCH BREAK', reasons, 2)?.id, 1);
    });

    it('finds a look-alike even when an identical reason exists beside it', () => {
      const list = [...reasons, { id: 9, text: 'LUNCH BREAK', deleted: false }];
      assert.equal(findLookalike('LUNCH BREAK', list)?.id, 1);
    });
  });

  describe('lookalikesInBatch', () => {
    it('pairs every look-alike with the first earlier different text', () => {
      const found = lookalikesInBatch(['Lunch', 'Coffee', 'lunch', 'LUNCH ', 'Cоffee', 'Tea']);
      assert.deepEqual(found, [
        { index: 2, text: 'lunch', likeIndex: 0, likeText: 'Lunch' },
        { index: 3, text: 'LUNCH ', likeIndex: 0, likeText: 'Lunch' },
        { index: 4, text: 'Cоffee', likeIndex: 1, likeText: 'Coffee' },
      ]);
    });

    it('leaves identical repeats to the duplicate check', () => {
      assert.deepEqual(lookalikesInBatch(['Lunch', 'Lunch']), []);
      assert.deepEqual(lookalikesInBatch(['Lunch', 'Lunch', 'lunch']), [{ index: 2, text: 'lunch', likeIndex: 0, likeText: 'Lunch' }]);
    });

    it('finds nothing in an empty or a distinct batch', () => {
      assert.deepEqual(lookalikesInBatch([]), []);
      assert.deepEqual(lookalikesInBatch(['A', 'B', 'Café', 'Cafe', 'C0ffee', 'Coffee']), []);
    });
  });

  describe('lookalikeDifferences', () => {
    it('says what differs', () => {
      assert.deepEqual(lookalikeDifferences('Lunch', 'lunch'), ['case']);
      assert.deepEqual(lookalikeDifferences('Lunch break', 'Lunch\u00a0 break '), ['spacing']);
      assert.deepEqual(lookalikeDifferences('Coffee', 'Cоffee'), ['look-alike letters']);
      assert.deepEqual(lookalikeDifferences('Coffee', 'Ｃoffee'), ['character forms']);
      assert.deepEqual(lookalikeDifferences('Lunch break', ' LUNCH  break'), ['case', 'spacing']);
      assert.deepEqual(lookalikeDifferences('same', 'same'), []);
    });

    it('words them for a message', () => {
      assert.equal(describeDifferences(['case']), 'case');
      assert.equal(describeDifferences(['case', 'spacing']), 'case and spacing');
      assert.equal(describeDifferences(['case', 'spacing', 'look-alike letters']), 'case, spacing and look-alike letters');
      assert.equal(describeDifferences([]), '');
    });
  });
});
