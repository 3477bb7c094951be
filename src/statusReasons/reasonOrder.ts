// The order of reasons within a state, and the fewest `order` writes that make a move happen.
// Pure; no `vscode` here.
//
// Display rule (liveperson-api.md §3.2: a reason created without `order` goes before the existing
// ones): within a state, reasons without an `order` come first, as the server lists them; then the
// others by `order`; equal orders as the server lists them.
//
// A move is "put reason X just before / just after reason A" (Move Up = before the one above it;
// Move Down = after the one below it; a drop = into the target's place). The API has no bulk update
// and a PUT carries the full object, so the plan keeps as many reasons' `order` as it can and writes
// only the others (any integer, negative included, so moving to the top of 0, 1, 2 … writes one).
import { REASON_STATES, type ReasonState, type StatusReason } from '../api/types';

/** The reasons in display order (stable: ties and reasons without order keep the server's order). */
export function inDisplayOrder<T extends StatusReason>(reasons: readonly T[]): T[] {
  return reasons
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ao = a.r.order, bo = b.r.order;
      if (ao === undefined || bo === undefined) return ao === bo ? a.i - b.i : ao === undefined ? -1 : 1;
      return ao - bo || a.i - b.i;
    })
    .map(x => x.r);
}

/** Every reason grouped the way the tree shows them: states in tree order, each in display order. */
export function inTreeOrder<T extends StatusReason>(reasons: readonly T[]): T[] {
  const known = new Set<string>(REASON_STATES);
  const states = [...REASON_STATES, ...new Set(reasons.map(r => r.state).filter(s => !known.has(s)))];
  return states.flatMap(s => inDisplayOrder(reasons.filter(r => r.state === s)));
}

/** The live (not deleted) reasons of one state in display order: what a move reorders. */
export function liveGroup(reasons: readonly StatusReason[], state: ReasonState): StatusReason[] {
  return inDisplayOrder(reasons.filter(r => r.state === state && !r.deleted));
}

export interface Move {
  id: string;
  /** the reason it goes next to */
  anchor: string;
  side: 'before' | 'after';
}

/** Move Up / Move Down as an anchored move (undefined at the top / bottom, or deleted). */
export function stepMove(reasons: readonly StatusReason[], id: string, direction: 'up' | 'down'): Move | undefined {
  const r = reasons.find(x => x.id === id);
  if (!r || r.deleted) return undefined;
  const group = liveGroup(reasons, r.state);
  const i = group.findIndex(x => x.id === id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= group.length) return undefined;
  return { id, anchor: group[j].id, side: direction === 'up' ? 'before' : 'after' };
}

/** A move into another reason's place: dragged upward it goes before it, downward after it. */
export function moveIntoPlaceOf(reasons: readonly StatusReason[], id: string, target: string): Move | undefined {
  const r = reasons.find(x => x.id === id);
  if (!r || r.deleted || id === target) return undefined;
  const group = liveGroup(reasons, r.state);
  const i = group.findIndex(x => x.id === id);
  const j = group.findIndex(x => x.id === target);
  if (j < 0) return undefined;
  return { id, anchor: target, side: j < i ? 'before' : 'after' };
}

/** Why a move cannot be made on these reasons (deleted, other state, already there), or undefined. */
export function moveProblem(reasons: readonly StatusReason[], move: Move): string | undefined {
  const r = reasons.find(x => x.id === move.id);
  const a = reasons.find(x => x.id === move.anchor);
  if (!r || r.deleted) return `“${r?.text ?? move.id}” is deleted.`;
  if (!a || a.deleted) return `“${a?.text ?? move.anchor}”, which it was to go ${move.side}, is deleted.`;
  if (a.state !== r.state) return `“${a.text}” is an ${a.state} reason and “${r.text}” an ${r.state} one: reasons are ordered within their state.`;
  const group = liveGroup(reasons, r.state);
  const i = group.findIndex(x => x.id === r.id);
  const j = group.findIndex(x => x.id === a.id);
  if ((move.side === 'before' && i === j - 1) || (move.side === 'after' && i === j + 1)) {
    return `“${r.text}” is already ${move.side === 'before' ? 'just above' : 'just below'} “${a.text}”.`;
  }
  return undefined;
}

/** The group's live reasons as they will be shown after the move. */
export function orderAfterMove(reasons: readonly StatusReason[], move: Move): StatusReason[] {
  const r = reasons.find(x => x.id === move.id)!;
  const rest = liveGroup(reasons, r.state).filter(x => x.id !== move.id);
  const j = rest.findIndex(x => x.id === move.anchor);
  rest.splice(move.side === 'before' ? j : j + 1, 0, r);
  return rest;
}

export interface OrderWrite {
  reason: StatusReason;
  /** the order it has now (undefined: none) */
  from: number | undefined;
  to: number;
}

/**
 * The fewest `order` writes that make `current` (display order) show as `desired` (the same reasons
 * in their new order). Kept: a leading run of reasons without order still in server order, then the
 * largest set whose orders already increase with room (integers) for the reasons between them. The
 * `prefer` reason (the one moved) is the one written when two plans write as few.
 */
export function planOrderWrites(current: readonly StatusReason[], desired: readonly StatusReason[], prefer?: string): OrderWrite[] {
  const shownAt = new Map(current.map((r, i) => [r.id, i]));
  // leading reasons without order, still in the server's order among themselves: they stay unordered
  let p = 0;
  while (p < desired.length && desired[p].order === undefined && (p === 0 || shownAt.get(desired[p].id)! > shownAt.get(desired[p - 1].id)!)) p++;
  const n = desired.length;
  const o = desired.map(r => r.order);
  const weight = (k: number) => (desired[k].id === prefer ? 1 : 2);
  const score: number[] = new Array(n).fill(-1);
  const prev: number[] = new Array(n).fill(-1);
  for (let k = p; k < n; k++) {
    const ok = o[k];
    if (ok === undefined) continue;
    score[k] = weight(k);
    for (let j = p; j < k; j++) {
      const oj = o[j];
      if (score[j] < 0 || oj === undefined || ok - oj < k - j) continue;
      if (score[j] + weight(k) > score[k]) { score[k] = score[j] + weight(k); prev[k] = j; }
    }
  }
  let last = -1;
  for (let k = p; k < n; k++) if (score[k] > (last < 0 ? 0 : score[last])) last = k;
  const kept = new Set<number>();
  for (let k = last; k >= 0; k = prev[k]) kept.add(k);

  const to: (number | undefined)[] = desired.map((_, k) => (k < p || kept.has(k) ? o[k] : undefined));
  const keptList = [...kept].sort((a, b) => a - b);
  if (!keptList.length) {
    for (let k = p; k < n; k++) to[k] = k - p;
  } else {
    const first = keptList[0];
    for (let k = p; k < first; k++) to[k] = o[first]! - (first - k);
    for (let k = first + 1; k < n; k++) if (to[k] === undefined) to[k] = to[k - 1]! + 1;
  }
  return desired
    .map((r, k) => ({ reason: r, from: r.order, to: to[k] }))
    .filter((w, k): w is OrderWrite => k >= p && w.to !== undefined && w.to !== w.from);
}
