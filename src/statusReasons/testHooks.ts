// What extension-host tests read through `api.statusReasons` (never needed by users): the tree's
// children as plain data, the model's state, and what the last change refreshed.
import type * as vscode from 'vscode';
import type { StatusReason } from '../api/types';
import type { ReasonsFeature } from './feature';
import type { StatusReasonsNode } from './nodes';
import type { UsageResult } from './usage/usageSource';

export interface TreeRow {
  id: string;
  label: string;
  description: string;
  contextValue: string;
  tooltip: string;
  /** a codicon id */
  icon: string;
  children?: TreeRow[];
}

export interface StatusReasonsTestHooks {
  /** the tree as the view would render it now (groups with their reasons) */
  rows(): Promise<TreeRow[]>;
  /** loads (or waits for the load under way); throws what the client threw */
  load(): Promise<void>;
  state(): string;
  reasons(): readonly StatusReason[];
  revision(): string | undefined;
  /** node ids (or 'root') fired by the last model change */
  lastFired(): string[];
  /** the node object shown for a reason id (the same object across refreshes) */
  node(id: string): StatusReasonsNode | undefined;
  viewDescription(): string | boolean | undefined;
  /** the view's drag and drop controller (tests call handleDrag / handleDrop with a DataTransfer) */
  dragAndDrop(): vscode.TreeDragAndDropController<StatusReasonsNode>;
  /** the ids of the reasons selected in the view */
  selection(): string[];
  /** is the view showing (a move selects the moved reason only then) */
  visible(): boolean;
  /** Show Reason Usage: on?, wait for its load, the view's message, the last problem shown */
  usage: { isOn(): boolean; whenIdle(): Promise<void>; message(): string | undefined; problem(): string | undefined; clear(): void; result(): UsageResult | undefined };
}

export function statusReasonsTestHooks(f: ReasonsFeature, dragAndDrop: vscode.TreeDragAndDropController<StatusReasonsNode>): StatusReasonsTestHooks {
  const row = (node: StatusReasonsNode): TreeRow => {
    const item = f.provider.getTreeItem(node);
    return {
      id: String(item.id),
      label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
      description: typeof item.description === 'string' ? item.description : '',
      contextValue: item.contextValue ?? '',
      tooltip: typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip as vscode.MarkdownString | undefined)?.value ?? '',
      icon: (item.iconPath as vscode.ThemeIcon | undefined)?.id ?? '',
    };
  };
  return {
    async rows() {
      await f.model.ensureLoaded();
      return f.provider.getChildren().map(g => ({ ...row(g), children: f.provider.getChildren(g).map(row) }));
    },
    load: () => f.model.load(),
    state: () => f.model.state,
    reasons: () => f.model.reasons,
    revision: () => f.model.revision,
    lastFired: () => [...f.provider.lastFired],
    node: id => f.provider.nodeFor(id),
    viewDescription: () => f.view.description,
    dragAndDrop: () => dragAndDrop,
    selection: () => f.view.selection.filter(n => n.kind === 'reason').map(n => n.id),
    visible: () => f.view.visible,
    usage: {
      isOn: () => f.usageView.isOn,
      whenIdle: () => f.usageView.whenIdle(),
      message: () => f.view.message,
      problem: () => f.usageView.lastProblem,
      clear: () => f.usage.clear(),
      result: () => f.usageView.result,
    },
  };
}
