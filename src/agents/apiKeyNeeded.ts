// When Live Agents must ask for an API key: LivePerson documents Agent Metrics as taking an API key
// (OAuth 1.0a). Many servers accept a username/password login too, but one that refuses it (401/403
// to the agent-view request of a 'login' account) — or refuses an OAuth 2.0 client-credentials
// token (403) — gets this text and a "Sign In with an API Key…" action instead of a bare "Refresh
// failed". The timeline's rule (src/timeline/panelErrors.ts), for Agent Metrics. No `vscode` import.
import type { Credentials } from '../api/types';
import { APIS } from '../api/httpErrors';
import { redact } from '../api/redact';

/** The action's label, as the timeline's. */
export { SIGN_IN_WITH_KEY_LABEL } from '../shared/actionLabels';

/**
 * A 401/403 of Agent Metrics itself for a username/password session, or its 403 for an OAuth 2.0
 * token (a 401 there is the token's expiry, renewed by the client). A failed re-login (the login
 * request's own error) is not this: that is "sign in again".
 */
export function agentMetricsNeedsKey(error: unknown, method: Credentials['kind'] | undefined): boolean {
  if ((method !== 'login' && method !== 'oauth2') || typeof error !== 'object' || error === null) return false;
  const e = error as { kind?: unknown; request?: unknown };
  if (e.kind !== 'permission' && !(e.kind === 'auth' && method === 'login')) return false;
  return typeof e.request !== 'string' || /agent[-_]view/.test(e.request);
}

/** The view's message for that case: what happened, what to do, what the server said (redacted). */
export function apiKeyNeededMessage(accountId: string, method: Credentials['kind'], error: unknown): string {
  const detail = redact(error instanceof Error ? error.message : String(error));
  const how = method === 'oauth2' ? 'OAuth 2.0 client credentials' : 'a username and password';
  return `⚠ Agent Metrics needs an API key: you are signed in to account ${accountId} with ${how}, and this server does not accept that for Live Agents. `
    + `Sign in to the same account with an API key (OAuth 1.0a) that has the “${APIS.agentMetrics.permission}” permission. The server said: ${detail}`;
}
