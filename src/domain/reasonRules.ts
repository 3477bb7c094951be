// Status reason text rules shared by the emulator, the client and the UI (liveperson-api.md §3.2):
// required, at most 100 characters, unique among non-deleted reasons (exact, case-sensitive), and
// LivePerson's ESAPI "safe medium string": letters of any script, digits, spaces, punctuation and
// symbols (emoji included) are fine; `<`, `>` and control characters are not. No `vscode` here.

export const REASON_TEXT_MAX = 100;

// Characters a safe string may contain: letters, marks (accents, emoji variation selectors),
// numbers, ordinary spaces, punctuation, symbols (emoji), and the zero-width joiner of emoji sequences.
const ALLOWED_CHAR = /^[\p{L}\p{M}\p{N}\p{Zs}\p{P}\p{S}\u200D]$/u;

/**
 * What is wrong with a status reason text, as a sentence a user can act on; `undefined` when it is valid.
 * Length is counted in UTF-16 code units, as the server (Java) counts it: an emoji may count as 2.
 */
export function reasonTextProblem(text: string): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return 'Text is required.';
  if (text.length > REASON_TEXT_MAX) return `Text is ${text.length} characters long; the maximum is ${REASON_TEXT_MAX}.`;
  if (/[<>]/.test(text)) return 'Text must not contain “<” or “>”.';
  for (const ch of text) {
    if (/^\p{Cc}$/u.test(ch)) return 'Text must not contain control characters (tabs, line breaks…).';
    if (!ALLOWED_CHAR.test(ch)) {
      const code = ch.codePointAt(0) ?? 0;
      return `Text contains a character that is not allowed (U+${code.toString(16).toUpperCase().padStart(4, '0')}).`;
    }
  }
  return undefined;
}

/**
 * The non-deleted reason whose text is exactly `text` (case-sensitive), other than `exceptId`
 * (the reason being renamed); `undefined` when the text is free.
 */
export function findDuplicateText<T extends { id: string | number; text: string; deleted: boolean }>(
  text: string,
  reasons: readonly T[],
  exceptId?: string | number,
): T | undefined {
  const except = exceptId === undefined ? undefined : String(exceptId);
  return reasons.find(r => !r.deleted && r.text === text && String(r.id) !== except);
}

/**
 * How many non-deleted status reasons one account may hold. LivePerson's API documentation names no
 * number; the emulator enforces this one (a 400 naming it) and the client refuses a create, bulk
 * create or apply that would go past it before sending anything.
 */
export const MAX_ACTIVE_REASONS = 500;

/** Why adding `adding` reasons to an account holding `active` non-deleted ones is refused; undefined when it fits. */
export function reasonCountProblem(active: number, adding: number, removing = 0): string | undefined {
  const after = active + adding - removing;
  if (adding <= 0 || after <= MAX_ACTIVE_REASONS) return undefined;
  const over = after - MAX_ACTIVE_REASONS;
  return `This would make ${after} status reasons (${active} now${removing ? `, ${removing} deleted` : ''}, ${adding} new); an account holds at most ${MAX_ACTIVE_REASONS}, not counting deleted ones. Leave out at least ${over}${removing ? ' or delete more' : ''}.`;
}
