// What the panel says when loading fails: a title, the (redacted) message, the next step, and the
// actions the host can run. A 403 names the permission the key lacks; a username/password session
// refused by Agent Activity (it takes API keys or OAuth 2.0 client credentials) asks for one of those for the same account; a panel of
// another account, or of a signed-out one, says whose it is. No `vscode` here.
import { LivePersonError } from '../api/errors';
import { redact } from '../api/redact';
import { APIS } from '../api/httpErrors';
import type { PanelError } from '../shared/protocol';
import { SIGN_IN_WITH_KEY_LABEL } from '../shared/actionLabels';

const RETRY = { id: 'retry', label: 'Retry' } as const;
const SIGN_IN = { id: 'signIn', label: 'Sign In…' } as const;
const SHOW_LOG = { id: 'showLog', label: 'Show Log' } as const;

const SIGN_IN_WITH_KEY = { id: 'signInWithKey', label: SIGN_IN_WITH_KEY_LABEL } as const;
/** a 403: liveperson.checkPermissions, one row per API */
const CHECK_PERMISSIONS = { id: 'checkPermissions', label: 'Check Permissions' } as const;
/** Where the Agent Activity permission sits in LivePerson's API key screen. */
export const ACTIVITY_PERMISSION_PATH = APIS.agentActivity.permission;

/** Who the failed request ran as: a username/password login is refused by Agent Activity. */
export interface ErrorContext { method?: string; accountId?: string }

export function panelError(e: unknown, who: ErrorContext = {}): PanelError {
  const kind = e instanceof Error ? (e as LivePersonError).kind : undefined;
  if (who.method === 'login' && (kind === 'auth' || kind === 'permission')) return apiKeyNeeded(who.accountId, redact((e as Error).message));
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
          actions: [SIGN_IN, CHECK_PERMISSIONS, SHOW_LOG],
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

export function apiKeyNeeded(accountId: string | undefined, detail: string): PanelError {
  return {
    kind: 'permission', title: 'Agent Activity needs an API key',
    message: `You are signed in${accountId ? ` to account ${accountId}` : ''} with a username and password. Agent Activity does not accept that login: it takes an API key (OAuth 1.0a) with the “${ACTIVITY_PERMISSION_PATH}” permission, or OAuth 2.0 client credentials.`,
    hint: `Sign in to the same account with such a key, or with the client id and secret of an OAuth 2.0 application (an account administrator can create either). The server said: ${detail}`,
    actions: [SIGN_IN_WITH_KEY, CHECK_PERMISSIONS, SHOW_LOG],
  };
}

/** No account is active: nothing of the panel's (former) account is shown any more. */
export function notSignedIn(accountId?: string): PanelError {
  return accountId
    ? { kind: 'auth', title: 'Signed out', message: `This timeline belongs to account ${accountId}, and you are signed out: its data was cleared.`, hint: `Sign in to account ${accountId} again to see it.`, actions: [SIGN_IN, RETRY] }
    : { kind: 'auth', title: 'Not signed in', message: 'Sign in to a LivePerson account to see its agents’ activity.', hint: 'No account? Try the demo account from the LivePerson view.', actions: [SIGN_IN, RETRY] };
}

/** The active account is not the panel's: its agent ids would mean other people there. */
export function otherAccount(own: string, active: string): PanelError {
  return {
    kind: 'account', title: `This timeline belongs to account ${own}`,
    message: `You are now signed in to account ${active}. This timeline's agents are people of account ${own}, so nothing is loaded from account ${active}.`,
    hint: `Switch back to account ${own}, or open a new timeline for account ${active}.`,
    actions: [{ id: 'switchAccount', label: 'Switch Account…' }, { id: 'openNew', label: `Open a Timeline for ${active}…` }, SHOW_LOG],
  };
}
