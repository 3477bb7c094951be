// What the panel says when loading fails: a title, the (redacted) message, the next step, and the
// actions the host can run. A 403 names the permission the key lacks. No `vscode` here.
import { LivePersonError } from '../api/errors';
import { redact } from '../api/redact';
import { APIS } from '../api/httpErrors';
import type { PanelError } from '../shared/protocol';

const RETRY = { id: 'retry', label: 'Retry' } as const;
const SIGN_IN = { id: 'signIn', label: 'Sign In…' } as const;
const SHOW_LOG = { id: 'showLog', label: 'Show Log' } as const;

export function panelError(e: unknown): PanelError {
  if (e instanceof LivePersonError || (e instanceof Error && typeof (e as LivePersonError).kind === 'string')) {
    const err = e as LivePersonError;
    const message = redact(err.message);
    const hint = redact(err.hint ?? '');
    switch (err.kind) {
      case 'permission':
        return {
          kind: 'permission', title: 'Missing permission: Agent Activity',
          message,
          hint: hint || `The API key or user needs the “${APIS.agentActivity.permission}” permission. Ask an account administrator to grant it, or sign in with a key that has it.`,
          actions: [SIGN_IN, SHOW_LOG],
        };
      case 'auth':
        return { kind: 'auth', title: 'Signed out', message, hint: hint || 'Sign in again, then retry.', actions: [SIGN_IN, RETRY, SHOW_LOG] };
      case 'validation':
        return { kind: 'validation', title: 'This range cannot be requested', message, hint: hint || 'Pick another range.', actions: [{ id: 'lastWeek', label: 'Show last 7 days' }, SHOW_LOG] };
      case 'network': case 'server': case 'timeout': case 'rateLimit': case 'badResponse':
        return { kind: err.kind, title: 'Could not load the activity', message, hint: hint || 'Try again in a moment.', actions: [RETRY, SHOW_LOG] };
      default:
        return { kind: err.kind, title: 'Could not load the activity', message, hint, actions: [RETRY, SHOW_LOG] };
    }
  }
  const text = e instanceof Error ? e.message : String(e);
  return { kind: 'unexpected', title: 'Something went wrong', message: redact(text), hint: 'The log has the details.', actions: [RETRY, SHOW_LOG] };
}

export function notSignedIn(): PanelError {
  return { kind: 'auth', title: 'Not signed in', message: 'Sign in to a LivePerson account to see its agents’ activity.', hint: 'No account? Try the demo account from the LivePerson view.', actions: [SIGN_IN, RETRY] };
}
