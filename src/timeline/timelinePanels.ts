// Owns the open timeline panels: opens new ones, restores them after a window reload
// (WebviewPanelSerializer — UI state only; the data is fetched again), and disposes them.
import * as vscode from 'vscode';
import type { FeatureContext } from '../platform/featureContext';
import { accountKey } from '../shared/accountKey';
import type { AgentScope, PanelUiState, RangeSpec } from '../shared/protocol';
import { parseUiState } from '../shared/protocolGuards';
import { TimelinePanel } from './timelinePanel';

export class TimelinePanels implements vscode.Disposable, vscode.WebviewPanelSerializer<unknown> {
  private readonly open = new Set<TimelinePanel>();
  private readonly opened = new vscode.EventEmitter<TimelinePanel>();
  readonly onDidOpen = this.opened.event;

  constructor(private readonly ctx: FeatureContext) {}

  get panels(): TimelinePanel[] { return [...this.open]; }

  defaultState(scope: AgentScope, range?: RangeSpec): PanelUiState {
    const active = this.ctx.session.active;
    const accountId = active ? accountKey(active) : undefined;
    return {
      version: 1, ...(accountId ? { accountId } : {}), scope,
      range: range ?? { kind: 'preset', preset: this.ctx.settings.get('timeline.defaultRange') },
      timeZone: this.ctx.settings.get('timeline.timeZone'),
      groupByGroup: false,
      density: scope.kind === 'all' ? 'compact' : 'comfortable',
    };
  }

  openPanel(state: PanelUiState): TimelinePanel {
    return this.track(TimelinePanel.create(this.ctx, state));
  }

  /** Called by VS Code after a reload with the state the webview last saved (validated here). */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    const parsed = parseUiState(saved);
    const state = parsed.ok ? parsed.value : this.defaultState({ kind: 'all' });
    if (!parsed.ok) this.ctx.log.warn(`Activity Timeline: restored panel had no usable state (${parsed.problem}); showing all agents`);
    this.track(new TimelinePanel(this.ctx, panel, state));
  }

  /** The time-zone setting changed: open panels follow it. */
  applyTimeZone(tz: PanelUiState['timeZone']): void {
    for (const p of this.open) p.setTimeZone(tz);
  }

  /** The time-limit settings changed: open panels mark their data again (no refetch). */
  applyLimits(): void {
    for (const p of this.open) p.applyLimits();
  }

  private track(p: TimelinePanel): TimelinePanel {
    this.open.add(p);
    p.onDidDispose(() => this.open.delete(p));
    this.opened.fire(p);
    return p;
  }

  dispose(): void {
    for (const p of [...this.open]) p.dispose();
    this.opened.dispose();
  }
}
