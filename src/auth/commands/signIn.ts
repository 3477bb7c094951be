// liveperson.signIn — "Sign In…"
// Arguments:
//   none                         interactive: account id → method → fields, checked before saving;
//                                pre-filled from the active account (for "Sign In Again")
//   { accountId }                interactive, account id (and saved method/user name) pre-filled
//   { accountId, credentials, csdsUrl? }
//                                no prompts (tests): credentials is a Credentials object
//                                ({ kind: 'login', username, password } | { kind: 'oauth1', appKey,
//                                secret, accessToken, accessTokenSecret } | { kind: 'oauth2', clientId,
//                                clientSecret } | { kind: 'bearer', token });
//                                csdsUrl defaults to the liveperson.csdsUrl setting. A failed check
//                                throws (the wrapper shows it) and nothing is saved.
// Returns { accountId, label, method } once signed in, undefined when cancelled or failed.
import { ValidationError } from '../../api/errors';
import type { Credentials } from '../../api/types';
import { accountIdProblem, credentialsProblem } from '../accountRecord';
import { prefillFor, signInInteractively, signInWithCredentials, type AccountsDeps, type SignedIn } from '../signInService';

export const SIGN_IN = 'liveperson.signIn';

export function registerSignIn(deps: AccountsDeps): void {
  deps.ctx.registerCommand(SIGN_IN, arg => signIn(deps, arg));
}

export async function signIn(deps: AccountsDeps, arg?: unknown): Promise<SignedIn | undefined> {
  const a = typeof arg === 'object' && arg !== null ? (arg as Record<string, unknown>) : {};
  if (a.credentials !== undefined) {
    const problem = (typeof a.accountId === 'string' ? accountIdProblem(a.accountId) : 'accountId is required') ?? credentialsProblem(a.credentials);
    if (problem) throw new ValidationError(`liveperson.signIn: ${problem}.`);
    if (a.csdsUrl !== undefined && (typeof a.csdsUrl !== 'string' || !/^https?:\/\//.test(a.csdsUrl))) {
      throw new ValidationError('liveperson.signIn: csdsUrl must start with http:// or https://.');
    }
    return signInWithCredentials(deps, {
      accountId: (a.accountId as string).trim(),
      credentials: a.credentials as Credentials,
      csdsUrl: (a.csdsUrl as string | undefined) ?? deps.ctx.settings.get('csdsUrl'),
    });
  }
  return signInInteractively(deps, prefillFor(deps, typeof a.accountId === 'string' ? a.accountId : undefined));
}
