// Moving a reason within its state group (Move Up, Move Down, drag and drop): the fewest `order`
// writes (reasonOrder.ts), each a full-object PUT with If-Match, through writeReason's conflict flow:
// on a 409/412 the model reloads, the user is told what changed and offered a retry, which plans the
// move again on the fresh data (the move is anchored to a neighbour, so a retry never moves twice).
// Afterwards the moved reason stays selected.
import type { StatusReason } from '../api/types';
import type { ReasonsFeature } from './feature';
import { orderText } from './conflictText';
import { liveGroup, moveProblem, orderAfterMove, planOrderWrites, stepMove, type Move } from './reasonOrder';
import { resolveTargets } from './targets';
import { writeReason } from './writes';

export interface MoveResult {
  /** the moved reason as the server now has it (undefined when nothing was written) */
  reason?: StatusReason;
  /** how many reasons were written */
  writes: number;
}

/** `up` / `down` / `into the place of “X”`: the verb's tail in messages. */
export function moveWords(f: ReasonsFeature, move: Move): string {
  const anchor = f.model.find(move.anchor);
  return `${move.side === 'before' ? 'above' : 'below'} “${anchor?.text ?? move.anchor}”`;
}

export async function moveReason(f: ReasonsFeature, move: Move): Promise<MoveResult> {
  const before = f.model.find(move.id);
  if (!before) throw new Error(`No status reason with id ${move.id} in this account.`);
  let writes = 0;
  const outcome = await writeReason(f, {
    before,
    verb: `move “${before.text}” ${moveWords(f, move)}`,
    precheck: () => moveProblem(f.model.reasons, move),
    send: async (fresh, revision, client, account) => {
      const plan = planOrderWrites(liveGroup(f.model.reasons, fresh.state), orderAfterMove(f.model.reasons, move), move.id);
      // the moved reason last: its answer is the one writeReason takes; neighbours first
      plan.sort((a, b) => Number(a.reason.id === move.id) - Number(b.reason.id === move.id));
      let rev = revision;
      let moved = fresh;
      for (const w of plan) {
        const current = f.model.find(w.reason.id) ?? w.reason;
        f.ctx.log.info(`Status reasons: order of “${current.text}” ${orderText(w.from)} → ${w.to} (revision ${rev ?? '?'}).`);
        const answer = await client.statusReasons.update({ ...current, order: w.to }, { revision: rev });
        writes++;
        if (answer.order !== w.to) f.ctx.log.warn(`Status reasons: the server answered “${answer.text}” with order ${orderText(answer.order)}, not ${w.to}.`);
        if (w.reason.id === move.id) moved = answer;
        else if (!account.upsert(answer)) break;
        rev = account.revision;
      }
      return moved;
    },
  });
  if (outcome.status === 'skipped') {
    void f.ctx.prompter.info(outcome.message);
    return { writes };
  }
  if (outcome.status === 'conflict') return { writes };
  await f.provider.reveal(f.view, move.id);
  return { reason: outcome.reason, writes };
}

/**
 * Move Up / Move Down. Args: `(node, selectedNodes)` from the tree (the clicked reason), `{ id }` or
 * an id string (one step), `{ id, to }` (into the place of reason `to`, above it for Move Up and
 * below it for Move Down: what a drop sends), or nothing (palette: a quick pick of the reasons that
 * can move that way).
 */
export async function runMoveCommand(f: ReasonsFeature, direction: 'up' | 'down', args: readonly unknown[]): Promise<MoveResult | undefined> {
  const word = direction === 'up' ? 'Up' : 'Down';
  const canMove = (r: StatusReason) => stepMove(f.model.reasons, r.id, direction) !== undefined;
  const targets = await resolveTargets(f, args.slice(0, 1), {
    many: false, title: `Move Status Reason ${word}`, filter: canMove,
    none: `No status reason can move ${direction}: each is alone at the ${direction === 'up' ? 'top' : 'bottom'} of its state.`,
  });
  const target = targets?.[0];
  if (!target) return undefined;
  if (target.deleted) throw new Error(`“${target.text}” is deleted and cannot be moved.`);
  const to = args[0] && typeof args[0] === 'object' ? (args[0] as { to?: unknown }).to : undefined;
  const move: Move | undefined = to === undefined
    ? stepMove(f.model.reasons, target.id, direction)
    : { id: target.id, anchor: String(to), side: direction === 'up' ? 'before' : 'after' };
  if (!move) {
    void f.ctx.prompter.info(`“${target.text}” is already at the ${direction === 'up' ? 'top' : 'bottom'} of ${target.state}.`);
    return { writes: 0 };
  }
  return moveReason(f, move);
}
