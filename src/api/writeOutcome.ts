// A write whose answer is lost — timed out, connection broken after sending, body cut off or
// unreadable, 5xx after retries, or a retry after a 5xx that met our own change — may have been
// applied. Its outcome is read back from the server before anything is reported (settleWrite):
// applied → the write's result; not applied → the original error, marked `notApplied` (a retry is
// safe); the read fails too → OutcomeUnknownError ("may have been applied", Refresh — never a blind
// retry).
import { isCancellation, LivePersonError, OutcomeUnknownError, PartlyAppliedError } from './errors';
import type { Logger } from './logger';
import { redact } from './redact';

/** Did this failure leave the write's outcome unknown? */
export function outcomeUnknown(e: unknown): e is LivePersonError {
  if (!(e instanceof LivePersonError) || e.notSent) return false;
  switch (e.kind) {
    case 'timeout':
    case 'badResponse':
    case 'server':
      return true;
    case 'network':
      return true;
    case 'conflict':
    case 'notFound':
      return !!e.afterServerError;
    default:
      return false;
  }
}

/**
 * `e` is what the write threw; `readBack` asks the server whether the change is there (its result
 * when it is, undefined when it is not). Always throws or returns the applied result.
 */
export async function settleWrite<T>(e: unknown, what: string, readBack: () => Promise<T | undefined>, log: Logger): Promise<T> {
  if (!outcomeUnknown(e)) throw e;
  log.warn(redact(`${what}: the answer was lost (${e.kind}); reading the status reasons back to see whether it was applied`));
  let found: T | undefined;
  try {
    found = await readBack();
  } catch (readError) {
    if (isCancellation(readError)) throw readError;
    if (readError instanceof PartlyAppliedError) throw readError;
    log.warn(redact(`${what}: reading back failed too (${readError instanceof Error ? readError.message : String(readError)}); it may have been applied`));
    throw new OutcomeUnknownError(what, e, readError);
  }
  if (found !== undefined) {
    log.info(redact(`${what}: read back — it was applied`));
    return found;
  }
  log.info(redact(`${what}: read back — it was not applied`));
  e.notApplied = true;
  throw e;
}
