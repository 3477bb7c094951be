// liveperson.statusReasons.refresh — reloads the list, and recomputes reason usage when Show Reason
// Usage is on (in the background: the tree is usable meanwhile). Args: none. Returns the number of
// reasons loaded (deleted ones included). A failure is thrown to the command wrapper (message + Retry).
import type { ReasonsFeature } from '../feature';

export function refreshCommand(f: ReasonsFeature) {
  return async (): Promise<number> => {
    if (f.usageView.isOn) void f.usageView.load({ fresh: true, explain: true });
    await f.model.load();
    return f.model.reasons.length;
  };
}
