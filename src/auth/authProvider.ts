// The "LivePerson" authentication provider (id `liveperson`): every signed-in account shows in the
// Accounts menu; "Sign Out" there removes it. A session's accessToken is deliberately empty: the
// credentials stay inside this extension (other extensions get no LivePerson secret from us).
import * as vscode from 'vscode';
import type { AccountRecord } from './accountRecord';
import type { AccountManager } from './accountManager';

export const AUTH_PROVIDER_ID = 'liveperson';
export const AUTH_PROVIDER_LABEL = 'LivePerson';

export interface AuthProviderActions {
  /** interactive sign-in; resolves to the new account's key, undefined when cancelled */
  signIn(): Promise<string | undefined>;
  signOut(key: string): Promise<void>;
}

export class LivePersonAuthProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  private known: Map<string, vscode.AuthenticationSession>;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly manager: AccountManager,
    private readonly actions: AuthProviderActions,
  ) {
    this.known = this.snapshot();
    this.subscription = manager.onDidChangeAccounts(() => this.fireChanges());
  }

  getSessions(_scopes?: readonly string[]): Thenable<vscode.AuthenticationSession[]> {
    return Promise.resolve([...this.snapshot().values()]);
  }

  async createSession(_scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const key = await this.actions.signIn();
    const session = key ? this.snapshot().get(key) : undefined;
    if (!session) throw new Error('Sign-in to LivePerson was cancelled.');
    return session;
  }

  async removeSession(sessionId: string): Promise<void> {
    await this.actions.signOut(sessionId);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private snapshot(): Map<string, vscode.AuthenticationSession> {
    return new Map(this.manager.accounts().map(r => [r.key, toSession(r)]));
  }

  private fireChanges(): void {
    const next = this.snapshot();
    const added = [...next.values()].filter(s => !this.known.has(s.id));
    const removed = [...this.known.values()].filter(s => !next.has(s.id));
    const changed = [...next.values()].filter(s => this.known.has(s.id) && this.known.get(s.id)?.account.label !== s.account.label);
    this.known = next;
    if (added.length || removed.length || changed.length) this.changed.fire({ added, removed, changed });
  }
}

function toSession(r: AccountRecord): vscode.AuthenticationSession {
  return { id: r.key, accessToken: '', account: { id: r.key, label: r.label }, scopes: [] };
}
