// The Check Permissions feature: one command (liveperson.checkPermissions). Registration only.
import type { FeatureContext } from '../platform/featureContext';
import { registerCheckPermissionsCommand } from './commands/checkPermissions';

export function registerPermissions(ctx: FeatureContext): void {
  registerCheckPermissionsCommand(ctx);
}
