// The Status Reasons model: owns fetching, the cache (every reason of the active account, deleted
// ones included, in server order), the account's revision, and says what changed. Views only render
// it. Loading starts when someone asks (the tree becoming visible, a command), never at activation.
import * as vscode from 'vscode';
import { LivePersonError } from '../api/errors';
import type { LivePersonClient, StatusReason } from '../api/types';
import type { AccountSession, Log } from '../platform/featureContext';
import { diffReasons, type ReasonsDelta } from './treeShape';

export type ModelState = 'idle' | 'loading' | 'error' | 'ready';

export interface ModelChange extends ReasonsDelta {
  /** the load state changed (idle/loading/error/ready) or the account changed */
  state: boolean;
}

/**
 * The account a write was started for, captured before anything is sent. Its answer lands in the
 * model only while that account is still the active one: a write that finishes after the user
 * switched account never touches the other account's tree, revision or messages.
 */
export interface AccountWrites {
  readonly client: LivePersonClient;
  /** the account's label, for messages that finish after a switch */
  readonly accountLabel: string;
  /** is the account the writes were started for still the active one (and not reloaded since a switch)? */
  readonly current: boolean;
  /** the revision the model holds for that account (undefined once it is no longer current) */
  readonly revision: string | undefined;
  /** take the server's answer for one reason; false (and nothing changed) when the account is no longer current */
  upsert(reason: StatusReason): boolean;
  /** take the server's answers of a create of several; false when the account is no longer current */
  addMany(reasons: readonly StatusReason[]): boolean;
}

export class StatusReasonsModel implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ModelChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];

  private _state: ModelState = 'idle';
  private _reasons: StatusReason[] = [];
  private _revision: string | undefined;
  private _error: unknown;
  private inFlight: Promise<void> | undefined;
  /** bumped when the account changes, so an answer for the previous account is dropped */
  private generation = 0;
  /** bumped by every local write, so a list fetched before a write never overwrites its answer */
  private writes = 0;

  constructor(private readonly session: AccountSession, private readonly log: Log) {
    this.disposables.push(session.onDidChangeActive(() => this.reset()));
  }

  get state(): ModelState { return this._state; }
  get error(): unknown { return this._error; }
  /** every reason, deleted ones included, in server order */
  get reasons(): readonly StatusReason[] { return this._reasons; }
  get revision(): string | undefined { return this._revision; }
  get accountId(): string | undefined { return this.session.active?.accountId; }

  get signedIn(): boolean { return this.session.active !== undefined; }

  client(): LivePersonClient {
    const active = this.session.active;
    if (!active) throw notSignedIn();
    return active.client;
  }

  find(id: string): StatusReason | undefined {
    return this._reasons.find(r => r.id === id);
  }

  /** Loads once (or waits for the load under way). */
  async ensureLoaded(): Promise<void> {
    if (this._state === 'ready') return;
    if (this.inFlight) return this.inFlight;
    return this.load();
  }

  /** Fetches the list again (a load under way is reused, never doubled). Throws what the client threw. */
  load(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const active = this.session.active;
    if (!active) return Promise.reject(notSignedIn());
    const generation = this.generation;
    const wasReady = this._state === 'ready';
    if (!wasReady) this.setState('loading');
    const writesAtStart = this.writes;
    const run = (async (): Promise<void> => {
      try {
        const list = await active.client.statusReasons.list({ includeDeleted: true });
        if (generation !== this.generation) return;
        if (this.writes !== writesAtStart) {
          // a write landed while this list was on its way: it may predate the write; fetch again
          this.inFlight = undefined;
          return await this.load();
        }
        this.replace(list.items, list.revision);
        this._error = undefined;
        this.setState('ready', true);
      } catch (e) {
        if (generation !== this.generation) return;
        this._error = e;
        this.log.warn(`Status reasons: could not load: ${e instanceof Error ? e.message : String(e)}`);
        // a failed refresh of a tree already shown keeps the data; a first load shows the error state
        if (!wasReady) this.setState('error');
        throw e;
      } finally {
        if (generation === this.generation) this.inFlight = undefined;
      }
    })();
    this.inFlight = run;
    return run;
  }

  /** Writes for the active account (throws when signed out); see AccountWrites. */
  forWrites(): AccountWrites {
    const active = this.session.active;
    if (!active) throw notSignedIn();
    const generation = this.generation;
    const current = () => generation === this.generation;
    const revisionNow = () => (current() ? this._revision : undefined);
    const dropped = (what: string) => {
      this.log.info(`Status reasons: the answer to a write for ${active.label} arrived after the account changed; ${what} was not shown in the other account's list.`);
      return false;
    };
    return {
      client: active.client,
      accountLabel: active.label,
      get current() { return current(); },
      get revision() { return revisionNow(); },
      upsert: reason => {
        if (!current()) return dropped(`“${reason.text}”`);
        this.upsert(reason, active.client.statusReasons.revision);
        return true;
      },
      addMany: reasons => {
        if (!current()) return dropped(`${reasons.length} reasons`);
        this.addMany(reasons, active.client.statusReasons.revision);
        return true;
      },
    };
  }

  /** After a write: take the server's answer for one reason (and the revision it came with). */
  private upsert(reason: StatusReason, revision: string | undefined): void {
    this.writes++;
    const i = this._reasons.findIndex(r => r.id === reason.id);
    const next = [...this._reasons];
    if (i >= 0) next[i] = reason;
    else next.unshift(reason); // new reasons without an order go before existing ones (API §3.3.3)
    this.replace(next, revision ?? this._revision);
  }

  /** After a create of several: the server's answers, in the order it gave them. */
  private addMany(reasons: readonly StatusReason[], revision: string | undefined): void {
    this.writes++;
    const known = new Set(this._reasons.map(r => r.id));
    this.replace([...reasons.filter(r => !known.has(r.id)), ...this._reasons], revision ?? this._revision);
  }

  private replace(items: StatusReason[], revision: string | undefined): void {
    const delta = diffReasons(this._reasons, items);
    this._reasons = items;
    this._revision = revision;
    if (delta.added.length || delta.removed.length || delta.changed.length) {
      this.changeEmitter.fire({ ...delta, state: false });
    }
  }

  private setState(state: ModelState, quietIfSame = false): void {
    if (quietIfSame && state === this._state) return;
    this._state = state;
    this.changeEmitter.fire({ added: [], removed: [], changed: [], state: true });
  }

  private reset(): void {
    this.generation++;
    this.inFlight = undefined;
    this._reasons = [];
    this._revision = undefined;
    this._error = undefined;
    this._state = 'idle';
    this.changeEmitter.fire({ added: [], removed: [], changed: [], state: true });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function notSignedIn(): LivePersonError {
  return new LivePersonError('Not signed in to a LivePerson account.', 'auth', 'Sign in first (LivePerson: Sign In…).');
}
