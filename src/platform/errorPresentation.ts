// Turns whatever a command threw into what the user sees (one message + actions) and what the log
// gets. Pure and free of `vscode`, so the mapping is unit-tested in plain Node.
import { isCancellation, LivePersonError, type ErrorKind } from '../api/errors';
import { redact } from '../api/redact';

export const SIGN_IN = 'Sign In';
export const RETRY = 'Retry';
export const SHOW_LOG = 'Show Log';
/** for a write that may have been applied: reload the feature's data (never a blind retry) */
export const REFRESH = 'Refresh';
/** a 403: run Check Permissions (liveperson.checkPermissions) for the active account */
export const CHECK_PERMISSIONS = 'Check Permissions';
export const CHECK_PERMISSIONS_COMMAND = 'liveperson.checkPermissions';
export type ErrorAction = typeof SIGN_IN | typeof RETRY | typeof REFRESH | typeof CHECK_PERMISSIONS | typeof SHOW_LOG;

/** The actions a refusal message adds for this error: Check Permissions for a 403. */
export function permissionActions(error: unknown): ErrorAction[] {
  return (error as { kind?: unknown } | null)?.kind === 'permission' ? [CHECK_PERMISSIONS] : [];
}

export interface ErrorPresentation {
  /** true for a cancellation: nothing is shown */
  silent: boolean;
  /** the one message shown to the user (redacted) */
  message: string;
  actions: ErrorAction[];
  /** the line written to the log (redacted, with the request and causes) */
  logLine: string;
}

const RETRYABLE: readonly ErrorKind[] = ['network', 'server', 'rateLimit', 'timeout'];
const MAX_CAUSES = 3;

/** `what` names the failed operation for the log, e.g. the command id. */
export function presentError(error: unknown, what: string): ErrorPresentation {
  if (isCancellation(error)) {
    return { silent: true, message: '', actions: [], logLine: `${what}: cancelled` };
  }
  if (error instanceof LivePersonError) {
    const causes = error.causes.slice(0, MAX_CAUSES).map(c => redact(c));
    const more = error.causes.length > MAX_CAUSES ? ` (+${error.causes.length - MAX_CAUSES} more)` : '';
    const parts = [ensureStop(redact(error.message))];
    if (causes.length) parts.push(ensureStop(`Details: ${causes.join('; ')}${more}`));
    // a lost answer that was read back: the server does not hold the change
    if (error.notApplied) parts.push('Checked: the server does not hold the change, so retrying is safe.');
    if (error.hint) parts.push(ensureStop(redact(error.hint)));
    const actions: ErrorAction[] = [];
    if (error.kind === 'auth') actions.push(SIGN_IN);
    if (RETRYABLE.includes(error.kind) || (error.notApplied && error.kind !== 'validation')) actions.push(RETRY);
    if (error.kind === 'outcomeUnknown' || error.kind === 'partlyApplied') actions.push(REFRESH);
    actions.push(...permissionActions(error));
    actions.push(SHOW_LOG);
    const status = error.status !== undefined ? ` ${error.status}` : '';
    const request = error.request ? ` — ${redact(error.request)}` : '';
    const logCauses = error.causes.length ? ` — causes: ${error.causes.map(c => redact(c)).join('; ')}` : '';
    return {
      silent: false,
      message: parts.join(' '),
      actions,
      logLine: `${what} failed [${error.kind}${status}]${request}: ${redact(error.message)}${logCauses}`,
    };
  }
  const text = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack ? `\n${redact(error.stack)}` : '';
  return {
    silent: false,
    message: ensureStop(`Something went wrong: ${redact(text)}`) + ' The log has the details.',
    actions: [SHOW_LOG],
    logLine: `${what} failed: ${redact(text)}${stack}`,
  };
}

function ensureStop(s: string): string {
  const t = s.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}
