// Placeholder: the agents feature registers its views and commands here.
import type { FeatureContext } from '../platform/featureContext';

export function registerAgents(_ctx: FeatureContext): unknown {
  return {};
}
