// When Live Agents asks for an API key instead of saying "Refresh failed" (the errors themselves come
// from the emulator in test/unit/api/agentMetrics.test.ts; here the rule's edges and the text).
import * as assert from 'node:assert/strict';
import { agentMetricsNeedsKey, apiKeyNeededMessage } from '../../../src/agents/apiKeyNeeded';
import { LivePersonError } from '../../../src/api/errors';
import { APIS } from '../../../src/api/httpErrors';

const refused = (kind: 'auth' | 'permission' | 'server', request: string) => new LivePersonError('Agent Metrics refused the request (403)', kind, '', kind === 'auth' ? 401 : 403, [], request);

describe('agents/apiKeyNeeded', () => {
  it('only a 401/403 of agent-view itself, for a username/password account (or a 403 for OAuth 2.0)', () => {
    const view = 'POST /messaging_history/api/account/123/agent-view/status';
    assert.ok(agentMetricsNeedsKey(refused('permission', view), 'login'));
    assert.ok(agentMetricsNeedsKey(refused('auth', view), 'login'));
    assert.ok(agentMetricsNeedsKey(refused('auth', 'POST /manager_workspace/api/account/123/agent_view/list'), 'login'));
    assert.ok(!agentMetricsNeedsKey(refused('server', view), 'login'), 'a 5xx is not about the login');
    assert.ok(!agentMetricsNeedsKey(refused('auth', 'POST /api/account/123/login'), 'login'), 'a refused re-login is "sign in again"');
    for (const method of ['oauth1', 'bearer'] as const) assert.ok(!agentMetricsNeedsKey(refused('permission', view), method), method);
    assert.ok(agentMetricsNeedsKey(refused('permission', view), 'oauth2'), 'Agent Metrics refuses an OAuth 2.0 token with 403');
    assert.ok(!agentMetricsNeedsKey(refused('auth', view), 'oauth2'), 'a 401 for OAuth 2.0 is its token (renewed by the client)');
    assert.ok(!agentMetricsNeedsKey(undefined, 'login'));
    assert.ok(!agentMetricsNeedsKey('403', 'login'));
  });

  it('says who is signed in how, which permission the key needs, and what the server said', () => {
    const text = apiKeyNeededMessage('12345678', 'login', refused('permission', 'POST /x/agent-view/status'));
    assert.match(text, /account 12345678 with a username and password/);
    assert.match(apiKeyNeededMessage('12345678', 'oauth2', 'x'), /account 12345678 with OAuth 2\.0 client credentials/);
    assert.ok(text.includes(APIS.agentMetrics.permission));
    assert.match(text, /The server said: Agent Metrics refused the request \(403\)$/);
  });
});
