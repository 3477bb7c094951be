// When Live Agents must ask for an API key: LivePerson documents Agent Metrics as taking an API key;
// many servers accept a username/password login too, but one that refuses it (401/403 to the
// agent-view request of a 'login' account) gets this text and a "Sign In with an API Key…" action
// instead of a bare "Refresh failed". The same rule as the timeline's (src/timeline/panelErrors.ts).
// No `vscode` import.
import type { Credentials } from '../api/types';
import { APIS } from '../api/httpErrors';
import { redact } from '../api/redact';

/** The action's label, as the timeline's. */
export const SIGN_IN_WITH_KEY_LABEL = 'Sign In with an API Key…';

/**
 * A 401/403 of Agent Metrics itself for a username/password session. A failed re-login (the login
 * request's own error) is not this: that is "sign in again".
 */
export function agentMetricsNeedsKey(error: unknown, method: Credentials['kind'] | undefined): boolean {
  if (method !== 'login' || typeof error !== 'object' || error === null) return false;
  const e = error as { kind?: unknown; request?: unknown };
  if (e.kind !== 'auth' && e.kind !== 'permission') return false;
  return typeof e.request !== 'string' || /agent[-_]view/.test(e.request);
}

/** The view's message for that case: what happened, what to do, what the server said (redacted). */
export function apiKeyNeededMessage(accountId: string, error: unknown): string {
  const detail = redact(error instanceof Error ? error.message : String(error));
  return `⚠ Agent Metrics needs an API key: you are signed in to account ${accountId} with a username and password, and this server does not accept that login for Live Agents. `
    + `Sign in to the same account with an API key (OAuth 1.0a) that has the “${APIS.agentMetrics.permission}” permission. The server said: ${detail}`;
}
