// Placeholder: the timeline feature registers its views and commands here.
import type { FeatureContext } from '../platform/featureContext';

export function registerTimeline(_ctx: FeatureContext): unknown {
  return {};
}
