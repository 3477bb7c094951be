// Show Reason Usage: whether it is on (kept in globalState across reloads, mirrored in the
// `liveperson.statusReasons.showUsage` context key), loading the usage of the configured range in
// the background (a progress bar on the view and a line in `view.message`; the tree stays usable),
// handing the result to the tree provider, the "computed 3 min ago" note, and errors as one line in
// the view (with a notification and its next action when the user asked: the toggle or Refresh).
// Turning it off, switching account or asking again cancels a load under way.
import * as vscode from 'vscode';
import type { FeatureContext } from '../../platform/featureContext';
import type { StatusReasonsNode } from '../nodes';
import type { StatusReasonsTreeProvider } from '../treeProvider';
import { RANGE_TEXT, type ReasonUsageSource, type UsageRange, type UsageResult } from './usageSource';
import { formatAgo } from './usageLook';
import { usageProblem } from './usageProblem';

const STATE_KEY = 'liveperson.statusReasons.showUsage';
const NOTE_EVERY_MS = 30_000;

export interface UsageLoadOptions {
  /** ignore the session cache */
  fresh?: boolean;
  /** the user asked (toggle, Refresh): a failure also shows a notification with its next action */
  explain?: boolean;
}

export class UsageController implements vscode.Disposable {
  private on: boolean;
  private running: { abort: AbortController; done: Promise<void> } | undefined;
  private shown: UsageResult | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly subs: vscode.Disposable[] = [];
  /** the last problem shown in the view, for tests */
  lastProblem: string | undefined;

  constructor(
    private readonly ctx: FeatureContext,
    private readonly source: ReasonUsageSource,
    private readonly provider: StatusReasonsTreeProvider,
    private readonly view: vscode.TreeView<StatusReasonsNode>,
    private readonly viewId: string,
  ) {
    this.on = ctx.extensionContext.globalState.get<boolean>(STATE_KEY) === true;
    void ctx.contextKeys.set(STATE_KEY, this.on);
    this.subs.push(
      ctx.session.onDidChangeActive(() => { this.cancel(); this.show(undefined); if (this.on && view.visible) void this.load(); }),
      ctx.settings.onDidChange(key => {
        if (!this.on) return;
        if (key === 'statusReasons.usageRange') void this.load();
        if (key === 'timeline.timeZone') { this.source.clear(); void this.load(); } // hours and dates follow the zone
      }),
      // nothing is fetched at activation or for a hidden view: the first time the view shows, usage loads
      view.onDidChangeVisibility(() => {
        if (!view.visible) return;
        if (this.on && !this.shown && !this.running) void this.load();
        else this.tickNote();
      }),
    );
    if (this.on && view.visible) void this.load();
  }

  get isOn(): boolean { return this.on; }
  get range(): UsageRange { return this.ctx.settings.get('statusReasons.usageRange'); }

  /** Turns usage on or off (persisted); on starts a load (not awaited: see whenIdle). */
  async setOn(on: boolean, opts: UsageLoadOptions = {}): Promise<void> {
    this.on = on;
    await this.ctx.extensionContext.globalState.update(STATE_KEY, on);
    await this.ctx.contextKeys.set(STATE_KEY, on);
    if (on) {
      void this.load(opts);
      return;
    }
    this.cancel();
    this.show(undefined);
    this.view.message = undefined;
    this.lastProblem = undefined;
  }

  /** Loads the configured range (cached per account and range unless `fresh`); resolves when shown. */
  load(opts: UsageLoadOptions = {}): Promise<void> {
    const account = this.ctx.session.active;
    if (!this.on || !account) return Promise.resolve();
    const range = this.range;
    const cached = opts.fresh ? undefined : this.source.peek(account.client, range);
    this.cancel();
    if (cached) {
      this.show(cached);
      return Promise.resolve();
    }
    const abort = new AbortController();
    this.view.message = `Loading reason usage ${RANGE_TEXT[range]}… (Show Reason Usage again cancels)`;
    const done = Promise.resolve(vscode.window.withProgress({ location: { viewId: this.viewId } }, async () => {
      try {
        const result = await this.source.get(account.client, range, {
          fresh: opts.fresh, signal: abort.signal,
          onProgress: p => { if (!abort.signal.aborted) this.view.message = `Loading reason usage ${RANGE_TEXT[range]}… ${p.received.toLocaleString('en-US')} status changes read`; },
        });
        if (abort.signal.aborted || this.ctx.session.active !== account) return;
        this.running = undefined;
        this.show(result);
      } catch (e) {
        if (abort.signal.aborted) return; // cancelled: nothing to say
        const problem = usageProblem(e, account);
        this.ctx.log.warn(`Reason usage: could not load: ${problem.text}`);
        this.lastProblem = problem.text;
        this.view.message = problem.text;
        if (opts.explain) void this.explain(problem, account.accountId, range);
      }
    })).finally(() => { if (this.running?.abort === abort) this.running = undefined; });
    this.running = { abort, done };
    return done;
  }

  /** Resolves when no load is under way (tests). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running.done;
  }

  /** The result the tree shows now, if any. */
  get result(): UsageResult | undefined { return this.shown; }

  private async explain(problem: ReturnType<typeof usageProblem>, accountId: string, range: UsageRange): Promise<void> {
    const choice = await this.ctx.prompter.warn(problem.text, ...problem.actions);
    if (choice === undefined) return;
    if (choice === 'Show Log') this.ctx.log.show();
    else if (choice === 'Retry' && this.on && this.range === range) void this.load({ fresh: true, explain: true });
    else if (choice !== 'Retry') await vscode.commands.executeCommand('liveperson.signIn', { accountId }); // the method pick follows
  }

  private cancel(): void {
    this.running?.abort.abort();
    this.running = undefined;
  }

  private show(result: UsageResult | undefined): void {
    this.shown = result;
    this.lastProblem = undefined;
    const account = this.ctx.session.active;
    this.provider.setUsage(result && {
      range: result.range, timeZone: result.timeZone, byReason: result.byReason,
      agentName: id => result.agentNames.get(id),
    });
    if (result && account) {
      this.tickNote();
      this.timer ??= setInterval(() => { if (this.view.visible) this.tickNote(); }, NOTE_EVERY_MS);
    } else if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** "Usage in the last 7 days, computed 3 min ago" — kept fresh while the view shows. */
  private tickNote(): void {
    const r = this.shown;
    const account = this.ctx.session.active;
    if (!r || !account || !this.on || this.running) return;
    this.view.message = `Usage ${RANGE_TEXT[r.range]} (${r.changes.toLocaleString('en-US')} status changes, ${r.agents} agents), computed ${formatAgo(account.client.serverNow() - r.computedAt)}. Refresh recomputes it.`;
  }

  dispose(): void {
    this.cancel();
    if (this.timer) clearInterval(this.timer);
    for (const s of this.subs) s.dispose();
  }
}
