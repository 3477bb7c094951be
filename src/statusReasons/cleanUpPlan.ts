// Clean up's plan: the account's reasons as a reasons document with the picked reasons disabled
// or left out (deleteMissing), computed by Apply's own computePlan against the very reasons the
// user picked from, so the diff, review and revision-checked run are Apply's. Pure; no `vscode`.
import type { StatusReason } from '../api/types';
import { computePlan, type Plan } from './applyPlan';
import { buildDocument, type ReasonsDocument } from './reasonsDocument';

export type CleanUpAction = 'disable' | 'delete';

export function cleanUpDocument(reasons: readonly StatusReason[], actions: ReadonlyMap<string, CleanUpAction>, accountId: string, revision: string | undefined): ReasonsDocument {
  const doc = buildDocument(accountId, revision, reasons);
  return {
    ...doc,
    deleteMissing: true,
    reasons: doc.reasons
      .filter(r => r.id === undefined || actions.get(r.id) !== 'delete')
      .map(r => (r.id !== undefined && actions.get(r.id) === 'disable' ? { ...r, enabled: false } : r)),
  };
}

export function cleanUpPlan(reasons: readonly StatusReason[], actions: ReadonlyMap<string, CleanUpAction>, accountId: string, revision: string | undefined): { doc: ReasonsDocument; plan: Plan } {
  const doc = cleanUpDocument(reasons, actions, accountId, revision);
  return { doc, plan: computePlan(doc, reasons, { accountId, revision }) };
}
