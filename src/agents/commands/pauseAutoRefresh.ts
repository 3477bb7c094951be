// liveperson.agents.pauseAutoRefresh — the Live Agents title's pause button (shown while
// auto-refresh runs). Same as toggleAutoRefresh with `true`. Returns `{ paused: true }`.
import type { FeatureContext } from '../../platform/featureContext';
import type { LiveAgentsController } from '../liveAgentsController';

export function registerPauseAutoRefreshCommand(ctx: FeatureContext, agents: LiveAgentsController): void {
  ctx.registerCommand('liveperson.agents.pauseAutoRefresh', () => {
    agents.setPaused(true);
    ctx.log.info('Live Agents: auto-refresh paused.');
    return { paused: true };
  });
}
