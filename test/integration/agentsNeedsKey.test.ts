// Live Agents against a server whose Agent Metrics wants an API key (as LivePerson documents it;
// emulator option agentMetricsNeedsKey): a password login or an OAuth 2.0 token is refused with 403,
// the view says so and offers Sign In with an API Key… for the same account; a key then loads it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO, type RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { AgentsTestHooks } from '../../src/agents';
import { getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';

describe('agents (Live Agents): a server whose Agent Metrics wants an API key', function () {
  let api: ExtensionApi;
  let hooks: AgentsTestHooks;
  let emulator: RunningEmulator;
  const ctl = () => hooks.controller;

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    hooks = api.agents as AgentsTestHooks;
    emulator = await startTestEmulator({ agentMetricsNeedsKey: true });
    hooks.overrideFocused(true);
    await vscode.commands.executeCommand('liveperson.agents.focus');
    await waitFor(() => ctl().view.visible, 'the Live Agents view to be visible');
  });
  after(async () => {
    api?.setPrompter(undefined);
    hooks?.overrideFocused(undefined);
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
  });

  it('a username/password login (and OAuth 2.0) refused (403): the view says Agent Metrics needs an API key and offers Sign In with an API Key…; a key then loads the agents', async function () {
    this.timeout(90_000);
    await signInToEmulator(emulator.url, 'login');
    await waitFor(() => api.session.active?.method === 'login', 'the login account');
    const message = await waitFor(() => (ctl().view.message?.includes('needs an API key') ? ctl().view.message : undefined), 'the API key message', 30_000);
    assert.match(message, new RegExp(`Agent Metrics needs an API key: you are signed in to account ${DEMO.accountId} with a username and password`));
    assert.match(message, /Engagement History \/ Messaging Interactions/);
    assert.ok(emulator.control.requests().some(r => r.route === 'agentView.status' && r.status === 403), 'the server refused the login bearer');
    assert.strictEqual(api.contextKey('liveperson.agents.state'), 'error');
    const [action, ...rest] = ctl().provider.getChildren();
    assert.deepStrictEqual(rest, [], 'nothing but the action: no agents arrived');
    assert.ok(action && action.kind === 'action');
    const item = ctl().provider.getTreeItem(action);
    assert.strictEqual(item.label, 'Sign In with an API Key…');
    assert.deepStrictEqual(item.command && { command: item.command.command, arguments: item.command.arguments }, { command: 'liveperson.signIn', arguments: [{ accountId: DEMO.accountId }] });
    assert.ok(!/^agent/.test(item.contextValue ?? ''), 'no agent menu applies to it');
    // the action signs in to THIS account: its id comes pre-filled (cancelled here)
    await withPrompter(api, [undefined], async p => {
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      assert.strictEqual(p.prompts[0]?.kind, 'input');
      assert.strictEqual(p.prompts[0]?.value, DEMO.accountId);
    });
    assert.strictEqual(api.session.active?.method, 'login', 'cancelled: still the login account');
    // OAuth 2.0 client credentials: Agent Metrics refuses those too (403) → the same offer
    await signInToEmulator(emulator.url, 'oauth2');
    await waitFor(() => (ctl().view.message?.includes('with OAuth 2.0 client credentials') ? true : undefined), 'the API key message for OAuth 2.0', 30_000);
    assert.strictEqual(ctl().provider.getChildren()[0]?.kind, 'action');
    // signed in with an API key, the same view loads the agents and the action goes away
    await signInToEmulator(emulator.url, 'oauth1');
    await waitFor(() => ctl().model.hasData, 'the agents, with the API key', 30_000);
    await hooks.whenIdle();
    assert.ok(ctl().provider.getChildren().every(n => n.kind !== 'action'));
    assert.ok(!String(ctl().view.message ?? '').includes('API key'));
    assert.strictEqual(api.contextKey('liveperson.agents.state'), 'ready');
  });
});
