// A refusal message shown outside the command wrapper (status reason create / rename / create many
// re-ask for the input): a 403 offers Check Permissions there too, run when it is chosen.
import * as vscode from 'vscode';
import { CHECK_PERMISSIONS, CHECK_PERMISSIONS_COMMAND, permissionActions } from './errorPresentation';
import type { Prompter } from './prompter';

/** Shows `message` as an error without waiting for it; a 403 `error` adds Check Permissions. */
export function showRefusal(prompter: Prompter, message: string, error: unknown): void {
  void prompter.error(message, ...permissionActions(error)).then(async choice => {
    if (choice === CHECK_PERMISSIONS) await vscode.commands.executeCommand(CHECK_PERMISSIONS_COMMAND);
  });
}
