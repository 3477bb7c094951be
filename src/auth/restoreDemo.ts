// After a window reload: when the demo account was the active one, restart the bundled emulator
// (in-process, 127.0.0.1, random port, the same seed so the same data) and sign in to it again.
// Runs in the restore step after activation has registered everything — never inside activate().
import type { AccountsDeps } from './signInService';
import type { DemoEmulator } from './demoEmulator';
import { openDemo } from './commands/openDemo';

export async function restoreDemo(deps: AccountsDeps, demo: DemoEmulator): Promise<void> {
  try {
    await openDemo(deps, demo, { quiet: true });
    deps.ctx.log.info('The demo account is back: the bundled emulator restarted with the same data.');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    deps.ctx.log.error(`Restarting the demo account failed: ${why}`);
    await deps.manager.demoRestoreFailed();
    void deps.ctx.prompter.warn('The demo account could not be restarted after the reload. Use “Try the Demo Account” to start it again.', 'Show Log');
  }
}

/** What activation's restore step does: the remembered account, or the demo account restarted. */
export async function restoreActiveAccount(deps: AccountsDeps, demo: DemoEmulator): Promise<void> {
  const restored = await deps.manager.restore();
  // someone may have signed in meanwhile: openDemo only signs in when the demo is not already active
  if (restored === 'demo' && !deps.manager.active) await restoreDemo(deps, demo);
}
