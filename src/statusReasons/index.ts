// Placeholder: the statusReasons feature registers its views and commands here.
import type { FeatureContext } from '../platform/featureContext';

export function registerStatusReasons(_ctx: FeatureContext): unknown {
  return {};
}
