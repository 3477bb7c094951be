// Composition root. Activation only builds objects and registers commands, views and providers:
// no network call happens here. (Owned by the shell; features plug in through FeatureContext.)
import * as vscode from 'vscode';
import { createPlatform } from './platform/platform';
import { registerAccounts } from './auth';
import { registerStatusReasons } from './statusReasons';
import { registerAgents } from './agents';
import { registerTimeline } from './timeline';
import { registerPermissions } from './permissions';
import { registerDeepLinks } from './deepLinks';
import { registerRawData } from './rawData';
import type { ExtensionApi } from './extensionApi';
import type { AccountSession } from './platform/featureContext';

/**
 * Returns the test API only when VS Code runs the extension's tests (ExtensionMode.Test): its hooks
 * reach SecretStorage and the prompter, and any other extension could read what `activate` returns.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const platform = createPlatform(context);
  const accounts = registerAccounts(platform);
  const ctx = { ...platform.featureContext, session: accounts.session };
  const statusReasons = registerStatusReasons(ctx);
  const agents = registerAgents(ctx);
  const timeline = registerTimeline(ctx);
  registerPermissions(ctx);
  const deepLinks = registerDeepLinks({ ctx, savedAccounts: accounts.savedAccounts, revealReason: statusReasons.revealReason });
  registerRawData(ctx);
  startDemoIfAsked(accounts.testHooks.whenRestored(), accounts.session);
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    setPrompter: p => platform.setPrompter(p),
    contextKey: key => platform.featureContext.contextKeys.get(key),
    accounts: accounts.testHooks,
    session: accounts.session,
    statusReasons: statusReasons.testHooks,
    agents,
    timeline,
    deepLinks,
  };
}

/**
 * `npm run demo` sets LIVEPERSON_AUTO_DEMO=1 in the VS Code it launches: once the remembered account
 * (if any) is restored and nobody is signed in, start the bundled emulator's demo account — so the
 * product is usable the moment the LivePerson view opens. Ordinary installs never do this.
 */
function startDemoIfAsked(restored: Promise<unknown>, session: AccountSession): void {
  if (process.env.LIVEPERSON_AUTO_DEMO !== '1') return;
  void restored.then(() => {
    if (!session.active) void vscode.commands.executeCommand('liveperson.openDemo');
  });
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
