// One Activity Timeline panel (host side): HTML set once, waits for the app's `ready`, validates
// every inbound message, loads data with progress and cancellation, posts the columnar result, and
// runs the panel's actions (pick agents, export, copy totals, sign in, retry…). UI state only is
// kept (and restored by the serializer); the data lives in memory while the panel is open.
// A panel belongs to the account it was opened for: sign-out clears its data, and another active
// account never fills it with its own people (an "all agents" panel follows the active account).
// The time limits (settings) are applied to the data held: a change re-marks it without a refetch.
import * as vscode from 'vscode';
import { isCancellation } from '../api/errors';
import type { ActiveAccount, FeatureContext } from '../platform/featureContext';
import { BACK } from '../platform/prompter';
import { lookBackOf, type LookBackMonths } from '../domain/activityRange';
import type { LimitPolicy } from '../domain/timeLimits';
import type { AgentTimeline } from '../domain/timelineTypes';
import { intervalCount } from '../shared/columnar';
import type { OverLimitColumns } from '../shared/overLimitColumns';
import type { HostToWebview, PanelActionId, PanelUiState, RangeSpec, TotalsPayload, WebviewToHost } from '../shared/protocol';
import { accountIdOf, accountKey, accountText } from '../shared/accountKey';
import { PANEL_VIEW_TYPE } from '../shared/protocol';
import { parseWebviewMessage } from '../shared/protocolGuards';
import { customRangeProblem, rangeRuleProblem, resolveRange } from '../shared/rangeRules';
import { copyTotals, exportTimeline, type ExportSource } from './panelExports';
import { notSignedIn, otherAccount, panelError } from './panelErrors';
import { loadWebviewApp, webviewOptions } from './webviewApp';
import { panelTitle } from './panelTitle';
import { panelLink } from './panelLink';
import { pickScope } from './pickers';
import { readLimitPolicy } from './limitPolicy';
import { loadTimeline, withLimits } from './timelineLoader';
import { ValidationError } from '../api/errors';

/** A light record of each message sent (data messages without their arrays), for tests. */
export type SentRecord = Exclude<HostToWebview, { type: 'data' | 'overLimit' }>
  | { type: 'data'; requestId: number; from: number; to: number; now: number; agentIds: string[]; intervals: number; overLimitParts: number; notes: string[] }
  | { type: 'overLimit'; requestId: number; parts: number; rules: string[]; totals: TotalsPayload };


export class TimelinePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private requestSeq = 0;
  private inFlight: { id: number; abort: AbortController; done: Promise<void> } | undefined;
  private data: (ExportSource & { requestId: number; overLimit: OverLimitColumns; timelines: AgentTimeline[] }) | undefined;
  /** the time limits marked (settings); replaced by applyLimits() */
  private limits: LimitPolicy;
  private lastFailure: string | undefined;
  readonly sent: SentRecord[] = [];
  readonly refused: string[] = [];
  readyCount = 0;
  /** the last Markdown put on the clipboard (tests read it: the web clipboard may be unreadable) */
  lastCopied: string | undefined;
  /** the last deep link put on the clipboard (Copy Link to This View) */
  lastLink: string | undefined;
  private readonly posted = new vscode.EventEmitter<SentRecord>();
  readonly onDidPost = this.posted.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(private readonly ctx: FeatureContext, readonly panel: vscode.WebviewPanel, public state: PanelUiState) {
    // a panel opened (or restored from an older state) without an account belongs to the active one
    if (!state.accountId && ctx.session.active) this.state = { ...state, accountId: accountKey(ctx.session.active) };
    this.limits = readLimitPolicy(ctx.settings, line => ctx.log.warn(line));
    const webview = panel.webview;
    loadWebviewApp(panel, ctx.extensionContext.extensionUri, 'timeline', 'Activity Timeline');
    panel.title = this.title();
    this.disposables.push(
      webview.onDidReceiveMessage(m => this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      ctx.session.onDidChangeActive(account => this.accountChanged(account)),
      this.posted, this.disposed,
    );
  }

  static create(ctx: FeatureContext, state: PanelUiState): TimelinePanel {
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, panelTitle(state.scope, state.range, state.timeZone, state.accountId && accountText(state.accountId)), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, webviewOptions(ctx.extensionContext.extensionUri));
    return new TimelinePanel(ctx, panel, state);
  }

  get isReady(): boolean { return this.ready; }
  get loading(): boolean { return this.inFlight !== undefined; }
  /** The data currently shown (tests read it; never persisted). */
  get current(): ExportSource | undefined { return this.data; }
  title(): string { return panelTitle(this.state.scope, this.state.range, this.state.timeZone, this.state.accountId && accountText(this.state.accountId)); }

  /** Resolves when the load in flight (if any) has finished. */
  async whenIdle(): Promise<void> { while (this.inFlight) await this.inFlight.done; }

  /** Every inbound message, from the webview or a test, goes through here. */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.refused.push(parsed.problem);
      this.ctx.log.warn(`Activity Timeline: ignored a webview message (${parsed.problem})`);
      return;
    }
    await this.handle(parsed.value);
  }

  private async handle(m: WebviewToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.readyCount++;
        this.post({ type: 'init', state: this.state, title: this.title() });
        // a webview that was hidden and rebuilt gets the data again without a refetch
        if (this.data && !this.inFlight) this.postData(this.data.requestId);
        else if (!this.inFlight) this.load(this.state.range);
        return;
      case 'load':
        this.setState({ ...this.state, range: m.range, view: undefined, selection: undefined });
        this.load(m.range);
        return;
      case 'cancel':
        this.inFlight?.abort.abort();
        return;
      case 'uiState':
        // the host owns who (scope) and whose (account) the panel shows
        this.setState(withAccount({ ...m.state, scope: this.state.scope }, this.state.accountId));
        return;
      case 'pickAgents':
        await this.pickAgents();
        return;
      case 'export':
        await this.exportAs(m.format);
        return;
      case 'copyTotals':
        if (!this.data) { this.post({ type: 'notice', level: 'error', text: 'Nothing to copy yet: load a range first.' }); return; }
        this.lastCopied = await copyTotals(this.data);
        this.post({ type: 'notice', level: 'info', text: `Copied the totals of ${this.data.dataset.lanes.length} agents as a Markdown table.` });
        return;
      case 'copyLink':
        await this.copyLink();
        return;
      case 'action':
        await this.runAction(m.action);
        return;
    }
  }

  /** Copy Link to This View: the link to this panel's account, agents, range and zone; returns it. */
  async copyLink(): Promise<string | undefined> {
    const shown = this.data && { from: this.data.meta.from, to: this.data.meta.to };
    const link = panelLink(this.state, shown, this.ctx.session.active?.client.serverNow() ?? Date.now(), vscode.env.uriScheme);
    if (!link.ok) { this.post({ type: 'notice', level: 'error', text: link.problem }); return undefined; }
    await vscode.env.clipboard.writeText(link.text);
    this.lastLink = link.text;
    this.post({ type: 'notice', level: 'info', text: 'Copied a link to this view: anyone with the extension and access to the account can open it.' });
    return link.text;
  }

  /** The time-zone setting changed: follow it, and tell the webview. */
  setTimeZone(tz: PanelUiState['timeZone']): void {
    if (this.state.timeZone === tz) return;
    this.setState({ ...this.state, timeZone: tz });
    this.post({ type: 'state', state: this.state, title: this.title() });
  }

  /** The time-limit settings changed: mark the data held again (no refetch) and tell the webview. */
  applyLimits(): void {
    this.limits = readLimitPolicy(this.ctx.settings, line => this.ctx.log.warn(line));
    const d = this.data;
    if (!d) return; // a load in flight picks the new policy up when it ends (run)
    Object.assign(d, withLimits(d.timelines, d.meta, this.limits));
    this.post({ type: 'overLimit', requestId: d.requestId, overLimit: d.overLimit, totals: d.totals });
  }

  /** Signed out: nothing of the account stays on screen. Another account: see run(). Back: reload. */
  private accountChanged(account: ActiveAccount | undefined): void {
    if (!account) {
      this.inFlight?.abort.abort();
      this.data = undefined;
      this.lastFailure = 'auth';
      this.post({ type: 'error', requestId: ++this.requestSeq, error: notSignedIn(this.state.accountId && accountText(this.state.accountId)) });
      return;
    }
    const failed = this.lastFailure === 'auth' || this.lastFailure === 'permission' || this.lastFailure === 'account';
    if (failed || accountKey(account) !== this.state.accountId) this.load(this.state.range);
  }

  private setState(next: PanelUiState): void {
    this.state = next;
    this.panel.title = this.title();
  }

  private async runAction(action: PanelActionId): Promise<void> {
    switch (action) {
      case 'retry': this.load(this.state.range); return;
      case 'showLog': this.ctx.log.show(); return;
      case 'pickAgents': await this.pickAgents(); return;
      case 'lastWeek': {
        const range: RangeSpec = { kind: 'preset', preset: '7d' };
        this.setState({ ...this.state, range, view: undefined, selection: undefined });
        this.post({ type: 'state', state: this.state, title: this.title() });
        this.load(range);
        return;
      }
      case 'signIn': // the panel's account pre-filled, when it has one
      case 'signInWithKey': // same account, the method pick follows (Agent Activity takes API keys)
        await vscode.commands.executeCommand('liveperson.signIn', ...(this.state.accountId ? [{ accountId: accountIdOf(this.state.accountId) }] : []));
        return; // onDidChangeActive reloads
      case 'checkPermissions':
        await vscode.commands.executeCommand('liveperson.checkPermissions');
        return;
      case 'switchAccount':
        await vscode.commands.executeCommand('liveperson.switchAccount');
        return;
      case 'openNew':
        await vscode.commands.executeCommand('liveperson.timeline.open');
        return;
    }
  }

  private async pickAgents(): Promise<void> {
    const client = this.ctx.session.active?.client;
    if (!client) { this.post({ type: 'error', requestId: ++this.requestSeq, error: notSignedIn() }); return; }
    try {
      const scope = await pickScope(this.ctx.prompter, client);
      if (!scope || scope === BACK) return;
      // agents picked in the active account: the panel now belongs to it
      const active = this.ctx.session.active;
      this.setState({ ...this.state, scope, accountId: active ? accountKey(active) : this.state.accountId, selection: undefined });
      this.post({ type: 'state', state: this.state, title: this.title() });
      this.load(this.state.range);
    } catch (e) {
      if (!isCancellation(e)) this.post({ type: 'notice', level: 'error', text: panelError(e).message });
    }
  }

  private async exportAs(format: 'csv' | 'json'): Promise<void> {
    if (!this.data) { this.post({ type: 'notice', level: 'error', text: 'Nothing to export yet: load a range first.' }); return; }
    const src = { ...this.data, meta: { ...this.data.meta, timeZone: this.state.timeZone } };
    try {
      const path = await exportTimeline(this.ctx.prompter, src, format);
      if (path) this.post({ type: 'notice', level: 'info', text: `Saved ${intervalCount(src.dataset).toLocaleString()} intervals to ${path}.` });
    } catch (e) {
      this.ctx.log.error(`Activity Timeline: export failed: ${e instanceof Error ? e.message : String(e)}`);
      this.post({ type: 'notice', level: 'error', text: `Could not save the file: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  /** Starts (or restarts) loading `range`; answers loading… then data | error | cancelled. */
  load(range: RangeSpec): void {
    this.inFlight?.abort.abort();
    const id = ++this.requestSeq;
    const abort = new AbortController();
    const done = this.run(id, range, abort).finally(() => { if (this.inFlight?.id === id) this.inFlight = undefined; });
    this.inFlight = { id, abort, done };
  }

  private async run(id: number, range: RangeSpec, abort: AbortController): Promise<void> {
    const account = this.ctx.session.active;
    if (!account) { this.data = undefined; this.lastFailure = 'auth'; this.post({ type: 'error', requestId: id, error: notSignedIn(this.state.accountId && accountText(this.state.accountId)) }); return; }
    const key = accountKey(account);
    if (this.state.accountId && this.state.accountId !== key) {
      if (this.state.scope.kind === 'agents') {
        // these agent ids are people of another account: load nothing, say whose the panel is
        this.data = undefined;
        this.lastFailure = 'account';
        this.post({ type: 'error', requestId: id, error: otherAccount(accountText(this.state.accountId), accountText(key)) });
        return;
      }
      this.setState({ ...this.state, accountId: key, view: undefined, selection: undefined });
      this.post({ type: 'state', state: this.state, title: this.title() });
      this.post({ type: 'notice', level: 'info', text: `Now showing all agents of account ${accountText(key)} (the active account).` });
    } else if (!this.state.accountId) {
      this.setState({ ...this.state, accountId: key });
      this.post({ type: 'state', state: this.state, title: this.title() });
    }
    const now = account.client.serverNow(); // "the last 24 hours" of the server's clock, not this machine's
    const { from, to: requestedTo } = resolveRange(range, now);
    const to = Math.min(requestedTo, now); // a preset ends now; a custom end after now is refused below
    const lookBack = this.lookBackMonths();
    const problem = range.kind === 'custom' ? customRangeProblem(from, requestedTo, now, this.state.timeZone, lookBack) : rangeRuleProblem(from, to, now, lookBack);
    if (problem) { this.lastFailure = 'validation'; this.post({ type: 'error', requestId: id, error: panelError(new ValidationError(problem)) }); return; }
    let lastProgress = 0;
    const limits = this.limits;
    try {
      const result = await loadTimeline(account.client, this.state.scope, { from, to }, {
        signal: abort.signal, now, lookBackMonths: lookBack, limits,
        onProgress: p => {
          const t = Date.now();
          if (t - lastProgress < 100 && p.phase === 'activity') return;
          lastProgress = t;
          this.post({ type: 'loading', requestId: id, progress: p });
        },
      });
      if (abort.signal.aborted) throw new DOMException('aborted', 'AbortError');
      this.lastFailure = undefined;
      const marked = this.limits === limits ? result : { ...result, ...withLimits(result.timelines, { from, to }, this.limits) }; // the settings changed meanwhile
      this.data = { requestId: id, dataset: result.dataset, totals: marked.totals, overLimit: marked.overLimit, timelines: result.timelines, meta: { accountId: account.accountId, from, to, timeZone: this.state.timeZone, generatedAt: now } };
      this.ctx.log.info(`Activity Timeline: ${result.changes} state changes → ${result.dataset.lanes.length} lanes, ${intervalCount(result.dataset)} intervals (${new Date(from).toISOString()} – ${new Date(to).toISOString()})`);
      this.postData(id, result.notes);
    } catch (e) {
      if (isCancellation(e) || abort.signal.aborted) {
        // only the latest request answers: one superseded by a newer load or a sign-out stays quiet
        if (id === this.requestSeq) this.post({ type: 'cancelled', requestId: id });
        return;
      }
      const error = panelError(e, { method: account.method, accountId: account.accountId });
      this.lastFailure = error.kind;
      this.ctx.log.error(`Activity Timeline: loading failed [${error.kind}]: ${error.message}`);
      this.post({ type: 'error', requestId: id, error });
    }
  }

  private postData(requestId: number, notes: string[] = []): void {
    const d = this.data;
    if (!d) return;
    this.post({ type: 'data', requestId, from: d.meta.from, to: d.meta.to, now: d.meta.generatedAt, dataset: d.dataset, totals: d.totals, overLimit: d.overLimit, notes });
  }

  /** liveperson.timeline.lookBackMonths: how far back ranges may start (6 or 13) */
  private lookBackMonths(): LookBackMonths {
    return lookBackOf(this.ctx.settings.get('timeline.lookBackMonths'));
  }

  private post(m: HostToWebview): void {
    // the webview resolves presets and checks custom ranges against the server's clock too
    if (m.type === 'init' || m.type === 'state') m = { ...m, clockOffsetMs: (this.ctx.session.active?.client.serverNow() ?? Date.now()) - Date.now(), lookBackMonths: this.lookBackMonths() };
    const record: SentRecord = m.type === 'data'
      ? { type: 'data', requestId: m.requestId, from: m.from, to: m.to, now: m.now, agentIds: m.dataset.lanes.map(l => l.agentId), intervals: intervalCount(m.dataset), overLimitParts: m.overLimit.index.length, notes: m.notes }
      : m.type === 'overLimit' ? { type: 'overLimit', requestId: m.requestId, parts: m.overLimit.index.length, rules: m.overLimit.rules, totals: m.totals }
      : m;
    this.sent.push(record);
    if (this.sent.length > 200) this.sent.splice(0, this.sent.length - 200);
    this.posted.fire(record);
    // typed arrays travel as ArrayBuffers (VS Code transfers them without JSON); before `ready` nothing is sent
    if (this.ready && !this.isDisposed) this.panel.webview.postMessage(m).then(undefined, e => this.ctx.log.debug(`Activity Timeline: post failed: ${String(e)}`));
  }

  private isDisposed = false;
  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    this.inFlight?.abort.abort();
    this.disposed.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

function withAccount(state: PanelUiState, accountId: string | undefined): PanelUiState {
  const next = { ...state };
  if (accountId) next.accountId = accountId; else delete next.accountId;
  return next;
}
