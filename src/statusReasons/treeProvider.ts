// Maps the model to tree nodes and fires onDidChangeTreeData only for what changed (a group whose
// children changed, a reason whose look changed, or the root when the groups themselves changed).
// Loading, empty and error states are context keys + viewsWelcome: getChildren never pops anything.
import * as vscode from 'vscode';
import type { ReasonState } from '../api/types';
import type { StatusReasonsModel, ModelChange } from './model';
import { reasonTreeItem, stateTreeItem, type ReasonNode, type StateNode, type StatusReasonsNode } from './nodes';
import { liveGroup } from './reasonOrder';
import { diffShapes, shapeOf, type TreeShape } from './treeShape';
import type { LimitPolicy } from '../domain/timeLimits';
import { reasonLimitText } from './reasonLook';
import type { ReasonUsage } from '../domain/reasonUsage';
import { groupUsageDescription, usageDescription, usageTooltipMarkdown } from './usage/usageLook';
import type { UsageRange } from './usage/usageSource';

/** What Show Reason Usage adds to the tree (undefined: usage is off or not loaded yet). */
export interface TreeUsage {
  range: UsageRange;
  timeZone: string;
  byReason: ReadonlyMap<string, ReasonUsage>;
  agentName(id: string): string | undefined;
}

export class StatusReasonsTreeProvider implements vscode.TreeDataProvider<StatusReasonsNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<StatusReasonsNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly stateNodes = new Map<ReasonState, StateNode>();
  private readonly reasonNodes = new Map<string, ReasonNode>();
  private shown: TreeShape = { groups: [], children: new Map() };
  private readonly subscription: vscode.Disposable;
  /** what the last change fired, for tests: 'root' or node ids */
  lastFired: string[] = [];

  constructor(private readonly model: StatusReasonsModel, private showDeleted: boolean) {
    this.subscription = model.onDidChange(c => this.onModelChange(c));
  }

  get isShowingDeleted(): boolean { return this.showDeleted; }

  setShowDeleted(value: boolean): void {
    if (value === this.showDeleted) return;
    this.showDeleted = value;
    this.refreshFromModel();
  }

  getTreeItem(node: StatusReasonsNode): vscode.TreeItem {
    const u = this.usage;
    if (node.kind === 'state') {
      return stateTreeItem(node, u && groupUsageDescription((this.shown.children.get(node.state) ?? []).map(r => u.byReason.get(r.id)), u.range));
    }
    const usage = u && {
      description: usageDescription(u.byReason.get(node.id), u.range),
      tooltip: usageTooltipMarkdown({ usage: u.byReason.get(node.id), range: u.range, timeZone: u.timeZone, agentName: id => u.agentName(id) }),
    };
    return reasonTreeItem(node, this.model.revision, this.limits && reasonLimitText(node.reason, this.limits), usage);
  }

  /** Show Reason Usage's data (undefined: off); deleted reasons with usage in the range are listed too. */
  setUsage(usage: TreeUsage | undefined): void {
    if (usage === undefined && this.usage === undefined) return;
    this.usage = usage;
    if (this.model.state === 'ready') this.fire(undefined);
  }
  private usage: TreeUsage | undefined;
  private readonly deletedWithUsage = (r: { id: string }): boolean => (this.usage?.byReason.get(r.id)?.uses ?? 0) > 0;

  /** The time limits, named in each reason's tooltip; a change re-sends the items. */
  setLimits(limits: LimitPolicy): void {
    const first = this.limits === undefined;
    this.limits = limits;
    if (!first && this.model.state === 'ready') this.fire(undefined);
  }
  private limits: LimitPolicy | undefined;

  getChildren(node?: StatusReasonsNode): StatusReasonsNode[] {
    if (!node) {
      if (this.model.state === 'idle' && this.model.signedIn) {
        // First look at the view: start loading; the state key shows "Loading…", errors show the
        // welcome view with Retry. Nothing is thrown or shown from here.
        this.model.ensureLoaded().catch(() => undefined);
      }
      if (this.model.state !== 'ready') {
        this.shown = { groups: [], children: new Map() };
        return [];
      }
      this.shown = this.currentShape();
      return this.shown.groups.map(g => this.stateNode(g));
    }
    if (node.kind === 'state') {
      return (this.shown.children.get(node.state) ?? []).map(r => this.reasonNode(r.id));
    }
    return [];
  }

  getParent(node: StatusReasonsNode): StatusReasonsNode | undefined {
    if (node.kind === 'state') return undefined;
    return this.stateNodes.get(node.reason.state);
  }

  /** The node for a reason id, if it is shown now. */
  nodeFor(id: string): ReasonNode | undefined {
    const r = this.model.find(id);
    if (!r || (r.deleted && !this.showDeleted && !this.deletedWithUsage(r))) return undefined;
    return this.reasonNode(id);
  }

  /** Selects a reason in the view if the view is showing (errors ignored: revealing is a nicety). */
  async reveal(view: vscode.TreeView<StatusReasonsNode>, id: string): Promise<void> {
    const node = this.nodeFor(id);
    if (!node || !view.visible) return;
    try {
      await view.reveal(node, { select: true, focus: false });
    } catch {
      // the view may not have rendered the group yet
    }
  }

  private currentShape(): TreeShape {
    const shape = shapeOf(this.model.reasons, this.showDeleted, this.deletedWithUsage);
    for (const g of shape.groups) {
      const node = this.stateNode(g);
      const list = shape.children.get(g) ?? [];
      node.deleted = list.filter(r => r.deleted).length;
      node.count = list.length - node.deleted;
    }
    for (const [state, list] of shape.children) {
      const live = new Map(liveGroup(list, state).map((r, i) => [r.id, i]));
      for (const r of list) {
        const node = this.reasonNode(r.id);
        const at = live.get(r.id) ?? -1;
        node.reason = r;
        node.moves = { up: at > 0, down: at >= 0 && at < live.size - 1 };
      }
    }
    return shape;
  }

  private onModelChange(change: ModelChange): void {
    if (change.state) {
      this.fire(undefined);
      return;
    }
    this.refreshFromModel();
  }

  private refreshFromModel(): void {
    if (this.model.state !== 'ready') return;
    const next = this.currentShape();
    const diff = diffShapes(this.shown, next);
    this.shown = next;
    for (const id of [...this.reasonNodes.keys()]) if (!this.model.find(id)) this.reasonNodes.delete(id);
    if (diff.root) {
      this.fire(undefined);
      return;
    }
    const fired: string[] = [];
    for (const g of diff.groups) {
      this.changeEmitter.fire(this.stateNode(g));
      fired.push(`statusReasonState:${g}`);
    }
    for (const id of diff.items) {
      this.changeEmitter.fire(this.reasonNode(id));
      fired.push(`statusReason:${id}`);
    }
    if (fired.length) this.lastFired = fired;
  }

  private fire(node: StatusReasonsNode | undefined): void {
    this.lastFired = ['root'];
    this.changeEmitter.fire(node);
  }

  private stateNode(state: ReasonState): StateNode {
    let n = this.stateNodes.get(state);
    if (!n) {
      n = { kind: 'state', state, count: 0, deleted: 0 };
      this.stateNodes.set(state, n);
    }
    return n;
  }

  private reasonNode(id: string): ReasonNode {
    let n = this.reasonNodes.get(id);
    const reason = this.model.find(id);
    if (!n) {
      if (!reason) throw new Error(`unknown status reason ${id}`);
      n = { kind: 'reason', id, reason, moves: { up: false, down: false } };
      this.reasonNodes.set(id, n);
    } else if (reason) {
      n.reason = reason;
    }
    return n;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }
}
