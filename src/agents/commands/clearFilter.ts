// liveperson.agents.clearFilter — show every agent again. Arguments: none.
import type { FeatureContext } from '../../platform/featureContext';
import type { LiveAgentsController } from '../liveAgentsController';

export function registerClearFilterCommand(ctx: FeatureContext, agents: LiveAgentsController): void {
  ctx.registerCommand('liveperson.agents.clearFilter', () => {
    agents.setFilter({});
  });
}
