// The account session features see (AccountSession): the saved accounts, the active one and its
// lazily created client. Owns the clients it creates and disposes them on switch and sign-out.
import * as vscode from 'vscode';
import type { Credentials, LivePersonClient } from '../api/types';
import { forgetSecret, registerSecret } from '../api/redact';
import type { AccountSession, ActiveAccount, ContextKeys, Log } from '../platform/featureContext';
import { secretValues, type AccountRecord } from './accountRecord';
import { isDemoKey, type AccountStore } from './accountStore';
import type { SecretVault } from './secretVault';

export interface ClientOptions {
  accountId: string;
  csdsUrl: string;
  credentials: Credentials;
}
export type ClientFactory = (options: ClientOptions) => LivePersonClient;

class Active implements ActiveAccount {
  private created: LivePersonClient | undefined;
  constructor(
    readonly record: AccountRecord,
    private readonly credentials: Credentials,
    private readonly factory: ClientFactory,
    client?: LivePersonClient,
  ) {
    this.created = client;
  }
  get accountId() { return this.record.accountId; }
  get label() { return this.record.label; }
  get method() { return this.record.method; }
  get isDemo() { return this.record.isDemo; }
  /** Created on first use: nothing touches the network before a feature asks. */
  get client(): LivePersonClient {
    this.created ??= this.factory({ accountId: this.record.accountId, csdsUrl: this.record.csdsUrl, credentials: this.credentials });
    return this.created;
  }
  /** Resolves once the client has no write in flight. */
  settled(): Promise<void> {
    return this.created?.settled() ?? Promise.resolve();
  }
  async dispose(): Promise<void> {
    const c = this.created;
    this.created = undefined;
    if (c) await c.dispose();
  }
}

export class AccountManager implements AccountSession, vscode.Disposable {
  private current: Active | undefined;
  private readonly activeChanged = new vscode.EventEmitter<ActiveAccount | undefined>();
  private readonly accountsChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeActive = this.activeChanged.event;
  /** Fires when an account is added, removed or the active one changes. */
  readonly onDidChangeAccounts = this.accountsChanged.event;

  constructor(
    private readonly store: AccountStore,
    private readonly vault: SecretVault,
    private readonly factory: ClientFactory,
    private readonly contextKeys: ContextKeys,
    private readonly log: Log,
  ) {}

  get active(): ActiveAccount | undefined {
    return this.current;
  }
  get activeRecord(): AccountRecord | undefined {
    return this.current?.record;
  }
  accounts(): AccountRecord[] {
    return this.store.list();
  }
  /** By key, else by account id (a saved account before the demo account). */
  resolve(keyOrAccountId: string): AccountRecord | undefined {
    return this.store.resolve(keyOrAccountId);
  }

  /**
   * After activation: reads the remembered active account (local storage only, no network).
   * 'demo' when the demo account was active: the caller restarts the bundled emulator and signs in
   * to it again (the signedIn key is left for that step to set).
   */
  async restore(): Promise<'restored' | 'demo' | 'none'> {
    const key = this.store.activeKey();
    if (isDemoKey(key) && !this.current) {
      this.log.info('The demo account was active: restarting the bundled emulator.');
      return 'demo';
    }
    const record = key === undefined ? undefined : this.store.find(key);
    const credentials = record ? await this.vault.get(record.key) : undefined;
    if (record && credentials && !this.current) {
      secretValues(credentials).forEach(registerSecret);
      this.current = new Active(record, credentials, this.factory);
      this.log.info(`Restored account ${record.label}.`);
      this.activeChanged.fire(this.current);
      this.accountsChanged.fire();
    } else if (record) {
      this.log.info(`Account ${record.label} needs to sign in again: its credentials are not in this window's secret storage.`);
    }
    await this.contextKeys.set('liveperson.signedIn', this.current !== undefined);
    return this.current ? 'restored' : 'none';
  }

  /** The demo account could not be restarted: signed out, and not tried again next time. */
  async demoRestoreFailed(): Promise<void> {
    if (isDemoKey(this.store.activeKey()) && !this.current) await this.store.setActiveKey(undefined);
    await this.contextKeys.set('liveperson.signedIn', this.current !== undefined);
  }

  /** Tests: what a window reload does to this object — no active account, window-only records gone. */
  async forgetWindowState(): Promise<void> {
    const old = this.current;
    this.current = undefined;
    this.store.forgetWindowOnly();
    if (old) await this.disposeQuietly(old);
    await this.contextKeys.set('liveperson.signedIn', false);
    this.activeChanged.fire(undefined);
    this.accountsChanged.fire();
  }

  /** After a successful check: saves secrets, then metadata, and makes the account active with the checked client. */
  async addVerified(record: AccountRecord, credentials: Credentials, client: LivePersonClient): Promise<void> {
    secretValues(credentials).forEach(registerSecret);
    let where: 'secretStorage' | 'memory' = 'memory';
    if (record.isDemo) this.vault.holdForWindow(record.key, credentials);
    else where = await this.vault.store(record.key, credentials);
    await this.store.put(record);
    this.log.info(`Signed in to ${record.label} (${record.method}); credentials kept in ${where === 'memory' ? 'memory for this window only' : 'SecretStorage'}.`);
    await this.activate(new Active(record, credentials, this.factory, client));
  }

  /** Makes a saved account active. false when its credentials are missing (sign in again). */
  async switchTo(key: string): Promise<boolean> {
    if (this.current?.record.key === key) return true;
    const record = this.store.find(key);
    if (!record) throw new Error(`No saved account ${key}.`);
    const credentials = await this.vault.get(key);
    if (!credentials) return false;
    secretValues(credentials).forEach(registerSecret);
    await this.activate(new Active(record, credentials, this.factory));
    this.log.info(`Switched to ${record.label}.`);
    return true;
  }

  /** Forgets the account: its secrets, its metadata, and (if active) its client and session. */
  async signOut(key: string): Promise<AccountRecord | undefined> {
    const record = this.store.find(key);
    const credentials = await this.vault.get(key);
    await this.vault.delete(key);
    await this.store.remove(key);
    if (this.current?.record.key === key) {
      const old = this.current;
      this.current = undefined;
      await this.disposeQuietly(old);
      await this.contextKeys.set('liveperson.signedIn', false);
      this.activeChanged.fire(undefined);
    }
    if (credentials) secretValues(credentials).forEach(forgetSecret);
    this.accountsChanged.fire();
    if (record) this.log.info(`Signed out of ${record.label}; its credentials were removed.`);
    return record;
  }

  dispose(): void {
    const old = this.current;
    this.current = undefined;
    if (old) void this.disposeQuietly(old);
    this.activeChanged.dispose();
    this.accountsChanged.dispose();
  }

  private async activate(next: Active): Promise<void> {
    const old = this.current;
    this.current = next;
    await this.store.setActiveKey(next.record.key);
    // the previous account's session closes once its writes in flight have their answers (a write
    // finishing after the switch is still read back and reported for its own account)
    if (old) void old.settled().then(() => this.disposeQuietly(old));
    await this.contextKeys.set('liveperson.signedIn', true);
    this.activeChanged.fire(next);
    this.accountsChanged.fire();
  }

  private async disposeQuietly(a: Active): Promise<void> {
    try {
      await a.dispose();
    } catch (e) {
      this.log.warn(`Closing the session of ${a.label} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
