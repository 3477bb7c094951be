// What the Status Reasons tree shows, as plain data, and the difference between two such shapes —
// the provider fires onDidChangeTreeData only for what this diff names. No `vscode` here.
import { REASON_STATES, type ReasonState, type StatusReason } from '../api/types';
import { inDisplayOrder } from './reasonOrder';

export interface TreeShape {
  /** the state groups shown, in the fixed order Away, Online, Occupied (empty groups are hidden) */
  groups: ReasonState[];
  /** visible reasons of each group, in display order (reasonOrder.ts: unordered first as listed, then by `order`) */
  children: Map<ReasonState, StatusReason[]>;
}

/**
 * Groups the reasons by state, each in display order; deleted ones only when `showDeleted`, or when
 * `alsoDeleted` says so (Show Reason Usage lists deleted reasons that still have usage in the range).
 */
export function shapeOf(reasons: readonly StatusReason[], showDeleted: boolean, alsoDeleted?: (r: StatusReason) => boolean): TreeShape {
  const children = new Map<ReasonState, StatusReason[]>();
  for (const r of reasons) {
    if (r.deleted && !showDeleted && !alsoDeleted?.(r)) continue;
    const list = children.get(r.state) ?? [];
    list.push(r);
    children.set(r.state, list);
  }
  for (const [state, list] of children) children.set(state, inDisplayOrder(list));
  const known = new Set<string>(REASON_STATES);
  const extra = [...children.keys()].filter(s => !known.has(s));
  const groups = [...REASON_STATES, ...extra].filter(s => (children.get(s)?.length ?? 0) > 0);
  return { groups, children };
}

export interface ShapeDiff {
  /** the set or order of groups changed: refresh the whole tree */
  root: boolean;
  /** groups whose children (membership, order, count or how many are deleted) changed: refresh the group */
  groups: ReasonState[];
  /** reasons still in the same place whose look changed (text, enabled, deleted): refresh the item */
  items: string[];
}

export function sameReasonLook(a: StatusReason, b: StatusReason): boolean {
  return a.text === b.text && a.state === b.state && a.enabled === b.enabled && a.deleted === b.deleted && a.order === b.order;
}

export function diffShapes(prev: TreeShape, next: TreeShape): ShapeDiff {
  const root = prev.groups.length !== next.groups.length || prev.groups.some((g, i) => next.groups[i] !== g);
  if (root) return { root: true, groups: [], items: [] };
  const groups: ReasonState[] = [];
  const items: string[] = [];
  for (const g of next.groups) {
    const before = prev.children.get(g) ?? [];
    const after = next.children.get(g) ?? [];
    const sameIds = before.length === after.length && before.every((r, i) => after[i].id === r.id);
    // the group's description counts live and deleted reasons apart: a deletion changes it too
    const deletedCount = (list: readonly StatusReason[]) => list.filter(r => r.deleted).length;
    if (!sameIds || deletedCount(before) !== deletedCount(after)) {
      groups.push(g);
      continue;
    }
    after.forEach((r, i) => {
      if (!sameReasonLook(before[i], r)) items.push(r.id);
    });
  }
  return { root: false, groups, items };
}

/** Everything the model can say changed between two lists (by id). */
export interface ReasonsDelta {
  added: string[];
  removed: string[];
  changed: string[];
}
export function diffReasons(prev: readonly StatusReason[], next: readonly StatusReason[]): ReasonsDelta {
  const before = new Map(prev.map(r => [r.id, r]));
  const after = new Map(next.map(r => [r.id, r]));
  const added = next.filter(r => !before.has(r.id)).map(r => r.id);
  const removed = prev.filter(r => !after.has(r.id)).map(r => r.id);
  const changed = next.filter(r => before.has(r.id) && !sameReasonLook(before.get(r.id)!, r)).map(r => r.id);
  return { added, removed, changed };
}
