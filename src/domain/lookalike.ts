// Look-alike status reason texts: two texts a reader cannot tell apart, or hardly, though the
// server accepts both (its uniqueness rule is exact and case-sensitive — see findDuplicateText in
// reasonRules.ts). The key folds what a reader does not see: Unicode compatibility forms (NFKC:
// full-width letters, ligatures, styled math letters), case (full folding: ß → ss, final ς → σ),
// spacing (runs of any space — NBSP, en/em/thin spaces, ideographic space, tabs — are one space;
// ends trimmed; zero-width characters dropped) and the common Cyrillic / Greek letters drawn like
// Latin ones (Cyrillic а for Latin a). Digits and letters are NOT folded (0 vs O, 1 vs l): those
// are told apart in the fonts reasons are shown in. No `vscode` here.

/** Letters drawn like a Latin letter, by case: the upper-case ones map before case folding, so Cyrillic В reads as B, not в. */
const CONFUSABLES: Readonly<Record<string, string>> = {
  // Cyrillic lower case
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's',
  'ԁ': 'd', 'ӏ': 'l', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w', 'ү': 'y', 'ё': 'ë', 'ї': 'ï',
  // Cyrillic upper case
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
  'Х': 'X', 'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'Ӏ': 'I', 'Ү': 'Y', 'Ԛ': 'Q', 'Ԝ': 'W', 'Ё': 'Ë', 'Ї': 'Ï',
  // Greek lower case
  'ο': 'o', 'α': 'a', 'ν': 'v', 'ρ': 'p', 'τ': 't', 'ι': 'i', 'κ': 'k', 'υ': 'u',
  // Greek upper case
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
  'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X',
  // Latin letters drawn like other Latin letters
  'ı': 'i', 'ɡ': 'g', 'ɑ': 'a', 'ɩ': 'i', 'ʏ': 'y',
};
const CONFUSABLE_CHAR = new RegExp(`[${Object.keys(CONFUSABLES).join('')}]`, 'gu');

/** Any run of spacing: ASCII whitespace, NBSP, U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000 (JS `\s`). */
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;
/** Invisible format characters, dropped: soft hyphen, zero-width space / non-joiner, word joiner, bidi marks, BOM. (The zero-width joiner of emoji sequences stays.) */
const INVISIBLE = /[\u00ad\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

const unconfuse = (s: string) => s.replace(CONFUSABLE_CHAR, c => CONFUSABLES[c] ?? c);
/** Full case folding, near enough: lower, upper, lower turns ß and ẞ into ss and ŉ into ʼn; final sigma is sigma. */
const foldCase = (s: string) => s.toLowerCase().toUpperCase().toLowerCase().replace(/ς/g, 'σ');
const collapseSpaces = (s: string) => s.replace(INVISIBLE, '').replace(SPACES, ' ').trim();

/** The text as a reader sees it: texts with the same key look alike. */
export function lookalikeKey(text: string): string {
  const normalized = collapseSpaces(text.normalize('NFKC'));
  // Map before and after folding: upper-case look-alikes (В → B) first, then the lower-case
  // letters folding made of upper-case ones that have no entry of their own.
  return unconfuse(foldCase(unconfuse(normalized))).normalize('NFKC');
}

/** What makes two look-alike texts differ, for a message ("differs only in case and spacing"). */
export type LookalikeDifference = 'case' | 'spacing' | 'look-alike letters' | 'character forms';

/** The kinds of difference between two texts with the same key: each one the key would need to fold to make them equal. */
export function lookalikeDifferences(a: string, b: string): LookalikeDifference[] {
  if (a === b) return [];
  const without = (skip: LookalikeDifference) => (s: string) => {
    let t = skip === 'character forms' ? s : s.normalize('NFKC');
    if (skip !== 'spacing') t = collapseSpaces(t);
    if (skip !== 'look-alike letters') t = unconfuse(t);
    if (skip !== 'case') t = foldCase(t);
    if (skip !== 'look-alike letters') t = unconfuse(t);
    return t;
  };
  const kinds: LookalikeDifference[] = ['case', 'spacing', 'look-alike letters', 'character forms'];
  const found = kinds.filter(k => without(k)(a) !== without(k)(b));
  if (found.length) return found;
  // NFKC already turns a no-break space into a space: to a reader that is still spacing
  return a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '') ? ['spacing'] : ['character forms'];
}

/** "case and spacing" */
export function describeDifferences(kinds: readonly LookalikeDifference[]): string {
  if (kinds.length <= 1) return kinds[0] ?? '';
  return `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`;
}

/**
 * The lookalike keys of a list of reasons, computed once: for checking many texts against the same
 * list (the lines of a bulk create) without folding every reason again for each one.
 */
export class LookalikeIndex<T extends { id: string | number; text: string; deleted: boolean }> {
  private readonly byKey = new Map<string, T[]>();
  constructor(reasons: readonly T[]) {
    for (const r of reasons) {
      if (r.deleted) continue;
      const key = lookalikeKey(r.text);
      const list = this.byKey.get(key);
      if (list) list.push(r);
      else this.byKey.set(key, [r]);
    }
  }

  /** See findLookalike. */
  find(text: string, ignoreId?: string | number): T | undefined {
    const ignore = ignoreId === undefined ? undefined : String(ignoreId);
    return this.byKey.get(lookalikeKey(text))?.find(r => r.text !== text && String(r.id) !== ignore);
  }
}

/**
 * The non-deleted reason (other than `ignoreId`, the one being renamed) whose text looks like `text`
 * but is not identical to it. An identical text is a plain duplicate: findDuplicateText reports it
 * (and the server refuses it), so it is not reported here.
 */
export function findLookalike<T extends { id: string | number; text: string; deleted: boolean }>(
  text: string,
  reasons: readonly T[] | LookalikeIndex<T>,
  ignoreId?: string | number,
): T | undefined {
  return (reasons instanceof LookalikeIndex ? reasons : new LookalikeIndex(reasons)).find(text, ignoreId);
}

/** A text of a batch that looks like an earlier, different text of the same batch. */
export interface BatchLookalike {
  index: number;
  text: string;
  /** the first earlier text it looks like */
  likeIndex: number;
  likeText: string;
}

/** Every text of a batch (bulk create, apply) that looks like an earlier, not identical, one of the batch. Identical repeats are duplicates, reported elsewhere. */
export function lookalikesInBatch(texts: readonly string[]): BatchLookalike[] {
  const seen = new Map<string, { index: number; text: string }[]>();
  const found: BatchLookalike[] = [];
  texts.forEach((text, index) => {
    const key = lookalikeKey(text);
    const earlier = seen.get(key) ?? [];
    const like = earlier.find(e => e.text !== text);
    if (like) found.push({ index, text, likeIndex: like.index, likeText: like.text });
    if (!earlier.some(e => e.text === text)) earlier.push({ index, text });
    seen.set(key, earlier);
  });
  return found;
}
