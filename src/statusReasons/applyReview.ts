// Apply's review: the plan as a diff of the reasons only (server now ↔ document) and a NON-modal
// list ("Apply N changes" / "Cancel" and one row per item) that stays open while the user looks at
// the diff (ignoreFocusOut), and the refresh of the diff's server side after applying, so it never
// shows a stale "now".
import * as vscode from 'vscode';
import { BACK, type PickItem } from '../platform/prompter';
import { describePlanItem, summarizePlan, type Plan, type PlanItem } from './applyPlan';
import type { ReasonsFeature } from './feature';
import { buildDocument, type DocumentReason, type ReasonsDocument } from './reasonsDocument';
import type { StatusReason } from '../api/types';

const ITEM_ICON: Record<PlanItem['kind'], string> = { create: 'add', update: 'edit', delete: 'trash', keep: 'circle-outline', invalid: 'warning' };

/** true = apply. Escape or Cancel = false. Picking a plan row keeps the list open. */
export async function reviewPlan(f: ReasonsFeature, plan: Plan, accountId: string): Promise<boolean> {
  const n = plan.changeCount;
  type Choice = 'apply' | 'cancel' | 'row';
  const items: PickItem<Choice>[] = [
    { label: `Apply ${n} change${n === 1 ? '' : 's'}`, description: `to account ${accountId}`, value: 'apply', iconId: 'check' },
    { label: 'Cancel', description: 'change nothing', value: 'cancel', iconId: 'close' },
    ...plan.warnings.map((w): PickItem<Choice> => ({ label: w, value: 'row', iconId: 'warning' })),
    ...plan.items.filter(i => i.kind !== 'keep').map((i): PickItem<Choice> => ({ label: describePlanItem(i), value: 'row', iconId: ITEM_ICON[i.kind] })),
  ];
  const kept = plan.items.filter(i => i.kind === 'keep').length;
  if (kept) items.push({ label: `${kept} reason${kept === 1 ? '' : 's'} not in the document stay as they are`, description: 'deleteMissing is off', value: 'row', iconId: ITEM_ICON.keep });
  for (;;) {
    const choice = await f.ctx.prompter.pick(items, {
      title: `Apply to account ${accountId}: ${summarizePlan(plan)}`,
      placeHolder: 'The diff editor shows every change — click into it to read it; this list stays open',
      ignoreFocusOut: true,
      matchOnDescription: true,
    });
    if (choice === undefined || choice === BACK || choice === 'cancel') return false;
    if (choice === 'apply') return true;
  }
}

/** Only what Apply compares — the reasons — in one shape on both sides (no account/revision/deleteMissing noise). */
function comparable(reasons: readonly DocumentReason[], withOrder: boolean): string {
  const rows = reasons.map(r => ({
    ...(r.id !== undefined ? { id: r.id } : {}),
    text: r.text,
    state: r.state,
    enabled: r.enabled ?? true,
    ...(withOrder && r.order !== undefined ? { order: r.order } : {}),
  }));
  // `{ "reasons": [...] }`: the shape of a reasons document, so the *.lpreasons.json schema finds nothing to flag
  return `${JSON.stringify({ reasons: rows }, null, 2)}\n`;
}

/** The server side of the diff, as Export writes it (tree order; `order` only where the server keeps one). */
function serverReasons(reasons: readonly StatusReason[]): DocumentReason[] {
  return buildDocument('', undefined, reasons).reasons;
}

export interface PlanDiff {
  /** after applying: the server side shows the account as it is now */
  refresh(): void;
}

export async function showPlanDiff(f: ReasonsFeature, doc: ReasonsDocument, accountId: string, name: string): Promise<PlanDiff> {
  const withOrder = doc.reasons.some(r => r.order !== undefined);
  const leftName = `server-${accountId}.lpreasons.json`;
  const left = f.documents.set(leftName, comparable(serverReasons(f.model.reasons), withOrder));
  const right = f.documents.set(`desired-${accountId}.lpreasons.json`, comparable(doc.reasons, withOrder));
  await vscode.commands.executeCommand('vscode.diff', left, right, `Status reasons: account ${accountId} now ↔ ${name}`, { preview: true, preserveFocus: false });
  return { refresh: () => void f.documents.set(leftName, comparable(serverReasons(f.model.reasons), withOrder)) };
}
