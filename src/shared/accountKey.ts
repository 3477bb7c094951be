// Which account a timeline panel belongs to, as one string (PanelUiState.accountId): used by the
// host (src/timeline) and the webview toolbar. No `vscode`, no DOM.

/**
 * Which account a panel belongs to: the account id, or `demo:<id>` for the demo account (it shares
 * its id with a real account but holds other people). `accountText` is how it is shown.
 */
export function accountKey(account: { accountId: string; isDemo: boolean }): string {
  return account.isDemo ? `demo:${account.accountId}` : account.accountId;
}
export function accountText(key: string): string {
  return key.startsWith('demo:') ? `${key.slice(5)} (demo)` : key;
}
/** The plain account id of a key (what liveperson.signIn takes). */
export function accountIdOf(key: string): string {
  return key.startsWith('demo:') ? key.slice(5) : key;
}
