// The status-bar item: agents per status for the active account; a click focuses Live Agents;
// hidden while signed out.
import * as vscode from 'vscode';
import type { StateCounts } from './agentsModel';
import { PAUSED_ICON, statusBarAccessibleText, statusBarText, statusBarTooltipMarkdown, supervisionAccessibleText, supervisionMarkdown, supervisionText } from './statusBarText';
import type { FloorStatus } from './staffingFloors';

export class AgentsStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem('liveperson.agents.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'LivePerson Live Agents';
    this.item.command = { command: 'liveperson.agents.focus', title: 'Show Live Agents' };
  }

  get text(): string {
    return this.item.text;
  }
  get visible(): boolean {
    return this.shown;
  }
  private shown = false;
  private lastKey = '';

  /** Shows the counts (`undefined` = signed out: hidden). */
  update(state: { counts: StateCounts; account: string; updatedAt?: number; partial: boolean; loading: boolean; paused: boolean; overLimit?: number; short?: readonly FloorStatus[] } | undefined): void {
    if (!state) {
      this.item.hide();
      this.shown = false;
      this.lastKey = '';
      return;
    }
    const { counts, account, updatedAt, partial, loading, paused } = state;
    const overLimit = state.overLimit ?? 0;
    const short = state.short ?? [];
    const key = JSON.stringify([counts, account, updatedAt, partial, loading, paused, overLimit, short.map(f => [f.label, f.online, f.needs])]);
    if (key === this.lastKey && this.shown) return; // unchanged: no message to the workbench
    this.lastKey = key;
    const text = updatedAt === undefined ? (loading ? '$(sync~spin) Live agents' : '$(person) —') : statusBarText(counts);
    const warned = updatedAt === undefined ? text : `${text}${supervisionText(overLimit, short)}`;
    this.item.text = paused ? `$(${PAUSED_ICON}) ${warned}` : warned;
    // a floor not met: the status bar's warning background (the theme decides; high contrast has its own)
    this.item.backgroundColor = short.length ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const md = new vscode.MarkdownString(statusBarTooltipMarkdown(counts, account, updatedAt, partial, paused) + supervisionMarkdown(overLimit, short), true);
    md.isTrusted = false;
    this.item.tooltip = md;
    const label = updatedAt === undefined ? 'Live agents: not loaded' : statusBarAccessibleText(counts);
    const fullLabel = label + supervisionAccessibleText(overLimit, short);
    this.item.accessibilityInformation = { label: paused ? `${fullLabel} (auto-refresh paused)` : fullLabel };
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    this.item.dispose();
  }
}
