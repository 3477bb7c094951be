// The one command wrapper every command goes through (FeatureContext.registerCommand):
// cancellation is silent; a LivePersonError becomes one message (message + hint) with actions —
// Sign In (auth), Check Permissions (permission), Retry (network/server/rateLimit/timeout: runs the command again with the same
// arguments), Refresh (a write that may have been applied: runs the feature's `….refresh` command,
// the sibling of the failed command's id) and Show Log; anything else becomes one message + Show Log. Everything is logged
// redacted; command arguments are never logged (signIn's carry credentials).
import * as vscode from 'vscode';
import type { CommandHandler, Log } from './featureContext';
import type { Prompter } from './prompter';
import { CHECK_PERMISSIONS, CHECK_PERMISSIONS_COMMAND, presentError, REFRESH, RETRY, SHOW_LOG, SIGN_IN } from './errorPresentation';
import { refreshCommandOf } from './refreshCommand';

export const SIGN_IN_COMMAND = 'liveperson.signIn';

export type RegisterCommand = (id: string, handler: CommandHandler) => void;

export function createCommandRegistrar(
  subscriptions: { push(d: vscode.Disposable): unknown },
  log: Log,
  prompter: Prompter,
): RegisterCommand {
  return (id, handler) => {
    const run = async (args: unknown[]): Promise<unknown> => {
      const started = Date.now();
      log.debug(`${id}: started`);
      try {
        const result = await handler(...args);
        log.debug(`${id}: done in ${Date.now() - started} ms`);
        return result;
      } catch (error) {
        const shown = presentError(error, id);
        if (shown.silent) {
          log.debug(shown.logLine);
          return undefined;
        }
        log.error(shown.logLine);
        const choice = await prompter.error(shown.message, ...shown.actions);
        if (choice === RETRY) {
          log.info(`${id}: retrying at the user's request`);
          return run(args);
        }
        if (choice === REFRESH) await vscode.commands.executeCommand(refreshCommandOf(id));
        else if (choice === SIGN_IN) await vscode.commands.executeCommand(SIGN_IN_COMMAND);
        else if (choice === CHECK_PERMISSIONS) await vscode.commands.executeCommand(CHECK_PERMISSIONS_COMMAND);
        else if (choice === SHOW_LOG) log.show();
        return undefined;
      }
    };
    subscriptions.push(vscode.commands.registerCommand(id, (...args: unknown[]) => run(args)));
  };
}
