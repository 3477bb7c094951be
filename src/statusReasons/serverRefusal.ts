// Words for a write the server refused, and whether the user can fix it by editing the input.
import { LivePersonError, isCancellation } from '../api/errors';

/** Refusals the user can act on by changing what they typed (400, 409 duplicate, 403…). */
export function isRefusal(e: unknown): e is LivePersonError {
  if (isCancellation(e)) return false;
  const kind = e instanceof LivePersonError ? e.kind : (e as { kind?: unknown } | null)?.kind;
  return kind === 'validation' || kind === 'conflict' || kind === 'permission' || kind === 'notFound';
}

export function refusalText(e: LivePersonError): string {
  const causes = e.causes?.length ? ` (${e.causes.slice(0, 3).join('; ')})` : '';
  const status = e.status !== undefined ? ` [${e.status}]` : '';
  return `${e.message.replace(/\.$/, '')}${causes}${status}.`;
}

/** "The server refused “X”: …" for an answer, "“X” was not sent: …" for a refusal before sending. */
export function refusalSentence(subject: string, e: LivePersonError): string {
  return e.status !== undefined ? `The server refused ${subject}: ${refusalText(e)}` : `${subject} was not sent: ${refusalText(e)}`;
}

/** A write whose answer was lost and, read back, is not on the server: resending it is safe. */
export function lostButNotApplied(e: unknown): e is LivePersonError {
  return e instanceof LivePersonError && e.notApplied === true && !isRefusal(e);
}
