// liveperson.agents.toggleAutoRefresh — pause or resume Live Agents' auto-refresh.
// Argument (optional): `true` = pause, `false` = resume; without it the state flips.
// Returns `{ paused }`. Resuming while the view is visible refreshes at once.
import type { FeatureContext } from '../../platform/featureContext';
import type { LiveAgentsController } from '../liveAgentsController';

export function registerToggleAutoRefreshCommand(ctx: FeatureContext, agents: LiveAgentsController): void {
  ctx.registerCommand('liveperson.agents.toggleAutoRefresh', (arg?: unknown) => {
    const paused = typeof arg === 'boolean' ? arg : !agents.scheduler.isPaused;
    agents.setPaused(paused);
    ctx.log.info(`Live Agents: auto-refresh ${paused ? 'paused' : 'resumed'}.`);
    return { paused };
  });
}
