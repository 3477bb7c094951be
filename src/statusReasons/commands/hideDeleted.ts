// liveperson.statusReasons.hideDeletedReasons — the view title's "Hide Deleted Status Reasons"
// (eye-closed), offered while deleted reasons are shown. Same effect as toggleDeleted with
// `{ show: false }`. Returns false.
import type { ReasonsFeature } from '../feature';
import { toggleDeletedCommand } from './toggleDeleted';

export function hideDeletedCommand(f: ReasonsFeature) {
  const toggle = toggleDeletedCommand(f);
  return (): Promise<boolean> => toggle({ show: false });
}
