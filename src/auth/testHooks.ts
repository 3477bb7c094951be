// What extension-host tests reach through `ExtensionApi.accounts`. Nothing here is for users.
import type * as vscode from 'vscode';
import type { EmulatorControl } from '../emulator';
import type { AccountRecord } from './accountRecord';

export interface AccountsTestHooks {
  /** Resolves once activation has read the remembered active account from storage. */
  whenRestored(): Promise<void>;
  /** What a window reload does: forget the active account and this window's demo emulator, then run
   * the restore step again from globalState/SecretStorage. Resolves when it finished. */
  simulateReload(): Promise<void>;
  /** Metadata of every known account (saved ones and this window's demo account). */
  accounts(): AccountRecord[];
  /** SecretStorage keys that hold a value, among every account saved or written in this window. */
  storedSecretKeys(): Promise<string[]>;
  /** The raw SecretStorage value for an account (JSON), read directly from SecretStorage. */
  readStoredSecret(accountId: string): Promise<string | undefined>;
  /** Account ids whose credentials are kept only in memory (keyring failure, or the demo account). */
  memoryOnlyAccountIds(): string[];
  /** Every globalState key of the extension and its value. */
  globalStateDump(): Record<string, unknown>;
  /** Make SecretStorage throw (as on Linux without a keyring) until called with false. */
  simulateSecretStorageFailure(fail: boolean): void;
  /** The demo emulator of this window, once liveperson.openDemo started it. */
  demoEmulator(): { url: string; control: EmulatorControl } | undefined;
  /** What the authentication provider reports (the Accounts menu). */
  authSessions(): Promise<readonly vscode.AuthenticationSession[]>;
}
