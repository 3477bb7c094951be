// liveperson.switchAccount — "Switch Account…"
// Arguments: none (quick pick of saved accounts, plus "Sign in to another account…") or
// { accountId } (no prompt; tests; a saved account before the demo account with the same id,
// `demo:<id>` names the demo account). If the account's credentials are not in this window's secret
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
  let key = typeof named === 'string' ? deps.manager.resolve(named)?.key ?? named : undefined;
  if (key === undefined) {
    const activeKey = deps.manager.activeRecord?.key;
    const items: PickItem<string>[] = deps.manager.accounts().map(r => ({
      label: r.label,
      description: r.key === activeKey ? 'active' : r.isDemo ? 'this window only' : undefined,
      detail: r.isDemo ? 'Bundled emulator' : r.csdsUrl,
      value: r.key,
      iconId: r.key === activeKey ? 'check' : 'account',
    }));
    items.push({ label: 'Sign in to another account…', value: ANOTHER, iconId: 'sign-in' });
    const picked = await deps.ctx.prompter.pick(items, { title: 'Switch LivePerson Account', placeHolder: 'Choose the account the views show' });
    if (typeof picked !== 'string') return undefined;
    if (picked === ANOTHER) return signInInteractively(deps, {});
    key = picked;
  }
  const record = deps.manager.resolve(key);
  if (!record) throw new Error(`There is no saved LivePerson account ${key}. Sign in to it first.`);
  if (!(await deps.manager.switchTo(record.key))) {
    void deps.ctx.prompter.info(`Sign in to ${record.label} again: its credentials are not available in this window.`);
    return signInInteractively(deps, prefillFor(deps, record.key));
  }
  return { accountId: record.accountId, label: record.label, method: record.method };
}
