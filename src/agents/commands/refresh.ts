// liveperson.agents.refresh — refresh Live Agents now (joins a refresh already in flight).
// Arguments: none. Returns `{ agents, partial }` (for tests), or undefined while signed out.
import type { FeatureContext } from '../../platform/featureContext';
import type { LiveAgentsController } from '../liveAgentsController';

export function registerRefreshCommand(ctx: FeatureContext, agents: LiveAgentsController): void {
  ctx.registerCommand('liveperson.agents.refresh', async () => {
    if (!agents.account) return undefined;
    await agents.refreshNow();
    return { agents: agents.model.size, partial: agents.model.lastAnswer?.partial ?? false };
  });
}
