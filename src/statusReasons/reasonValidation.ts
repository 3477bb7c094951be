// The reason-text check the UI runs live (validateInput) and before any POST/PUT: the server's own
// rules (src/domain/reasonRules.ts) plus a message that names the reason a text clashes with, and a
// warning (never a refusal) for a text that only looks like an existing one.
// No `vscode` here.
import type { StatusReason } from '../api/types';
import { describeDifferences, findLookalike, lookalikeDifferences, type LookalikeIndex } from '../domain/lookalike';
import { findDuplicateText, reasonTextProblem } from '../domain/reasonRules';

type ReasonLike = Pick<StatusReason, 'id' | 'text' | 'deleted'> & { state?: string; enabled?: boolean };

/** A message saying why the server would refuse `text`, or undefined when it would accept it. */
export function reasonTextError(text: string, existing: readonly ReasonLike[], exceptId?: string): string | undefined {
  const problem = reasonTextProblem(text);
  if (problem) return problem;
  const clash = duplicateOf(text, existing, exceptId);
  if (clash) return `A reason with this text already exists: “${clash.text}” (${[clash.state, `id ${clash.id}`, clash.enabled === false ? 'disabled' : undefined].filter(Boolean).join(', ')}). Texts must be unique.`;
  return undefined;
}

/** The non-deleted reason whose text is exactly `text` (other than `exceptId`), if any. */
export function duplicateOf<T extends ReasonLike>(text: string, existing: readonly T[], exceptId?: string): T | undefined {
  return findDuplicateText(text, existing, exceptId);
}

/**
 * A warning (not a refusal) when `text` differs from an existing non-deleted reason only by case,
 * spacing, look-alike letters or character forms (src/domain/lookalike.ts): agents could not tell the
 * two apart in their status menu. The user may still go on.
 */
export function lookalikeWarning(text: string, existing: readonly ReasonLike[] | LookalikeIndex<ReasonLike>, exceptId?: string): string | undefined {
  if (reasonTextProblem(text)) return undefined;
  const like = findLookalike(text, existing, exceptId);
  if (!like) return undefined;
  return `Looks like the existing reason “${like.text}” (${[like.state, `id ${like.id}`].filter(Boolean).join(', ')}): it differs only in ${describeDifferences(lookalikeDifferences(text, like.text))}, so agents could not tell them apart.`;
}
