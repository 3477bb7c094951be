// Nodes of the Status Reasons tree and how each looks. A node object lives as long as its id is
// shown (the provider keeps them), so narrow refreshes and `reveal` find the same object again.
import * as vscode from 'vscode';
import type { ReasonState, StatusReason } from '../api/types';
import { isReasonNode, reasonContextValue, type ReasonMoves, reasonDescription, reasonNodeId, reasonTooltipMarkdown, stateDescription, stateIcon, stateNodeId, stateTooltip } from './reasonLook';

export { isReasonNode, reasonNodeId, stateNodeId };

export interface StateNode {
  readonly kind: 'state';
  readonly state: ReasonState;
  /** non-deleted reasons under it (updated by the provider) */
  count: number;
  /** deleted reasons shown under it (only while deleted ones are shown) */
  deleted: number;
}
export interface ReasonNode {
  readonly kind: 'reason';
  readonly id: string;
  /** the reason as last loaded (updated in place by the provider) */
  reason: StatusReason;
  /** whether Move Up / Move Down apply (set by the provider from the reason's place in its group) */
  moves: ReasonMoves;
}
export type StatusReasonsNode = StateNode | ReasonNode;

/** a disabled reason: dimmed, with an icon no state uses */
export const DISABLED_REASON_ICON = 'stop-circle';

export function stateTreeItem(node: StateNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.state, vscode.TreeItemCollapsibleState.Expanded);
  item.id = stateNodeId(node.state);
  item.description = stateDescription(node.state, node.count, node.deleted);
  item.tooltip = stateTooltip(node.state, node.count, node.deleted);
  item.contextValue = `statusReasonState ${node.state.toLowerCase()}`;
  const icon = stateIcon(node.state);
  item.iconPath = new vscode.ThemeIcon(icon.iconId, new vscode.ThemeColor(icon.colorId));
  return item;
}

export function reasonTreeItem(node: ReasonNode, revision: string | undefined, limitText?: string): vscode.TreeItem {
  const r = node.reason;
  // The label is plain text: server text shows exactly as typed (HTML, Markdown and emoji included).
  const item = new vscode.TreeItem(r.text, vscode.TreeItemCollapsibleState.None);
  item.id = reasonNodeId(r.id);
  item.description = reasonDescription(r);
  item.contextValue = reasonContextValue(r, node.moves);
  const dim = new vscode.ThemeColor('disabledForeground');
  item.iconPath = r.deleted
    ? new vscode.ThemeIcon('trash', dim)
    : r.enabled ? new vscode.ThemeIcon('tag') : new vscode.ThemeIcon(DISABLED_REASON_ICON, dim);
  item.tooltip = reasonTooltip(r, revision, limitText);
  item.accessibilityInformation = { label: `${r.text}, ${r.state}${r.enabled ? '' : ', disabled'}${r.deleted ? ', deleted' : ''}` };
  return item;
}

export function reasonTooltip(r: StatusReason, revision: string | undefined, limitText?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.value = reasonTooltipMarkdown(r, revision, limitText);
  return md;
}

