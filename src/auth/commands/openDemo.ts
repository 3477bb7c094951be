// liveperson.openDemo — "Try the Demo Account"
// Arguments: none. Starts the bundled emulator in-process on 127.0.0.1 with a random port (once per
// window; a second call reuses it) and signs in to its demo account with the demo OAuth 1.0a API key,
// which every API accepts (Agent Activity included). The demo account lives in this window only.
// Returns { accountId, url } (url = the emulator's base URL, which is also its CSDS URL).
import { DEMO } from '../../emulator';
import type { DemoEmulator } from '../demoEmulator';
import { signInWithCredentials, type AccountsDeps } from '../signInService';

export const OPEN_DEMO = 'liveperson.openDemo';

export function registerOpenDemo(deps: AccountsDeps, demo: DemoEmulator): void {
  deps.ctx.registerCommand(OPEN_DEMO, () => openDemo(deps, demo));
}

export async function openDemo(deps: AccountsDeps, demo: DemoEmulator, opts: { quiet?: boolean } = {}): Promise<{ accountId: string; url: string }> {
  const emulator = await demo.ensureRunning();
  const active = deps.manager.activeRecord;
  if (!(active?.isDemo && active.csdsUrl === emulator.url)) {
    await signInWithCredentials(deps, {
      accountId: DEMO.accountId,
      credentials: { kind: 'oauth1', appKey: DEMO.appKey, secret: DEMO.appSecret, accessToken: DEMO.accessToken, accessTokenSecret: DEMO.accessTokenSecret },
      csdsUrl: emulator.url,
      isDemo: true,
      quiet: opts.quiet,
    });
  }
  return { accountId: DEMO.accountId, url: emulator.url };
}
