// What `activate` returns. Extension-host tests reach the running extension through it
// (`vscode.extensions.getExtension(id).exports`); nothing here is needed by users.
import type { AccountsTestHooks } from './auth/testHooks';
import type { AccountSession, ContextKey, ContextKeyValues } from './platform/featureContext';
import type { Prompter } from './platform/prompter';

export interface ExtensionApi {
  /** Swap the prompter (a scripted double in tests); undefined restores the real one. */
  setPrompter(prompter: Prompter | undefined): void;
  session: AccountSession;
  /** The last value the extension set for a context key (`when` clauses, viewsWelcome). */
  contextKey<K extends ContextKey>(key: K): ContextKeyValues[K] | undefined;
  /** Test hooks of each part; each part documents its own shape (accounts: src/auth/testHooks.ts). */
  accounts: AccountsTestHooks;
  statusReasons: unknown;
  agents: unknown;
  timeline: unknown;
  /** the URI handler's logic (src/deepLinks/index.ts DeepLinksTestHooks) */
  deepLinks: unknown;
}
