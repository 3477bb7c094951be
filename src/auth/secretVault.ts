// Credentials in SecretStorage: one JSON secret per account, under the account id. If SecretStorage
// fails (Linux without a keyring) the vault says so once, keeps credentials in memory for this
// window only, and never falls back to plaintext storage. Structural types: no `vscode` import.
import type { Credentials } from '../api/types';
import { credentialsProblem } from './accountRecord';

export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export function secretKey(accountId: string): string {
  return `liveperson.credentials.${accountId}`;
}

export class SecretVault {
  private readonly memory = new Map<string, string>();
  private unavailable = false;
  private simulatedFailure = false;
  private readonly everWritten = new Set<string>();

  /** `onUnavailable` runs once, the first time SecretStorage fails. */
  constructor(
    private readonly secrets: SecretStore,
    private readonly onUnavailable: (error: unknown) => void,
  ) {}

  /** Where the credentials ended up. */
  async store(accountId: string, credentials: Credentials): Promise<'secretStorage' | 'memory'> {
    const json = JSON.stringify(credentials);
    this.everWritten.add(accountId);
    try {
      this.throwIfSimulated();
      await this.secrets.store(secretKey(accountId), json);
      this.memory.delete(accountId);
      return 'secretStorage';
    } catch (error) {
      this.fail(error);
      this.memory.set(accountId, json);
      return 'memory';
    }
  }

  /** Keeps credentials for this window only, on purpose (the demo account's public demo key). */
  holdForWindow(accountId: string, credentials: Credentials): void {
    this.memory.set(accountId, JSON.stringify(credentials));
  }

  async get(accountId: string): Promise<Credentials | undefined> {
    const inMemory = this.memory.get(accountId);
    if (inMemory !== undefined) return parse(inMemory);
    try {
      this.throwIfSimulated();
      const json = await this.secrets.get(secretKey(accountId));
      return json === undefined ? undefined : parse(json);
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  async delete(accountId: string): Promise<void> {
    this.memory.delete(accountId);
    try {
      this.throwIfSimulated();
      await this.secrets.delete(secretKey(accountId));
    } catch (error) {
      this.fail(error);
    }
  }

  /** Account ids whose credentials live only in memory (SecretStorage failed). */
  memoryOnly(): string[] {
    return [...this.memory.keys()];
  }
  get isUnavailable(): boolean {
    return this.unavailable;
  }
  /** Ids this vault wrote in this window (SecretStorage cannot list its keys). */
  writtenIds(): string[] {
    return [...this.everWritten];
  }
  /** Tests: make every SecretStorage call throw, as on Linux without a keyring. */
  simulateFailure(on: boolean): void {
    this.simulatedFailure = on;
    if (!on) this.unavailable = false;
  }

  private throwIfSimulated(): void {
    if (this.simulatedFailure) throw new Error('simulated: no keyring available (org.freedesktop.secrets not provided)');
  }
  private fail(error: unknown): void {
    if (this.unavailable) return;
    this.unavailable = true;
    this.onUnavailable(error);
  }
}

function parse(json: string): Credentials | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return credentialsProblem(value) === undefined ? (value as Credentials) : undefined;
  } catch {
    return undefined;
  }
}
