// Accounts and credentials: SecretStorage-backed accounts, the sign-in/out/switch/demo commands and
// the authentication provider. Activation only builds objects and registers; the remembered active
// account is read from local storage afterwards (no network until a feature uses its client; the
// demo account, if it was active, restarts its in-process loopback emulator in that later step).
import * as vscode from 'vscode';
import { createLivePersonClient } from '../api/client';
import type { AccountSession } from '../platform/featureContext';
import type { Platform } from '../platform/platform';
import { AccountManager, type ClientFactory } from './accountManager';
import { AccountStore } from './accountStore';
import { SecretVault, secretKey } from './secretVault';
import { DemoEmulator } from './demoEmulator';
import { LivePersonAuthProvider, AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL } from './authProvider';
import type { AccountsDeps } from './signInService';
import { registerSignIn, signIn } from './commands/signIn';
import { registerSignOut } from './commands/signOut';
import { registerSwitchAccount } from './commands/switchAccount';
import { registerOpenDemo } from './commands/openDemo';
import { restoreActiveAccount } from './restoreDemo';
import { registerShowLog } from './commands/showLog';
import type { AccountsTestHooks } from './testHooks';

export type { AccountsTestHooks } from './testHooks';

const KEYRING_MESSAGE =
  'The system keyring is not available, so VS Code cannot store secrets. LivePerson credentials are kept in memory for this window only (never written to disk): you will need to sign in again after a reload.';

/** A saved account as other features may know it (no secret): its key (accountKey) and label. */
export interface SavedAccount { key: string; label: string }

export function registerAccounts(platform: Platform): { session: AccountSession; testHooks: AccountsTestHooks; savedAccounts(): SavedAccount[] } {
  const ctx = platform.featureContext;
  const { extensionContext: context, log } = ctx;

  const vault = new SecretVault(context.secrets, error => {
    log.error(`SecretStorage failed: ${error instanceof Error ? error.message : String(error)}. Credentials stay in memory for this window only.`);
    void ctx.prompter.warn(KEYRING_MESSAGE);
  });
  const createClient: ClientFactory = o =>
    createLivePersonClient({ ...o, logger: log, timeoutMs: ctx.settings.get('requestTimeoutSeconds') * 1000 });
  const manager = new AccountManager(new AccountStore(context.globalState), vault, createClient, ctx.contextKeys, log);
  const demo = new DemoEmulator(log);
  context.subscriptions.push(manager, demo);

  const deps: AccountsDeps = { ctx, manager, createClient };
  registerSignIn(deps);
  registerSignOut(deps);
  registerSwitchAccount(deps);
  registerOpenDemo(deps, demo);
  registerShowLog(deps);

  const provider = new LivePersonAuthProvider(manager, {
    signIn: async () => (await signIn(deps)) && manager.activeRecord?.key,
    signOut: async key => {
      await manager.signOut(key);
    },
  });
  context.subscriptions.push(provider, vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER_ID, AUTH_PROVIDER_LABEL, provider, { supportsMultipleAccounts: true }));

  // After registration, asynchronously: the remembered account (or the demo account restarted).
  const restore = () => restoreActiveAccount(deps, demo).catch(error => log.error(`Restoring the active account failed: ${error instanceof Error ? error.message : String(error)}`));
  let restored = restore();

  const testHooks: AccountsTestHooks = {
    whenRestored: () => restored,
    simulateReload: async () => {
      await restored;
      await manager.forgetWindowState();
      demo.dispose();
      restored = restore();
      await restored;
    },
    accounts: () => manager.accounts(),
    storedSecretKeys: async () => {
      const ids = new Set([...manager.accounts().map(r => r.key), ...vault.writtenIds()]);
      const present: string[] = [];
      for (const id of ids) if ((await context.secrets.get(secretKey(id))) !== undefined) present.push(secretKey(id));
      return present.sort();
    },
    readStoredSecret: async accountId => context.secrets.get(secretKey(accountId)),
    memoryOnlyAccountIds: () => vault.memoryOnly(),
    globalStateDump: () => Object.fromEntries(context.globalState.keys().map(k => [k, context.globalState.get(k)])),
    simulateSecretStorageFailure: fail => vault.simulateFailure(fail),
    demoEmulator: () => {
      const e = demo.current;
      return e && { url: e.url, control: e.control };
    },
    authSessions: () => Promise.resolve(provider.getSessions()),
  };
  return { session: manager, testHooks, savedAccounts: () => manager.accounts().map(r => ({ key: r.key, label: r.label })) };
}
