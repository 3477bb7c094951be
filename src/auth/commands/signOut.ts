// liveperson.signOut — "Sign Out"
// Arguments: none (the active account) or { accountId } (any known account — a saved account before
// the demo account with the same id; `demo:<id>` names the demo account).
// Removes that account's secrets from SecretStorage, its metadata from globalState, disposes its
// client (login sessions are logged out). Returns the account id signed out, or undefined.
import type { AccountsDeps } from '../signInService';

export const SIGN_OUT = 'liveperson.signOut';

export function registerSignOut(deps: AccountsDeps): void {
  deps.ctx.registerCommand(SIGN_OUT, arg => signOut(deps, arg));
}

export async function signOut(deps: AccountsDeps, arg?: unknown): Promise<string | undefined> {
  const named = typeof arg === 'object' && arg !== null ? (arg as { accountId?: unknown }).accountId : undefined;
  const record = typeof named === 'string' ? deps.manager.resolve(named) : deps.manager.activeRecord;
  if (!record) {
    void deps.ctx.prompter.info(typeof named === 'string' ? `There is no LivePerson account ${named} to sign out of.` : 'You are not signed in to a LivePerson account.');
    return undefined;
  }
  await deps.manager.signOut(record.key);
  return record.accountId;
}
