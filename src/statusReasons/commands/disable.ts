// liveperson.statusReasons.disable — disables one reason or the whole selection, after a modal
// confirmation that says how many live agents are in those reasons right now.
// Args: `(node, selectedNodes)` from the tree; `{ id }`, `{ ids: string[] }` or an id string from
// tests; nothing from the palette (quick pick). Each write sends If-Match with the last revision; on a
// conflict the user is told what changed and offered a retry on the fresh data.
// Returns `{ done, skipped, conflicts }` (ids / messages), or undefined when cancelled.
import { runBulkAction, type BulkResult } from '../bulkActions';
import type { ReasonsFeature } from '../feature';

export function disableCommand(f: ReasonsFeature) {
  return (...args: unknown[]): Promise<BulkResult | undefined> => runBulkAction(f, 'disable', args);
}
