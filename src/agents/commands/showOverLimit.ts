// liveperson.agents.showOverLimit — "Show Only Agents Over Limit": adds the over-limit filter to the
// current one (Clear Filter removes it, like every other filter; shown in the view description).
// Returns the filter applied.
import type { FeatureContext } from '../../platform/featureContext';
import type { LiveAgentsController } from '../liveAgentsController';

export function registerShowOverLimitCommand(ctx: FeatureContext, agents: LiveAgentsController): void {
  ctx.registerCommand('liveperson.agents.showOverLimit', () => {
    const filter = { ...agents.filter, overLimit: true };
    agents.setFilter(filter);
    return filter;
  });
}
