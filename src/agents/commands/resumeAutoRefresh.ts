// liveperson.agents.resumeAutoRefresh — the Live Agents title's play button (shown while auto-refresh
// is paused). Same as toggleAutoRefresh with `false`: refreshes at once while the view is visible.
// Returns `{ paused: false }`.
import type { FeatureContext } from '../../platform/featureContext';
import type { LiveAgentsController } from '../liveAgentsController';

export function registerResumeAutoRefreshCommand(ctx: FeatureContext, agents: LiveAgentsController): void {
  ctx.registerCommand('liveperson.agents.resumeAutoRefresh', () => {
    agents.setPaused(false);
    ctx.log.info('Live Agents: auto-refresh resumed.');
    return { paused: false };
  });
}
