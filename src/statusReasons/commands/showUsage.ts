// liveperson.statusReasons.showUsage — the view title's toggle (graph icon): each reason's
// description gains its usage over `liveperson.statusReasons.usageRange` (`12 uses · 3 h 40 m ·
// 9 agents`, or `unused in 7 days`), its tooltip the median / 90th-percentile duration, last use and
// busiest hour; a state group its total; deleted reasons with usage are listed too. Kept across
// reloads (globalState). Args: optional `{ show: boolean }` to set instead of flip. Returns the new
// value at once; the usage loads in the background (a failure — e.g. a username/password session,
// which Agent Activity refuses — is explained with its next action).
import type { ReasonsFeature } from '../feature';

export function showUsageCommand(f: ReasonsFeature) {
  return async (args?: unknown): Promise<boolean> => {
    const explicit = args && typeof args === 'object' && typeof (args as { show?: unknown }).show === 'boolean' ? (args as { show: boolean }).show : undefined;
    const show = explicit ?? !f.usageView.isOn;
    await f.usageView.setOn(show, { explain: true });
    return show;
  };
}
