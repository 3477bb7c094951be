// Composition root. Activation only builds objects and registers commands, views and providers:
// no network call happens here. (Owned by the shell; features plug in through FeatureContext.)
import * as vscode from 'vscode';
import { createPlatform } from './platform/platform';
import { registerAccounts } from './auth';
import { registerStatusReasons } from './statusReasons';
import { registerAgents } from './agents';
import { registerTimeline } from './timeline';
import type { ExtensionApi } from './extensionApi';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const platform = createPlatform(context);
  const accounts = registerAccounts(platform);
  const ctx = { ...platform.featureContext, session: accounts.session };
  const statusReasons = registerStatusReasons(ctx);
  const agents = registerAgents(ctx);
  const timeline = registerTimeline(ctx);
  return {
    setPrompter: p => platform.setPrompter(p),
    contextKey: key => platform.featureContext.contextKeys.get(key),
    accounts: accounts.testHooks,
    session: accounts.session,
    statusReasons,
    agents,
    timeline,
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions and disposed by VS Code.
}
