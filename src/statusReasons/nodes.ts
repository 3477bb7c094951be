// Nodes of the Status Reasons tree and how each looks. A node object lives as long as its id is
// shown (the provider keeps them), so narrow refreshes and `reveal` find the same object again.
import * as vscode from 'vscode';
import type { ReasonState, StatusReason } from '../api/types';
import { isReasonNode, reasonContextValue, reasonDescription, reasonNodeId, reasonTooltipMarkdown, stateNodeId } from './reasonLook';

export { isReasonNode, reasonNodeId, stateNodeId };

export interface StateNode {
  readonly kind: 'state';
  readonly state: ReasonState;
  /** visible reasons under it (updated by the provider) */
  count: number;
}
export interface ReasonNode {
  readonly kind: 'reason';
  readonly id: string;
  /** the reason as last loaded (updated in place by the provider) */
  reason: StatusReason;
}
export type StatusReasonsNode = StateNode | ReasonNode;



const STATE_ICON: Record<string, string> = { Away: 'clock', Online: 'pass', Occupied: 'watch' };

export function stateTreeItem(node: StateNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.state, vscode.TreeItemCollapsibleState.Expanded);
  item.id = stateNodeId(node.state);
  item.description = `${node.count}`;
  item.tooltip = `${node.count} status reason${node.count === 1 ? '' : 's'} for the ${node.state} state`;
  item.contextValue = `statusReasonState ${node.state.toLowerCase()}`;
  item.iconPath = new vscode.ThemeIcon(STATE_ICON[node.state] ?? 'symbol-enum');
  return item;
}

export function reasonTreeItem(node: ReasonNode, revision: string | undefined): vscode.TreeItem {
  const r = node.reason;
  // The label is plain text: server text shows exactly as typed (HTML, Markdown and emoji included).
  const item = new vscode.TreeItem(r.text, vscode.TreeItemCollapsibleState.None);
  item.id = reasonNodeId(r.id);
  item.description = reasonDescription(r);
  item.contextValue = reasonContextValue(r);
  const dim = new vscode.ThemeColor('disabledForeground');
  item.iconPath = r.deleted
    ? new vscode.ThemeIcon('trash', dim)
    : r.enabled ? new vscode.ThemeIcon('tag') : new vscode.ThemeIcon('circle-slash', dim);
  item.tooltip = reasonTooltip(r, revision);
  item.accessibilityInformation = { label: `${r.text}, ${r.state}${r.enabled ? '' : ', disabled'}${r.deleted ? ', deleted' : ''}` };
  return item;
}

export function reasonTooltip(r: StatusReason, revision: string | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.value = reasonTooltipMarkdown(r, revision);
  return md;
}

