// Non-secret account metadata in globalState: the saved accounts and which one is active.
// The demo account lives only in memory (its emulator and port exist for this window only).
import { isAccountRecord, type AccountRecord } from './accountRecord';

export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export const ACCOUNTS_KEY = 'liveperson.accounts';
export const ACTIVE_KEY = 'liveperson.activeAccountId';

export class AccountStore {
  private readonly windowOnly = new Map<string, AccountRecord>();
  constructor(private readonly memento: MementoLike) {}

  list(): AccountRecord[] {
    const saved = this.saved().filter(r => !this.windowOnly.has(r.accountId));
    return [...saved, ...this.windowOnly.values()];
  }
  find(accountId: string): AccountRecord | undefined {
    return this.list().find(r => r.accountId === accountId);
  }
  async put(record: AccountRecord): Promise<void> {
    if (record.isDemo) {
      this.windowOnly.set(record.accountId, record);
      return;
    }
    this.windowOnly.delete(record.accountId);
    const others = this.saved().filter(r => r.accountId !== record.accountId);
    await this.memento.update(ACCOUNTS_KEY, [...others, record]);
  }
  async remove(accountId: string): Promise<void> {
    this.windowOnly.delete(accountId);
    const saved = this.saved();
    if (saved.some(r => r.accountId === accountId)) await this.memento.update(ACCOUNTS_KEY, saved.filter(r => r.accountId !== accountId));
    if (this.memento.get<string>(ACTIVE_KEY) === accountId) await this.memento.update(ACTIVE_KEY, undefined);
  }
  activeId(): string | undefined {
    return this.memento.get<string>(ACTIVE_KEY);
  }
  async setActiveId(accountId: string | undefined): Promise<void> {
    await this.memento.update(ACTIVE_KEY, accountId);
  }

  private saved(): AccountRecord[] {
    const value = this.memento.get<unknown>(ACCOUNTS_KEY);
    return Array.isArray(value) ? value.filter(isAccountRecord) : [];
  }
}
