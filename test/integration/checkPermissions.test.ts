// Check Permissions in a real extension host against the emulator over HTTP: the quick pick's rows
// (label, codicon, what to do) for an API-key session (all allowed), a username/password login
// (Agent Activity refused, with the advice to use an API key or OAuth 2.0), and an API the server
// forbids (the `forbid` knob: the exact missing permission); each run is logged without secrets.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO, type RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { PickItem } from '../../src/platform/prompter';
import type { PermissionRow } from '../../src/permissions/permissionRows';
import { getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';

interface Shown { items: readonly PickItem<unknown>[]; rows: PermissionRow[] | undefined; title?: string }

async function checkPermissions(api: ExtensionApi): Promise<Shown> {
  let items: readonly PickItem<unknown>[] = [];
  return withPrompter(api, [(shown) => { items = shown; return shown[0]; }], async (p) => {
    const rows = await vscode.commands.executeCommand<PermissionRow[] | undefined>('liveperson.checkPermissions');
    assert.strictEqual(p.remaining, 0, 'the quick pick was shown');
    assert.deepStrictEqual(p.messages.filter(m => m.level === 'error'), [], 'no error message: the rows say it');
    return { items, rows, title: p.prompts[0]?.title };
  });
}

const row = (s: Shown, label: string) => {
  const item = s.items.find(i => i.label === label);
  assert.ok(item, `a row “${label}” in ${s.items.map(i => i.label).join(' | ')}`);
  return item;
};

describe('check permissions (liveperson.checkPermissions) against the emulator', function () {
  let api: ExtensionApi;
  let emulator: RunningEmulator;

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    emulator = await startTestEmulator();
  });
  afterEach(() => emulator.control.resetFaults());
  after(async () => {
    api?.setPrompter(undefined);
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
  });

  it('an API key (OAuth 1.0a) session: one row per API, every one reachable and allowed (pass)', async function () {
    this.timeout(60_000);
    await signInToEmulator(emulator.url, 'oauth1');
    await waitFor(() => api.session.active?.method === 'oauth1', 'the API key account');
    const shown = await checkPermissions(api);
    assert.deepStrictEqual(shown.items.map(i => i.label), ['Domain API (CSDS)', 'Status reasons: read', 'Status reasons: write', 'Agent Metrics', 'Agent Activity']);
    assert.deepStrictEqual(shown.items.map(i => i.iconId), ['pass', 'pass', 'pass', 'pass', 'pass']);
    assert.match(shown.title ?? '', new RegExp(`Permissions of account ${DEMO.accountId}`));
    assert.match(row(shown, 'Status reasons: write').detail ?? '', /stale revision was refused with 409 before anything changed/);
    assert.ok(emulator.control.requests().some(r => r.route === 'statusReasons.update' && r.status === 409), 'the write probe was refused as stale, not applied');
    assert.strictEqual(shown.rows?.length, 5);
  });

  it('a username/password login: Agent Activity refused, and the row says to sign in with an API key or OAuth 2.0 client credentials', async function () {
    this.timeout(60_000);
    await signInToEmulator(emulator.url, 'login');
    await waitFor(() => api.session.active?.method === 'login', 'the login account');
    const shown = await checkPermissions(api);
    const activity = row(shown, 'Agent Activity');
    assert.strictEqual(activity.iconId, 'error');
    assert.strictEqual(activity.description, 'refused for a username/password login');
    assert.match(activity.detail ?? '', /Agent Activity takes an API key \(OAuth 1\.0a\) with the “Data → Workforce Management → Agent Status Changes/);
    assert.match(activity.detail ?? '', /or OAuth 2\.0 client credentials: sign in to the same account/);
    for (const label of ['Domain API (CSDS)', 'Status reasons: read', 'Status reasons: write', 'Agent Metrics']) assert.strictEqual(row(shown, label).iconId, 'pass', label);
    for (const text of shown.items.flatMap(i => [i.label, i.description ?? '', i.detail ?? ''])) assert.ok(!text.includes(DEMO.password), 'no password in the rows');
  });

  it('an API the server forbids (403): the row names the exact missing permission and how to get it', async function () {
    this.timeout(60_000);
    await signInToEmulator(emulator.url, 'oauth1');
    await waitFor(() => api.session.active?.method === 'oauth1', 'the API key account');
    emulator.control.setFaults({ forbid: ['statusReasons.update', 'agentView.status'] });
    const shown = await checkPermissions(api);
    const write = row(shown, 'Status reasons: write');
    assert.strictEqual(write.iconId, 'error');
    assert.strictEqual(write.description, 'missing permission: Account Configuration: edit agent status reasons (write)');
    assert.match(write.detail ?? '', /^Ask an account administrator to grant “Account Configuration: edit agent status reasons \(write\)” to this user or API key, or sign in with a key that has it\. The server said: Permission denied/);
    assert.strictEqual(row(shown, 'Agent Metrics').description, 'missing permission: Engagement History / Messaging Interactions (Agent Metrics)');
    assert.strictEqual(row(shown, 'Status reasons: read').iconId, 'pass');
    assert.strictEqual(row(shown, 'Agent Activity').iconId, 'pass');
  });

  it('a "no permission" (403) message of a command offers Check Permissions, and choosing it shows the rows', async function () {
    this.timeout(60_000);
    await signInToEmulator(emulator.url, 'oauth1');
    await waitFor(() => api.session.active?.method === 'oauth1', 'the API key account');
    emulator.control.setFaults({ forbid: ['statusReasons.list'] });
    let items: readonly PickItem<unknown>[] = [];
    await withPrompter(api, [{ action: 'Check Permissions' }, (shown) => { items = shown; return shown[0]; }], async (p) => {
      await vscode.commands.executeCommand('liveperson.statusReasons.refresh');
      const error = p.messages.find(m => m.level === 'error');
      assert.ok(error, 'the refresh failed with a message');
      assert.match(error.message, /Permission denied/);
      assert.deepStrictEqual(error.actions, ['Check Permissions', 'Show Log']);
      assert.strictEqual(p.remaining, 0, 'Check Permissions ran and showed its quick pick');
    });
    const read = items.find(i => i.label === 'Status reasons: read');
    assert.strictEqual(read?.iconId, 'error');
    assert.strictEqual(read?.description, 'missing permission: Account Configuration: read agent status reasons');
    assert.match(items.find(i => i.label === 'Status reasons: write')?.detail ?? '', /^Not checked: reading the status reasons failed/);
  });
});
