// Why reason usage could not be loaded, as one line and the next actions — the timeline's rules
// (src/timeline/panelErrors.ts): a username/password session refused by Agent Activity is asked for
// an API key (or OAuth 2.0 client credentials) for the same account; a missing permission names it;
// anything else offers Retry. Messages are redacted there. No `vscode` here.
import type { Credentials } from '../../api/types';
import { panelError } from '../../timeline/panelErrors';
import { SIGN_IN_WITH_KEY_LABEL } from '../../agents/apiKeyNeeded';

export interface UsageProblem {
  /** one plain-text line: what happened, what to do */
  text: string;
  /** notification actions, the first being the next step: 'Sign In with an API Key…' | 'Sign In…' | 'Retry' | 'Show Log' */
  actions: string[];
  needsKey: boolean;
}

export function usageProblem(e: unknown, account: { accountId: string; method: Credentials['kind'] }): UsageProblem {
  const p = panelError(e, { method: account.method, accountId: account.accountId });
  const needsKey = p.actions.some(a => a.id === 'signInWithKey');
  const text = needsKey
    ? `Reason usage needs an API key: ${p.message} ${p.hint}`
    : `Reason usage could not be loaded: ${p.title}. ${p.message}${p.hint ? ` ${p.hint}` : ''}`;
  const actions = p.actions.filter(a => a.id === 'signInWithKey' || a.id === 'signIn' || a.id === 'retry' || a.id === 'showLog').map(a => (a.id === 'signInWithKey' ? SIGN_IN_WITH_KEY_LABEL : a.label));
  return { text, actions, needsKey };
}
