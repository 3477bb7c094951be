// liveperson.signOut — "Sign Out"
// Arguments: none (the active account) or { accountId } (any saved account; tests, Accounts menu).
// Removes that account's secrets from SecretStorage, its metadata from globalState, disposes its
// client (login sessions are logged out). Returns the account id signed out, or undefined.
import type { AccountsDeps } from '../signInService';

export const SIGN_OUT = 'liveperson.signOut';

export function registerSignOut(deps: AccountsDeps): void {
  deps.ctx.registerCommand(SIGN_OUT, arg => signOut(deps, arg));
}

export async function signOut(deps: AccountsDeps, arg?: unknown): Promise<string | undefined> {
  const named = typeof arg === 'object' && arg !== null ? (arg as { accountId?: unknown }).accountId : undefined;
  const accountId = typeof named === 'string' ? named : deps.manager.active?.accountId;
  if (!accountId) {
    void deps.ctx.prompter.info('You are not signed in to a LivePerson account.');
    return undefined;
  }
  const record = await deps.manager.signOut(accountId);
  return record?.accountId;
}
