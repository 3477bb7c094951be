// Non-secret account metadata in globalState: the saved accounts and which one is active.
// The demo account's record lives only in memory (its emulator and port exist for this window only);
// when it is the active account only its key (`demo:<account id>`) is remembered, so that the next
// window restarts the bundled emulator and signs in to it again (see restoreDemo.ts).
import { isAccountRecord, type AccountRecord } from './accountRecord';

export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const ACCOUNTS_KEY = 'liveperson.accounts';
export const ACTIVE_KEY = 'liveperson.activeAccountId';
export const DEMO_KEY_PREFIX = 'demo:';

export function isDemoKey(key: string | undefined): boolean {
  return key !== undefined && key.startsWith(DEMO_KEY_PREFIX);
}

export class AccountStore {
  private readonly windowOnly = new Map<string, AccountRecord>();
  constructor(private readonly memento: MementoLike) {}

  list(): AccountRecord[] {
    return [...this.saved(), ...this.windowOnly.values()];
  }
  find(key: string): AccountRecord | undefined {
    return this.list().find(r => r.key === key);
  }
  /** By key, else by account id (a saved account before the demo account). */
  resolve(keyOrAccountId: string): AccountRecord | undefined {
    const all = this.list();
    return all.find(r => r.key === keyOrAccountId) ?? all.find(r => r.accountId === keyOrAccountId);
  }
  async put(record: AccountRecord): Promise<void> {
    if (record.isDemo) {
      this.windowOnly.set(record.key, record);
      return;
    }
    const others = this.saved().filter(r => r.key !== record.key);
    await this.memento.update(ACCOUNTS_KEY, [...others, record]);
  }
  async remove(key: string): Promise<void> {
    this.windowOnly.delete(key);
    const saved = this.saved();
    if (saved.some(r => r.key === key)) await this.memento.update(ACCOUNTS_KEY, saved.filter(r => r.key !== key));
    if (this.memento.get<string>(ACTIVE_KEY) === key) await this.memento.update(ACTIVE_KEY, undefined);
  }
  /** The key of the remembered active account. */
  activeKey(): string | undefined {
    return this.memento.get<string>(ACTIVE_KEY);
  }
  async setActiveKey(key: string | undefined): Promise<void> {
    await this.memento.update(ACTIVE_KEY, key);
  }

  /** A window's end (tests simulate a reload): the window-only records are gone, globalState stays. */
  forgetWindowOnly(): void {
    this.windowOnly.clear();
  }

  private saved(): AccountRecord[] {
    const value = this.memento.get<unknown>(ACCOUNTS_KEY);
    return Array.isArray(value) ? value.filter(isAccountRecord) : [];
  }
}
