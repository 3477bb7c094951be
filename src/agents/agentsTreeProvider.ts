// Maps the AgentsTree's nodes to TreeItems and fires exactly the nodes the tree's diff names.
// TreeItems are cached per node version, so a parent refresh re-sends cached items instead of
// rebuilding them; tooltips are built lazily in resolveTreeItem from the freshest row.
import * as vscode from 'vscode';
import { agentTooltipMarkdown, type ItemPresentation } from './agentPresentation';
import type { AgentsTree, TreeDelta, TreeNode } from './agentsTree';

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

export class AgentsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private items = new WeakMap<TreeNode, { version: number; item: vscode.TreeItem }>();
  readonly stats: ProviderStats = { events: 0, firedNodes: 0, itemsBuilt: 0, getTreeItemCalls: 0 };

  constructor(
    private readonly tree: AgentsTree,
    private readonly now: () => number,
  ) {}

  /** Tells VS Code what an update changed: the root, or only the named nodes. */
  apply(delta: TreeDelta): void {
    if (delta.root) {
      this.stats.events++;
      this.stats.firedNodes++;
      this.changed.fire(undefined);
    } else if (delta.nodes.length) {
      this.stats.events++;
      this.stats.firedNodes += delta.nodes.length;
      this.changed.fire(delta.nodes);
    }
  }

  getChildren(element?: TreeNode): TreeNode[] {
    return [...this.tree.children(element)];
  }

  getParent(element: TreeNode): TreeNode | undefined {
    return element.kind === 'agent' ? element.parent : undefined;
  }

  getTreeItem(element: TreeNode): vscode.TreeItem {
    this.stats.getTreeItemCalls++;
    const cached = this.items.get(element);
    if (cached && cached.version === element.version) return cached.item;
    const item = toTreeItem(element.id, element.presentation, element.kind === 'group' ? element.children.length > 0 : false);
    this.items.set(element, { version: element.version, item });
    this.stats.itemsBuilt++;
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, element: TreeNode): vscode.TreeItem {
    if (element.kind === 'agent') {
      const md = new vscode.MarkdownString(agentTooltipMarkdown(element.row, this.now()));
      md.isTrusted = false;
      md.supportHtml = false;
      item.tooltip = md;
    } else {
      item.tooltip = element.presentation.ariaLabel;
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function toTreeItem(id: string, p: ItemPresentation, expandable: boolean): vscode.TreeItem {
  const isGroup = p.contextValue.startsWith('agentGroup');
  // Status groups open expanded (four of them); group and skill groups can be many: collapsed.
  // VS Code remembers what the user expands by the stable id.
  const state = !isGroup || !expandable ? vscode.TreeItemCollapsibleState.None : p.contextValue.endsWith('status') ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(p.label, state);
  item.id = id;
  item.description = p.description;
  item.iconPath = new vscode.ThemeIcon(p.iconId, p.colorId ? new vscode.ThemeColor(p.colorId) : undefined);
  item.contextValue = p.contextValue;
  item.accessibilityInformation = { label: p.ariaLabel };
  return item;
}
