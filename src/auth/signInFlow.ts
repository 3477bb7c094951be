// The interactive sign-in: account id → method → the method's fields → checked against the server.
// Back works on every step after the first; every step keeps what was typed; a failed check re-opens
// the step it concerns with the reason shown. Talks only to the Prompter (no `vscode`).
import type { Credentials } from '../api/types';
import { BACK, type Prompter } from '../platform/prompter';
import { accountIdProblem, credentialsFrom, FIELDS, METHODS, type SignInMethod } from './accountRecord';
import { describeSignInFailure } from './signInFailure';

export interface SignInDraft {
  accountId: string;
  method: SignInMethod;
  values: Record<string, string>;
}
export interface SignInPrefill {
  accountId?: string;
  method?: SignInMethod;
  username?: string;
}
/** Checks the credentials against the server; resolves to whatever the caller keeps (the verified client). */
export type CredentialCheck<T> = (accountId: string, credentials: Credentials) => Promise<T>;

export interface SignInResult<T> {
  accountId: string;
  credentials: Credentials;
  checked: T;
}

const TITLE = 'Sign In to LivePerson';

export async function runSignInFlow<T>(
  prompter: Prompter,
  check: CredentialCheck<T>,
  prefill: SignInPrefill = {},
  onFailure?: (message: string, detail: string) => void,
): Promise<SignInResult<T> | undefined> {
  const draft: SignInDraft = { accountId: prefill.accountId ?? '', method: prefill.method ?? 'login', values: {} };
  if (prefill.username) draft.values.username = prefill.username;
  const problems = new Map<number, string>();
  let step = 0;
  for (;;) {
    const fields = FIELDS[draft.method];
    const total = 2 + fields.length;
    if (step >= total) {
      const accountId = draft.accountId.trim();
      const credentials = credentialsFrom(draft.method, draft.values);
      try {
        const checked = await check(accountId, credentials);
        return { accountId, credentials, checked };
      } catch (error) {
        const failure = describeSignInFailure(error, draft.method, accountId);
        if (failure.cancelled) return undefined;
        onFailure?.(failure.message, failure.detail);
        problems.set(failure.step, failure.message);
        step = failure.step;
        continue;
      }
    }
    const problem = problems.get(step);
    problems.delete(step);
    const common = { title: TITLE, step: step + 1, totalSteps: total, canGoBack: step > 0, ignoreFocusOut: true };
    if (step === 0) {
      const answer = await prompter.input({
        ...common,
        prompt: 'LivePerson account id (site id)',
        placeHolder: 'e.g. 12345678',
        value: draft.accountId,
        validate: accountIdProblem,
        validationMessage: problem,
      });
      if (answer === undefined) return undefined;
      if (answer === BACK) continue;
      draft.accountId = answer.trim();
      step = 1;
    } else if (step === 1) {
      const answer = await prompter.pick(
        METHODS.map(m => ({ label: m.label, detail: m.detail, value: m.method, picked: m.method === draft.method })),
        { ...common, placeHolder: problem ?? 'How do you sign in?', matchOnDetail: true },
      );
      if (answer === undefined) return undefined;
      if (answer === BACK) {
        step = 0;
        continue;
      }
      draft.method = answer;
      step = 2;
    } else {
      const field = fields[step - 2];
      const answer = await prompter.input({
        ...common,
        prompt: field.prompt,
        placeHolder: field.title,
        value: draft.values[field.key] ?? '',
        password: field.secret,
        validate: v => (v.trim() ? undefined : `${field.title} is required.`),
        validationMessage: problem,
      });
      if (answer === undefined) return undefined;
      if (answer === BACK) {
        step -= 1;
        continue;
      }
      draft.values[field.key] = answer;
      step += 1;
    }
  }
}
