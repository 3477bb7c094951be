// liveperson.statusReasons.moveDown — moves a reason one place down within its state (or, with
// `{ id, to }` as a drop sends it, into the place of a reason below it). Writes the fewest `order`
// values, each with If-Match; a conflict reloads, says what changed and offers a retry. The moved
// reason stays selected. Args: see runMoveCommand. Returns `{ reason?, writes }`, or undefined when cancelled.
import type { ReasonsFeature } from '../feature';
import { runMoveCommand, type MoveResult } from '../moveReason';

export function moveDownCommand(f: ReasonsFeature) {
  return (...args: unknown[]): Promise<MoveResult | undefined> => runMoveCommand(f, 'down', args);
}
