// Which reasons an item command acts on: the tree's (node, selectedNodes), explicit test arguments
// (`{ id }`, `{ ids }`, an id string), or — from the palette — a quick pick.
import type { StatusReason } from '../api/types';
import type { PickItem } from '../platform/prompter';
import { BACK } from '../platform/prompter';
import type { ReasonsFeature } from './feature';
import { isReasonNode } from './reasonLook';
import { reasonDescription } from './reasonLook';

/** Ids named by the arguments, or undefined when none were given (palette). */
export function idsFromArgs(args: readonly unknown[]): string[] | undefined {
  const [first, second] = args;
  if (Array.isArray(second) && isReasonNode(first) && second.some(n => isReasonNode(n) && n.id === first.id)) {
    return second.filter(isReasonNode).map(n => n.id);
  }
  if (isReasonNode(first)) return [first.id];
  if (typeof first === 'string') return [first];
  if (first && typeof first === 'object') {
    const o = first as { id?: unknown; ids?: unknown };
    if (Array.isArray(o.ids)) return o.ids.map(String);
    if (typeof o.id === 'string' || typeof o.id === 'number') return [String(o.id)];
  }
  return undefined;
}

export interface TargetOptions {
  many: boolean;
  title: string;
  /** reasons that may be picked (e.g. only enabled ones for Disable) */
  filter: (r: StatusReason) => boolean;
  /** what to say when nothing qualifies */
  none: string;
}

/** The reasons to act on (fresh from the model), or undefined when the user cancelled. */
export async function resolveTargets(f: ReasonsFeature, args: readonly unknown[], opts: TargetOptions): Promise<StatusReason[] | undefined> {
  await f.model.ensureLoaded();
  const ids = idsFromArgs(args);
  if (ids) {
    const found = ids.map(id => f.model.find(id));
    const missing = ids.filter((_, i) => !found[i]);
    if (missing.length) throw new Error(`No status reason with id ${missing.join(', ')} in this account.`);
    return found as StatusReason[];
  }
  const candidates = f.model.reasons.filter(r => !r.deleted && opts.filter(r));
  if (!candidates.length) {
    void f.ctx.prompter.info(opts.none);
    return undefined;
  }
  const items: PickItem<string>[] = candidates.map(r => ({
    label: r.text,
    description: [r.state, reasonDescription(r)].filter(Boolean).join(' · '),
    detail: `id ${r.id}`,
    value: r.id,
    iconId: r.enabled ? 'tag' : 'circle-slash',
  }));
  const picked = opts.many
    ? await f.ctx.prompter.pickMany(items, { title: opts.title, placeHolder: 'Choose status reasons', matchOnDescription: true })
    : await f.ctx.prompter.pick(items, { title: opts.title, placeHolder: 'Choose a status reason', matchOnDescription: true });
  if (picked === undefined || picked === BACK) return undefined;
  const chosen = Array.isArray(picked) ? picked : [picked];
  if (!chosen.length) return undefined;
  return chosen.map(id => f.model.find(id)).filter((r): r is StatusReason => r !== undefined);
}
