// liveperson.showLog — "Show Log"
// Arguments: none. Reveals the "LivePerson" output channel (secrets are redacted in every line).
import type { AccountsDeps } from '../signInService';

export const SHOW_LOG = 'liveperson.showLog';

export function registerShowLog(deps: AccountsDeps): void {
  deps.ctx.registerCommand(SHOW_LOG, () => deps.ctx.log.show());
}
