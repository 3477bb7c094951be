// Shows the active account's label in a view's description ("12345678 (admin)") and keeps it up to
// date. Each feature calls this once for the TreeView it owns.
import type * as vscode from 'vscode';
import type { AccountSession } from './featureContext';

export function showActiveAccountIn(view: { description?: string | boolean }, session: AccountSession): vscode.Disposable {
  const update = () => {
    view.description = session.active?.label ?? '';
  };
  update();
  return session.onDidChangeActive(update);
}
