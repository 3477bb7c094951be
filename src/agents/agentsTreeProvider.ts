// Maps the AgentsTree's nodes to TreeItems and fires exactly the nodes the tree's diff names.
// TreeItems are cached per node version, so a parent refresh re-sends cached items instead of
// rebuilding them; tooltips are built lazily in resolveTreeItem from the freshest row. Action items
// (e.g. "Sign In with an API Key…") sit above the agents while the view needs the user to act.
import * as vscode from 'vscode';
import { agentTooltipMarkdown, type ItemPresentation } from './agentPresentation';
import { type AccountSummary, summaryAriaLabel, summaryDescription, summaryLabel, summaryTooltipMarkdown } from './accountSummary';
import type { AgentsTree, TreeDelta, TreeNode } from './agentsTree';

/** how long VS Code is given to fetch what one change asked for before the next is sent */
const NODES_SETTLE_MS = 300;
const ROOT_SETTLE_MS = 2000;
/** an agent row fired this soon after its group is fired as the group instead */
const GROUP_SETTLE_MS = 2000;

export interface ProviderStats {
  /** onDidChangeTreeData events fired */
  events: number;
  /** elements named in those events (undefined = the root counts as 1) */
  firedNodes: number;
  /** TreeItems built (cache misses) */
  itemsBuilt: number;
  /** getTreeItem calls (hits + misses) */
  getTreeItemCalls: number;
}

/** A row that runs a command (no agent behind it; its contextValue matches no agent menu). */
export interface ActionNode {
  readonly kind: 'action';
  /** stable, e.g. `action:signInWithKey` */
  readonly id: string;
  readonly label: string;
  readonly iconId: string;
  readonly tooltip: string;
  readonly command: vscode.Command;
}
/** The account summary row at the top (one stable object, refreshed in place). */
export interface SummaryNode {
  readonly kind: 'summary';
  readonly id: 'summary:account';
  summary: AccountSummary;
}
export type ViewNode = TreeNode | ActionNode | SummaryNode;

export class AgentsTreeProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | ViewNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items = new WeakMap<TreeNode, { version: number; item: vscode.TreeItem }>();
  readonly stats: ProviderStats = { events: 0, firedNodes: 0, itemsBuilt: 0, getTreeItemCalls: 0 };
  private actionNodes: readonly ActionNode[] = [];
  private summaryNode: SummaryNode | undefined;

  constructor(
    private readonly tree: AgentsTree,
    private readonly now: () => number,
    /** the disconnected limit in force (named in an over-limit agent's tooltip) */
    private readonly disconnectedLimitMs: () => number | undefined = () => undefined,
  ) {}

  /** Tells VS Code what an update changed: the root, or only the named nodes. */
  apply(delta: TreeDelta): void {
    if (delta.root) this.fire('root');
    else if (delta.nodes.length) this.fire(delta.nodes);
  }

  /**
   * Every change goes to VS Code through here. A change right after another (a render, then the
   * summary that follows it, or ticks) is held and merged, so VS Code is never asked to refresh a
   * row while it is still fetching that row's parent — the workbench then loses the row ("Data tree
   * node not found") and draws the tree wrong. The first change after a quiet spell goes at once.
   */
  private fire(what: 'root' | readonly ViewNode[]): void {
    if (what === 'root') this.pendingRoot = true;
    else for (const n of what) this.pending.add(n);
    if (this.flushTimer !== undefined) return;
    const wait = this.lastFlushAt + (this.lastFlushWasRoot ? ROOT_SETTLE_MS : NODES_SETTLE_MS) - Date.now();
    if (wait <= 0) this.flush();
    else this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const now = Date.now();
    // an agent whose group was just re-read may not be in the workbench's tree yet: re-read the group
    for (const n of [...this.pending]) {
      if (n.kind !== 'agent' || !n.parent) continue;
      const at = this.groupFiredAt.get(n.parent);
      if (at !== undefined && now - at < GROUP_SETTLE_MS) this.pending.add(n.parent);
    }
    let nodes = [...this.pending].filter(n => !(n.kind === 'agent' && n.parent && this.pending.has(n.parent))); // a fired group re-reads its children
    // several groups at once: the workbench re-reads them concurrently and can lose a row that moved
    // between them ("Data tree node not found"); one re-read from the root is safe
    let root = this.pendingRoot;
    if (!root && nodes.filter(n => n.kind === 'group').length > 1) root = true;
    if (root) nodes = [];
    this.pendingRoot = false;
    this.pending.clear();
    if (!root && !nodes.length) return;
    if (root) this.groupFiredAt = new WeakMap();
    for (const n of nodes) if (n.kind === 'group') this.groupFiredAt.set(n, now);
    this.lastFlushAt = now;
    this.lastFlushWasRoot = root;
    this.stats.events++;
    this.stats.firedNodes += root ? 1 : nodes.length;
    this.changed.fire(root ? undefined : nodes);
  }

  /** Resolves once every change is with VS Code (tests). */
  async whenFlushed(): Promise<void> {
    while (this.flushTimer !== undefined) await new Promise(r => setTimeout(r, 20));
  }
  private pending = new Set<ViewNode>();
  private pendingRoot = false;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private lastFlushAt = 0;
  private lastFlushWasRoot = false;
  private groupFiredAt = new WeakMap<ViewNode, number>();

  /** The action rows above the agents ([] = none); fires the root only when they change (same nodes = no event). */
  setActions(actions: readonly ActionNode[]): void {
    if (actions.length === this.actionNodes.length && actions.every((a, i) => a === this.actionNodes[i])) return;
    this.actionNodes = actions;
    this.fire('root');
  }
  get actions(): readonly ActionNode[] {
    return this.actionNodes;
  }

  /** The summary row (undefined: none); fires only that row when its text changed, the root when it appears or goes. */
  setSummary(summary: AccountSummary | undefined): void {
    const before = this.summaryNode;
    if (!summary) {
      if (!before) return;
      this.summaryNode = undefined;
    } else if (before) {
      const same = summaryLabel(before.summary) === summaryLabel(summary) && summaryDescription(before.summary) === summaryDescription(summary);
      before.summary = summary;
      if (same) return;
      this.fire([before]);
      return;
    } else {
      this.summaryNode = { kind: 'summary', id: 'summary:account', summary };
    }
    this.fire('root');
  }
  get summary(): SummaryNode | undefined {
    return this.summaryNode;
  }

  getChildren(element?: ViewNode): ViewNode[] {
    if (element?.kind === 'action' || element?.kind === 'summary') return [];
    const nodes: ViewNode[] = [...this.tree.children(element)];
    return element ? nodes : [...this.actionNodes, ...(this.summaryNode && nodes.length ? [this.summaryNode] : []), ...nodes];
  }

  getParent(element: ViewNode): TreeNode | undefined {
    return element.kind === 'agent' ? element.parent : undefined;
  }

  getTreeItem(element: ViewNode): vscode.TreeItem {
    this.stats.getTreeItemCalls++;
    if (element.kind === 'action') return actionItem(element);
    if (element.kind === 'summary') return summaryItem(element);
    const cached = this.items.get(element);
    if (cached && cached.version === element.version) return cached.item;
    const item = toTreeItem(element.id, element.presentation, element.kind === 'group' ? element.children.length > 0 : false);
    this.items.set(element, { version: element.version, item });
    this.stats.itemsBuilt++;
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, element: ViewNode): vscode.TreeItem {
    if (element.kind === 'action') {
      item.tooltip = element.tooltip;
    } else if (element.kind === 'summary') {
      const md = new vscode.MarkdownString(summaryTooltipMarkdown(element.summary));
      md.isTrusted = false;
      item.tooltip = md;
    } else if (element.kind === 'agent') {
      const md = new vscode.MarkdownString(agentTooltipMarkdown(element.row, this.now(), this.tree.overLimit.get(element.agentId), this.disconnectedLimitMs()));
      md.isTrusted = false;
      md.supportHtml = false;
      item.tooltip = md;
    } else {
      item.tooltip = element.presentation.ariaLabel;
    }
    return item;
  }

  dispose(): void {
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.changed.dispose();
  }
}

function toTreeItem(id: string, p: ItemPresentation, expandable: boolean): vscode.TreeItem {
  const isGroup = p.contextValue.startsWith('agentGroup');
  // Status groups (and Over limit) open expanded; group and skill groups can be many: collapsed.
  // VS Code remembers what the user expands by the stable id.
  const opensExpanded = /^agentGroup (status|overLimit)\b/.test(p.contextValue);
  const state = !isGroup || !expandable ? vscode.TreeItemCollapsibleState.None : opensExpanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(p.label, state);
  item.id = id;
  item.description = p.description;
  item.iconPath = new vscode.ThemeIcon(p.iconId, p.colorId ? new vscode.ThemeColor(p.colorId) : undefined);
  item.contextValue = p.contextValue;
  item.accessibilityInformation = { label: p.ariaLabel };
  return item;
}

function actionItem(a: ActionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(a.label, vscode.TreeItemCollapsibleState.None);
  item.id = a.id;
  item.iconPath = new vscode.ThemeIcon(a.iconId);
  item.contextValue = a.id.replace(':', ' ');
  item.command = a.command;
  item.accessibilityInformation = { label: a.label };
  return item;
}

function summaryItem(n: SummaryNode): vscode.TreeItem {
  const item = new vscode.TreeItem(summaryLabel(n.summary), vscode.TreeItemCollapsibleState.None);
  item.id = n.id;
  item.description = summaryDescription(n.summary);
  item.iconPath = new vscode.ThemeIcon('dashboard');
  item.contextValue = 'agentSummary';
  item.accessibilityInformation = { label: summaryAriaLabel(n.summary) };
  return item;
}
