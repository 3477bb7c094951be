// PLACEHOLDER (the shell replaces it): accounts, SecretStorage and the authentication provider.
import type { AccountSession } from '../platform/featureContext';
import type { Platform } from '../platform/platform';

export function registerAccounts(_platform: Platform): { session: AccountSession; testHooks: unknown } {
  throw new Error('not implemented yet');
}
