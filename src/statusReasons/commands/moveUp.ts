// liveperson.statusReasons.moveUp — moves a reason one place up within its state (or, with `{ id, to }`
// as a drop sends it, into the place of a reason above it). Writes the fewest `order` values, each with
// If-Match; a conflict reloads, says what changed and offers a retry. The moved reason stays selected.
// Args: see runMoveCommand. Returns `{ reason?, writes }`, or undefined when cancelled.
import type { ReasonsFeature } from '../feature';
import { runMoveCommand, type MoveResult } from '../moveReason';

export function moveUpCommand(f: ReasonsFeature) {
  return (...args: unknown[]): Promise<MoveResult | undefined> => runMoveCommand(f, 'up', args);
}
