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

/** `usage`: Show Reason Usage's group total (`40 uses · 12 h 3 m`), when on */
export function stateTreeItem(node: StateNode, usage?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(node.state, vscode.TreeItemCollapsibleState.Expanded);
  item.id = stateNodeId(node.state);
  item.description = [stateDescription(node.state, node.count, node.deleted), usage].filter(Boolean).join(' · ');
  item.tooltip = stateTooltip(node.state, node.count, node.deleted);
  item.contextValue = `statusReasonState ${node.state.toLowerCase()}`;
  const icon = stateIcon(node.state);
  item.iconPath = new vscode.ThemeIcon(icon.iconId, new vscode.ThemeColor(icon.colorId));
  return item;
}

/** `usage`: Show Reason Usage's description part and tooltip lines (Markdown, escaped), when on */
export function reasonTreeItem(node: ReasonNode, revision: string | undefined, limitText?: string, usage?: { description: string; tooltip: string }): vscode.TreeItem {
  const r = node.reason;
  // The label is plain text: server text shows exactly as typed (HTML, Markdown and emoji included).
  const item = new vscode.TreeItem(r.text, vscode.TreeItemCollapsibleState.None);
  item.id = reasonNodeId(r.id);
  item.description = [reasonDescription(r), usage?.description].filter(Boolean).join(' · ');
  item.contextValue = reasonContextValue(r, node.moves);
  const dim = new vscode.ThemeColor('disabledForeground');
  item.iconPath = r.deleted
    ? new vscode.ThemeIcon('trash', dim)
    : r.enabled ? new vscode.ThemeIcon('tag') : new vscode.ThemeIcon(DISABLED_REASON_ICON, dim);
  item.tooltip = reasonTooltip(r, revision, limitText, usage?.tooltip);
  item.accessibilityInformation = { label: `${r.text}, ${r.state}${r.enabled ? '' : ', disabled'}${r.deleted ? ', deleted' : ''}${usage ? `, ${usage.description}` : ''}` };
  return item;
}

export function reasonTooltip(r: StatusReason, revision: string | undefined, limitText?: string, usageMarkdown?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.value = reasonTooltipMarkdown(r, revision, limitText) + (usageMarkdown ? `\n\n${usageMarkdown}` : '');
  return md;
}

