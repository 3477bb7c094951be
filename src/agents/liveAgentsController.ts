// Wires the Live Agents model, tree, scheduler, TreeView and status-bar item together: it feeds
// each answer to the model, the model's rows to the tree, the tree's diff to the provider, and
// keeps the view's description, message, context keys and the status bar in step.
import * as vscode from 'vscode';
import type { ActiveAccount, FeatureContext, ViewLoadState } from '../platform/featureContext';
import type { LivePersonClient } from '../api/types';
import { isCancellation } from '../api/errors';
import { EMPTY_LOOKUPS, type RowLookups } from './agentRow';
import { AgentsModel, type ModelDelta } from './agentsModel';
import { AgentsTree, type GroupBy, GROUP_BY_VALUES, type TreeDelta } from './agentsTree';
import { type AgentFilter, type CatalogEntry, describeFilter, filterCatalog, isFilterActive } from './agentsFilter';
import { type ActionNode, AgentsTreeProvider, type ViewNode } from './agentsTreeProvider';
import { agentMetricsNeedsKey, apiKeyNeededMessage, SIGN_IN_WITH_KEY_LABEL } from './apiKeyNeeded';
import { AgentsStatusBar } from './agentsStatusBar';
import { type Clock, RefreshScheduler, type RefreshTrigger, systemClock } from './refreshScheduler';
import { viewDescription, viewMessage } from './viewText';
import { Supervision } from './supervision';
import type { FloorStatus } from './staffingFloors';
import { accountSummary, SummaryFetcher } from './accountSummary';
import type { AgentSummaryResult } from '../api/types';

export const AGENTS_VIEW_ID = 'liveperson.agents';
/** how often the "updated N s ago" text is recomputed while the view is visible */
const DESCRIPTION_TICK_MS = 5000;
/** unknown reason ids trigger one lookups reload when the lookups are older than this */
const LOOKUPS_RELOAD_AFTER_MS = 30_000;
/** the least time between two re-renders for time limits alone (no answer): "over by" may lag by that much */
const TICK_RENDER_MS = 15_000;

export class LiveAgentsController implements vscode.Disposable {
  readonly model = new AgentsModel();
  readonly tree = new AgentsTree();
  readonly provider: AgentsTreeProvider;
  readonly view: vscode.TreeView<ViewNode>;
  readonly scheduler: RefreshScheduler;
  readonly statusBar = new AgentsStatusBar();
  /** time limits, staffing floors and their notifications */
  readonly supervision: Supervision;
  /** the last diffs, for tests and the benchmark-style log line */
  lastModelDelta: ModelDelta | undefined;
  lastTreeDelta: TreeDelta | undefined;

  private clock: Clock = systemClock;
  /** tests: agents per agent-view page (the API's 1000 when undefined), so a small account has several pages */
  private pageSizeOverride: number | undefined;
  private filterValue: AgentFilter = {};
  private groupByValue: GroupBy;
  private lookups: RowLookups = EMPTY_LOOKUPS;
  private lookupsLoadedAt = 0;
  private generation = 0;
  private staleKept = 0;
  private realVisible = false;
  private visibleOverride: boolean | undefined;
  private realFocused = vscode.window.state.focused;
  private focusedOverride: boolean | undefined;
  private tick: unknown;
  private lastTickRender = -Infinity;
  private floorStatuses: readonly FloorStatus[] = [];
  private readonly summaries = new SummaryFetcher(() => this.clock.now());
  private serverSummary: { server?: AgentSummaryResult; note?: string } = {};
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: FeatureContext) {
    this.groupByValue = validGroupBy(ctx.settings.get('agents.groupBy'));
    this.supervision = new Supervision(ctx, { reveal: ids => this.reveal(ids), displayName: id => this.model.get(id)?.displayName ?? `Agent ${id}` });
    this.provider = new AgentsTreeProvider(this.tree, () => this.statusNow(), () => this.supervision.policy.disconnectedMs);
    this.view = vscode.window.createTreeView(AGENTS_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true, canSelectMany: true });
    this.scheduler = new RefreshScheduler({
      clock: this.clock,
      intervalMs: () => Math.max(5, Number(ctx.settings.get('agents.refreshIntervalSeconds')) || 30) * 1000,
      run: (signal, trigger) => this.runRefresh(signal, trigger),
      onDidChangeState: () => this.syncChrome(),
    });
    this.disposables.push(
      this.view,
      this.provider,
      this.statusBar,
      { dispose: () => this.scheduler.dispose() },
      { dispose: () => this.stopTick() },
      this.view.onDidChangeVisibility(e => {
        this.realVisible = e.visible;
        this.applyVisibility();
      }),
      vscode.window.onDidChangeWindowState(s => {
        this.realFocused = s.focused;
        this.scheduler.setFocused(this.focusedOverride ?? this.realFocused);
      }),
      ctx.session.onDidChangeActive(a => this.accountChanged(a)),
      ctx.settings.onDidChange(key => {
        if (key === 'agents.groupBy') this.setGroupBy(validGroupBy(ctx.settings.get('agents.groupBy')));
        if (key === 'agents.refreshIntervalSeconds') this.scheduler.intervalChanged();
        if (this.supervision.settingChanged(key)) this.render();
      }),
    );
    this.realVisible = this.view.visible;
    this.scheduler.setFocused(this.realFocused);
    this.applyVisibility();
    this.accountChanged(ctx.session.active);
    void ctx.contextKeys.set('liveperson.agents.filtered', false);
    void ctx.contextKeys.set('liveperson.agents.autoRefreshPaused', false);
  }

  get filter(): AgentFilter {
    return this.filterValue;
  }
  get groupBy(): GroupBy {
    return this.groupByValue;
  }
  get account(): ActiveAccount | undefined {
    return this.ctx.session.active;
  }

  setFilter(filter: AgentFilter): void {
    this.filterValue = filter;
    void this.ctx.contextKeys.set('liveperson.agents.filtered', isFilterActive(filter));
    this.render();
  }

  setGroupBy(groupBy: GroupBy): void {
    if (groupBy === this.groupByValue) return;
    this.groupByValue = groupBy;
    this.render();
  }

  setPaused(paused: boolean): void {
    this.scheduler.setPaused(paused);
    void this.ctx.contextKeys.set('liveperson.agents.autoRefreshPaused', paused);
  }

  /** The Refresh command: refresh now (joining one in flight); rethrows its error for the command wrapper. */
  async refreshNow(): Promise<void> {
    const failedBefore = this.scheduler.stats.failed;
    await this.scheduler.refreshNow('manual');
    if (this.scheduler.stats.failed > failedBefore && this.scheduler.error) throw this.scheduler.error;
  }

  /** Tests: drive time. */
  useClock(clock: Clock): void {
    this.stopTick();
    this.scheduler.useClock(clock);
    this.clock = clock;
    this.restartTick();
  }
  /** Tests: agents per page (undefined = the API's maximum, 1000). */
  usePageSize(pageSize: number | undefined): void {
    this.pageSizeOverride = pageSize;
  }
  /** Tests: pretend the view is (not) visible / the window is (not) focused; undefined = the real state. */
  overrideVisible(v: boolean | undefined): void {
    this.visibleOverride = v;
    this.applyVisibility();
  }
  overrideFocused(v: boolean | undefined): void {
    this.focusedOverride = v;
    this.scheduler.setFocused(v ?? this.realFocused);
  }
  get effectiveVisible(): boolean {
    return this.visibleOverride ?? this.realVisible;
  }

  private applyVisibility(): void {
    const visible = this.effectiveVisible;
    this.scheduler.setVisible(visible);
    if (visible) this.restartTick();
    else this.stopTick();
    this.syncChrome();
  }

  private accountChanged(account: ActiveAccount | undefined): void {
    this.generation++;
    this.scheduler.setEnabled(false);
    this.lookups = EMPTY_LOOKUPS;
    this.lookupsLoadedAt = 0;
    this.staleKept = 0;
    this.supervision.reset();
    this.summaries.reset();
    this.serverSummary = {};
    if (this.model.size || this.model.hasData) this.model.clear();
    this.render();
    if (account) {
      void this.ctx.contextKeys.set('liveperson.agents.state', 'loading');
      this.scheduler.setEnabled(true);
    }
    this.syncChrome();
  }

  private async runRefresh(signal: AbortSignal, trigger: RefreshTrigger): Promise<void> {
    const account = this.ctx.session.active;
    if (!account) return;
    const generation = this.generation;
    const client = account.client;
    this.syncChrome();
    const lookupsPromise = this.loadLookups(client, signal);
    let result;
    try {
      result = await client.agentMetrics.allAgents({}, { knownCount: this.model.knownCount, pageSize: this.pageSizeOverride, signal });
    } finally {
      await lookupsPromise; // never rejects; never leave it dangling
    }
    let lookups = await lookupsPromise;
    if (generation !== this.generation || signal.aborted) return;
    const unknownReason = result.records.some(r => r.currentStatusReason && !['0', '-1', 'NA'].includes(String(r.currentStatusReason)) && !lookups.reasons.has(String(r.currentStatusReason)));
    if (unknownReason && Date.now() - this.lookupsLoadedAt > LOOKUPS_RELOAD_AFTER_MS) {
      client.lookups.invalidate();
      lookups = await this.loadLookups(client, signal);
      if (generation !== this.generation || signal.aborted) return;
    }
    const at = this.statusNow();
    const delta = this.model.apply(result, lookups, at);
    this.lastModelDelta = delta;
    this.staleKept = delta.staleKept;
    if (result.partialResult) {
      const failed = result.failedPages ? `${result.failedPages} of ${result.pages} pages failed (≈ ${result.missingAgents} agents missing)` : 'LivePerson answered partially';
      this.ctx.log.warn(`Live Agents: ${failed}; ${result.records.length} of ${result.count} agents arrived; ${delta.staleKept} known agents kept as stale.`);
    }
    this.ctx.log.debug(`Live Agents (${trigger}): ${result.records.length} agents in ${result.pages} page(s); +${delta.added.length} −${delta.removed.length} ~${delta.changed.length}.`);
    this.render();
    // after the pages (not beside them: a refresh never waits on it, and it takes no page's retries)
    this.summaryInFlight = this.summaries.fetch(client, signal).then(s => {
      if (generation !== this.generation) return;
      this.serverSummary = s;
      this.showSummary();
    });
  }
  private summaryInFlight: Promise<void> = Promise.resolve();

  /** Resolves when no refresh (nor the summary that follows one) is in flight. */
  async whenIdle(): Promise<void> {
    await this.scheduler.whenIdle();
    await this.summaryInFlight;
  }

  /** The summary row from the agents in memory and the last server summary. */
  private showSummary(): void {
    const last = this.model.lastAnswer;
    this.provider.setSummary(last ? accountSummary(this.model.all(), this.tree.overLimit.size, last.at, this.serverSummary.server, this.serverSummary.note) : undefined);
  }

  /** Lookups (names, reason texts incl. deleted) are cached by the client; a failure keeps the last ones. */
  private async loadLookups(client: LivePersonClient, signal: AbortSignal): Promise<RowLookups> {
    try {
      const t = await client.lookups.load({ signal });
      this.lookups = t;
      this.lookupsLoadedAt = t.loadedAt; // the client's clock (wall time), not the view's injectable one
    } catch (e) {
      if (!isCancellation(e)) this.ctx.log.warn(`Live Agents: could not load names and reason texts (${e instanceof Error ? e.message : String(e)}); showing ids.`);
    }
    return this.lookups;
  }

  /**
   * "Now" for times in status and "updated … ago": the view's clock moved by the server's offset, because
   * the agents' status start times are the server's (a machine whose clock is off, or the emulator at
   * another instant). Every time the view shows is on the server's clock.
   */
  private statusNow(): number {
    return this.clock.now() + this.serverOffset();
  }

  /** the server's clock minus this machine's (0 while they agree within 2 s) */
  private serverOffset(): number {
    const client = this.ctx.session.active?.client;
    return client ? client.serverNow() - Date.now() : 0;
  }

  /** Re-derives the tree from the model (after an answer, a filter or a regroup) and fires the diff. */
  private render(): void {
    const rows = this.model.all();
    this.floorStatuses = this.supervision.evaluateFloors(rows, this.lookups);
    const delta = this.tree.update({
      rows, accountNames: this.accountNames(), groupBy: this.groupByValue, filter: this.filterValue, now: this.statusNow(),
      limits: this.supervision.policy, floors: this.floorStatuses,
    });
    this.lastTreeDelta = delta;
    this.provider.apply(delta);
    this.showSummary();
    this.syncChrome();
    if (this.model.hasData) this.supervision.observe(this.tree.overLimit, this.floorStatuses);
  }

  /** Show: reveal the first agent and select it; several → the over-limit filter lists them all. */
  private async reveal(agentIds: readonly string[]): Promise<void> {
    if (agentIds.length > 1 && !this.filterValue.overLimit && agentIds.every(id => this.tree.overLimit.has(id))) this.setFilter({ ...this.filterValue, overLimit: true });
    const node = agentIds.map(id => this.tree.nodesOfAgent(id)[0]).find(n => n !== undefined);
    if (node) await this.view.reveal(node, { select: true, focus: true, expand: true });
  }

  /** Every non-deleted user of the account (id → display name), rebuilt only when the lookups change. */
  private accountNames(): ReadonlyMap<string, string> {
    if (this.namesOf !== this.lookups) {
      this.namesOf = this.lookups;
      this.names = new Map([...this.lookups.users.values()].filter(u => !u.deleted).map(u => [u.id, u.displayName]));
    }
    return this.names;
  }
  private namesOf: RowLookups | undefined;
  private names: ReadonlyMap<string, string> = new Map();

  /** Description, message, context keys and status bar from the current state. */
  private syncChrome(): void {
    const account = this.ctx.session.active;
    const last = this.model.lastAnswer;
    const running = this.scheduler?.isRunning ?? false;
    const error = this.scheduler?.error;
    const paused = this.scheduler?.isPaused ?? false;
    const names = {
      skill: (id: string) => this.lookups.skills.get(id)?.name ?? `skill ${id}`,
      group: (id: string) => this.lookups.groups.get(id)?.name ?? `group ${id}`,
    };
    const description = account
      ? viewDescription({ filterText: describeFilter(this.filterValue, names), updatedAt: last?.at, loading: running, paused, now: this.statusNow() })
      : '';
    const needsKey = account !== undefined && agentMetricsNeedsKey(error, account.method);
    const message = account && needsKey
      ? apiKeyNeededMessage(account.accountId, account.method, error)
      : account
      ? viewMessage({
          partial: last?.partial ?? false,
          failedPages: last?.failedPages,
          pages: last?.pages,
          missingAgents: last?.missingAgents,
          shown: last?.records,
          serverPartial: last?.serverPartial,
          staleKept: this.staleKept,
          error: error && last ? { message: error instanceof Error ? error.message : String(error), rateLimited: (error as { kind?: string }).kind === 'rateLimit' } : undefined,
          updatedAt: last?.at,
          nextTryAt: this.scheduler?.nextDueAt === undefined ? undefined : this.scheduler.nextDueAt + this.serverOffset(), // shown on the server's clock, as updatedAt
        }) || undefined
      : undefined;
    // Each assignment is a message to the workbench: only when the text changed.
    if (this.view.description !== description) this.view.description = description;
    if (this.view.message !== message) this.view.message = message;
    this.provider.setActions(needsKey ? [this.signInWithKeyAction(account.accountId)] : []);
    let state: ViewLoadState;
    if (!last) state = error && !running ? 'error' : 'loading';
    else state = this.tree.visibleAgentCount ? 'ready' : 'empty';
    if (account && this.ctx.contextKeys.get('liveperson.agents.state') !== state) void this.ctx.contextKeys.set('liveperson.agents.state', state);
    const overLimit = this.tree.overLimit.size;
    const badge = account && overLimit ? { value: overLimit, tooltip: `${overLimit} agent${overLimit === 1 ? '' : 's'} over their time limit` } : undefined;
    if (this.view.badge?.value !== badge?.value) this.view.badge = badge;
    const short = this.floorStatuses.filter(f => !f.met);
    this.statusBar.update(account ? { counts: this.model.counts(), account: account.label, updatedAt: last?.at, partial: last?.partial ?? false, loading: running, paused, overLimit, short } : undefined);
  }

  /** "Sign In with an API Key…": liveperson.signIn for the same account (its id pre-filled; the method pick follows), as the timeline's. */
  private signInWithKeyAction(accountId: string): ActionNode {
    if (this.keyAction?.command.arguments?.[0]?.accountId !== accountId) {
      this.keyAction = {
        kind: 'action', id: 'action:signInWithKey', label: SIGN_IN_WITH_KEY_LABEL, iconId: 'key',
        tooltip: `Sign in to account ${accountId} with an API key (OAuth 1.0a), which Agent Metrics takes.`,
        command: { command: 'liveperson.signIn', title: SIGN_IN_WITH_KEY_LABEL, arguments: [{ accountId }] },
      };
    }
    return this.keyAction;
  }
  private keyAction: ActionNode | undefined;

  /** Skills and groups to offer in the filter, with how many agents have each now. */
  catalog(): { skills: CatalogEntry[]; groups: CatalogEntry[] } {
    return filterCatalog(this.lookups, this.model.all());
  }

  private restartTick(): void {
    this.stopTick();
    if (!this.effectiveVisible) return;
    const loop = () => {
      // someone crossed a limit, or an "over by" minute moved: re-render (no request); else just the chrome
      const next = this.tree.nextLimitChangeAt;
      const now = this.statusNow();
      // at most every TICK_RENDER_MS: with 10,000 agents a render re-ages thousands of rows
      if (next !== undefined && now >= next && Math.abs(now - this.lastTickRender) >= TICK_RENDER_MS) {
        this.lastTickRender = now;
        this.render();
      } else this.syncChrome();
      this.tick = this.clock.setTimeout(loop, DESCRIPTION_TICK_MS);
    };
    this.tick = this.clock.setTimeout(loop, DESCRIPTION_TICK_MS);
  }
  private stopTick(): void {
    if (this.tick !== undefined) this.clock.clearTimeout(this.tick);
    this.tick = undefined;
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}

export function validGroupBy(v: unknown): GroupBy {
  return (GROUP_BY_VALUES as readonly unknown[]).includes(v) ? (v as GroupBy) : 'status';
}
