// Apply: the plan that turns the server's reasons into a document's. Pure; no `vscode` here.
// Decisions (documented in media/status-reasons.schema.json too):
//  - a document reason with an `id` is that server reason; without one it matches a non-deleted
//    server reason of exactly the same text, else it is created;
//  - server reasons missing from the document are deleted only when the document says
//    `"deleteMissing": true`; otherwise they are listed as kept;
//  - anything the server would refuse (text rules, duplicates, unknown or deleted ids) is flagged
//    in the plan and never sent;
//  - a document reason's `order`, when given, is written if it differs from the server's (a
//    reorder: `Move “Lunch” 3 → 1`); without `order` the reason keeps its place;
//  - execution order: deletes, then updates, then one POST of all creates (so a text freed by a
//    delete or rename can be reused).
import type { NewStatusReason, StatusReason } from '../api/types';
import { reasonTextProblem } from '../domain/reasonRules';
import { describeDifferences, lookalikeDifferences, lookalikeKey } from '../domain/lookalike';
import { orderText } from './conflictText';
import type { ReasonsDocument } from './reasonsDocument';

export type Change = 'rename' | 'enable' | 'disable' | 'state' | 'order';
export type PlanItem =
  | { kind: 'create'; index: number; reason: NewStatusReason }
  | { kind: 'update'; index: number; before: StatusReason; after: StatusReason; changes: Change[] }
  | { kind: 'delete'; reason: StatusReason }
  | { kind: 'keep'; reason: StatusReason }
  | { kind: 'invalid'; index: number; text: string; problem: string };

export interface Plan {
  items: PlanItem[];
  /** creates + updates + deletes */
  changeCount: number;
  /** things to tell the user before confirming (other account, older revision) */
  warnings: string[];
}

export function computePlan(doc: ReasonsDocument, server: readonly StatusReason[], current: { accountId: string; revision?: string }): Plan {
  const warnings: string[] = [];
  if (doc.account !== undefined && doc.account !== current.accountId) warnings.push(`The document was exported from account ${doc.account}; you are applying it to account ${current.accountId}.`);
  if (doc.revision !== undefined && current.revision !== undefined && doc.revision !== current.revision) warnings.push(`The account changed since the document was exported (revision ${doc.revision} → ${current.revision}); the plan compares against the server as it is now.`);

  const byId = new Map(server.map(r => [r.id, r]));
  const live = server.filter(r => !r.deleted);
  const matched = new Set<string>();
  const items: PlanItem[] = [];
  const seenIds = new Set<string>();

  // First pass: ids, so text matching never steals a reason the document names by id.
  const target: (StatusReason | undefined | 'invalid')[] = doc.reasons.map((d, index) => {
    if (d.id === undefined) return undefined;
    const problem = seenIds.has(d.id) ? `id ${d.id} appears twice in the document` : !byId.has(d.id) ? `id ${d.id} is not on the server` : byId.get(d.id)!.deleted ? `reason ${d.id} (“${byId.get(d.id)!.text}”) is deleted; remove its id to create it anew` : undefined;
    seenIds.add(d.id);
    if (problem) { items.push({ kind: 'invalid', index, text: d.text, problem }); return 'invalid'; }
    matched.add(d.id);
    return byId.get(d.id);
  });
  doc.reasons.forEach((d, index) => {
    if (target[index] !== undefined || d.id !== undefined) return;
    const same = live.find(r => r.text === d.text && !matched.has(r.id));
    if (same) { matched.add(same.id); target[index] = same; }
  });

  const deleteMissing = doc.deleteMissing === true;
  const missing = live.filter(r => !matched.has(r.id));
  // Texts that will exist after the plan: every document text plus the reasons kept as they are.
  const finalTexts = new Map<string, number>();
  doc.reasons.forEach((d, i) => { if (target[i] !== 'invalid' && !finalTexts.has(d.text)) finalTexts.set(d.text, i); });

  doc.reasons.forEach((d, index) => {
    const t = target[index];
    if (t === 'invalid') return;
    const problem = reasonTextProblem(d.text)
      ?? (finalTexts.get(d.text) !== index ? `same text as reasons[${finalTexts.get(d.text)}]` : undefined)
      ?? (!deleteMissing ? clashWithKept(d.text, missing) : undefined);
    if (problem) { items.push({ kind: 'invalid', index, text: d.text, problem }); return; }
    const enabled = d.enabled ?? true;
    if (!t) {
      items.push({ kind: 'create', index, reason: { text: d.text, state: d.state, enabled, ...(d.order !== undefined ? { order: d.order } : {}) } });
      return;
    }
    const changes: Change[] = [];
    if (t.text !== d.text) changes.push('rename');
    if (t.state !== d.state) changes.push('state');
    if (t.enabled !== enabled) changes.push(enabled ? 'enable' : 'disable');
    if (d.order !== undefined && d.order !== t.order) changes.push('order');
    if (changes.length) items.push({ kind: 'update', index, before: t, after: { ...t, text: d.text, state: d.state, enabled, ...(d.order !== undefined ? { order: d.order } : {}) }, changes });
  });
  for (const r of missing) items.push(deleteMissing ? { kind: 'delete', reason: r } : { kind: 'keep', reason: r });

  const order = { invalid: 0, delete: 1, update: 2, create: 3, keep: 4 } as const;
  items.sort((a, b) => order[a.kind] - order[b.kind]);
  const firstUpdate = items.findIndex(i => i.kind === 'update');
  if (firstUpdate >= 0) {
    const updates = items.filter((i): i is Extract<PlanItem, { kind: 'update' }> => i.kind === 'update');
    items.splice(firstUpdate, updates.length, ...orderRenames(updates));
  }
  const changeCount = items.filter(i => i.kind === 'create' || i.kind === 'update' || i.kind === 'delete').length;
  warnings.push(...lookalikeWarnings(items, doc, target));
  return { items, changeCount, warnings };
}

/**
 * A created or renamed text that differs from another text the account will hold only by case,
 * spacing or look-alike letters: a warning in the review (the user may still apply).
 */
function lookalikeWarnings(items: readonly PlanItem[], doc: ReasonsDocument, target: readonly (StatusReason | undefined | 'invalid')[]): string[] {
  const after: { text: string; changed: boolean }[] = [];
  for (const i of items) {
    if (i.kind === 'create') after.push({ text: i.reason.text, changed: true });
    else if (i.kind === 'update') after.push({ text: i.after.text, changed: i.changes.includes('rename') });
    else if (i.kind === 'keep') after.push({ text: i.reason.text, changed: false });
  }
  // reasons the document names unchanged
  doc.reasons.forEach((d, index) => {
    const t = target[index];
    if (t && t !== 'invalid' && !items.some(i => i.kind === 'update' && i.index === index)) after.push({ text: t.text, changed: false });
  });
  const groups = new Map<string, { text: string; changed: boolean }[]>();
  for (const a of after) groups.set(lookalikeKey(a.text), [...(groups.get(lookalikeKey(a.text)) ?? []), a]);
  const out: string[] = [];
  for (const group of groups.values()) {
    const texts = [...new Set(group.map(g => g.text))];
    if (texts.length < 2 || !group.some(g => g.changed)) continue;
    out.push(`${texts.map(t => `“${t}”`).join(' and ')} would differ only in ${describeDifferences(lookalikeDifferences(texts[0], texts[1]))}: agents could not tell them apart.`);
  }
  return out;
}

/**
 * A rename to a text another reason is giving up in the same plan waits for that rename (A → “B”
 * after B → “C”). A cycle (A ↔ B) cannot be ordered: it is left as is and the server refuses the
 * first rename, which is then reported.
 */
export function orderRenames<T extends { before: StatusReason; after: StatusReason }>(updates: readonly T[]): T[] {
  const pending = [...updates];
  const out: T[] = [];
  while (pending.length) {
    const free = pending.findIndex(u => !pending.some(o => o !== u && o.before.text === u.after.text && o.after.text !== o.before.text));
    out.push(pending.splice(free >= 0 ? free : 0, 1)[0]);
  }
  return out;
}

function clashWithKept(text: string, kept: readonly StatusReason[]): string | undefined {
  const k = kept.find(r => r.text === text);
  return k ? `same text as “${k.text}” (id ${k.id}), which is not in the document and is kept (set "deleteMissing": true to delete it)` : undefined;
}

/** One line per plan item, for the confirmation and the report. */
export function describePlanItem(item: PlanItem): string {
  switch (item.kind) {
    case 'create': return `Create “${item.reason.text}” (${item.reason.state}${item.reason.enabled ? '' : ', disabled'})`;
    case 'delete': return `Delete “${item.reason.text}” (${item.reason.state}, id ${item.reason.id})`;
    case 'keep': return `Keep “${item.reason.text}” (not in the document; deleteMissing is off)`;
    case 'invalid': return `Skip reasons[${item.index}] “${item.text}”: ${item.problem}`;
    case 'update': return describeUpdate(item);
  }
}

/** `Rename “Lunch break” → “Lunch (60 min)”, disable (id 1)`, `Move “Lunch” 3 → 1 (id 1)` — the reason as it is now, then what it becomes. */
function describeUpdate(item: Extract<PlanItem, { kind: 'update' }>): string {
  const { before, after } = item;
  const order: Change[] = ['rename', 'state', 'enable', 'disable', 'order'];
  const changes = order.filter(c => item.changes.includes(c));
  const was = `“${before.text}”`;
  const reorder = `${orderText(before.order)} → ${orderText(after.order)}`;
  const lead = (c: Change): string =>
    c === 'rename' ? `Rename ${was} → “${after.text}”`
      : c === 'state' ? `Move ${was} from ${before.state} to ${after.state}`
        : c === 'order' ? `Move ${was} ${reorder}`
          : `${c === 'enable' ? 'Enable' : 'Disable'} ${was}`;
  const more = (c: Change): string =>
    c === 'rename' ? `rename to “${after.text}”` : c === 'state' ? `move from ${before.state} to ${after.state}` : c === 'order' ? `order ${reorder}` : c;
  const [first, ...rest] = changes;
  const text = first === undefined ? `Update ${was}` : [lead(first), ...rest.map(more)].join(', ');
  return `${text} (id ${before.id})`;
}

export function summarizePlan(plan: Plan): string {
  const count = (k: PlanItem['kind']) => plan.items.filter(i => i.kind === k).length;
  const parts = [`${count('create')} to create`, `${count('update')} to change`, `${count('delete')} to delete`];
  if (count('keep')) parts.push(`${count('keep')} kept`);
  if (count('invalid')) parts.push(`${count('invalid')} skipped as invalid`);
  return parts.join(', ');
}
