// liveperson.switchAccount — "Switch Account…"
// Arguments: none (quick pick of saved accounts, plus "Sign in to another account…") or
// { accountId } (no prompt; tests). If the account's credentials are not in this window's secret
// storage (no keyring last time), the sign-in input opens pre-filled.
// Returns { accountId, label, method } of the now active account, or undefined.
import type { PickItem } from '../../platform/prompter';
import type { SignedIn } from '../signInService';
import { signInInteractively, prefillFor, type AccountsDeps } from '../signInService';

export const SWITCH_ACCOUNT = 'liveperson.switchAccount';
const ANOTHER = '\u0000another';

export function registerSwitchAccount(deps: AccountsDeps): void {
  deps.ctx.registerCommand(SWITCH_ACCOUNT, arg => switchAccount(deps, arg));
}

export async function switchAccount(deps: AccountsDeps, arg?: unknown): Promise<SignedIn | undefined> {
  const named = typeof arg === 'object' && arg !== null ? (arg as { accountId?: unknown }).accountId : undefined;
  let accountId = typeof named === 'string' ? named : undefined;
  if (accountId === undefined) {
    const activeId = deps.manager.active?.accountId;
    const items: PickItem<string>[] = deps.manager.accounts().map(r => ({
      label: r.label,
      description: r.accountId === activeId ? 'active' : r.isDemo ? 'this window only' : undefined,
      detail: r.isDemo ? 'Bundled emulator' : r.csdsUrl,
      value: r.accountId,
      iconId: r.accountId === activeId ? 'check' : 'account',
    }));
    items.push({ label: 'Sign in to another account…', value: ANOTHER, iconId: 'sign-in' });
    const picked = await deps.ctx.prompter.pick(items, { title: 'Switch LivePerson Account', placeHolder: 'Choose the account the views show' });
    if (typeof picked !== 'string') return undefined;
    if (picked === ANOTHER) return signInInteractively(deps, {});
    accountId = picked;
  }
  const record = deps.manager.find(accountId);
  if (!record) throw new Error(`There is no saved LivePerson account ${accountId}. Sign in to it first.`);
  if (!(await deps.manager.switchTo(accountId))) {
    void deps.ctx.prompter.info(`Sign in to ${record.label} again: its credentials are not available in this window.`);
    return signInInteractively(deps, prefillFor(deps, accountId));
  }
  return { accountId: record.accountId, label: record.label, method: record.method };
}
