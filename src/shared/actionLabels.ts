// Labels of actions several features offer, so a user meets the same words everywhere (Live Agents'
// view action, the timeline panel's error button, Status Reasons' usage). No `vscode` here.

/** Sign in again to the same account with an API key (OAuth 1.0a): what Agent Metrics and Agent Activity take. */
export const SIGN_IN_WITH_KEY_LABEL = 'Sign In with an API Key…';
