// liveperson.statusReasons.hideUsage — the view title's button while usage shows (the graph icon
// with its bar): turns Show Reason Usage off (a load under way is cancelled). Returns false.
import type { ReasonsFeature } from '../feature';

export function hideUsageCommand(f: ReasonsFeature) {
  return async (): Promise<boolean> => {
    await f.usageView.setOn(false);
    return false;
  };
}
