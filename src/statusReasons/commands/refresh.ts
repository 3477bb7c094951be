// liveperson.statusReasons.refresh — reloads the list. Args: none. Returns the number of reasons
// loaded (deleted ones included). A failure is thrown to the command wrapper (message + Retry).
import type { ReasonsFeature } from '../feature';

export function refreshCommand(f: ReasonsFeature) {
  return async (): Promise<number> => {
    await f.model.load();
    return f.model.reasons.length;
  };
}
