// liveperson.statusReasons.showDeletedReasons — the view title's "Show Deleted Status Reasons" (eye),
// offered while deleted reasons are hidden. Same effect as toggleDeleted with `{ show: true }`.
// Returns true.
import type { ReasonsFeature } from '../feature';
import { toggleDeletedCommand } from './toggleDeleted';

export function showDeletedCommand(f: ReasonsFeature) {
  const toggle = toggleDeletedCommand(f);
  return (): Promise<boolean> => toggle({ show: true });
}
