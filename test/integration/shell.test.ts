// The extension shell inside a real VS Code extension host: activation, the command manifest,
// accounts and SecretStorage, the scripted sign-in route, sign-out, switching, the demo account and
// the welcome views' context key. Runs first (see index.ts), from a fresh profile: signed out.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Credentials } from '../../src/api/types';
import type { ExtensionApi } from '../../src/extensionApi';
import { DEMO, type RunningEmulator } from '../../src/emulator';
import { demoCredentials, EXTENSION_ID, getApi, startTestEmulator, withPrompter } from './support/fixture';
import { BACK, ScriptedPrompter } from './support/scriptedPrompter';

const SECRET_KEY = (id: string) => `liveperson.credentials.${id}`;
/** View commands VS Code generates itself for every contributed view. */
const GENERATED_VIEW_COMMAND = /^liveperson\.(statusReasons|agents)\.(focus|resetViewLocation|toggleVisibility|removeView|open)$/;

interface SignedIn { accountId: string; label: string; method: string }

function secretsOf(c: Credentials): string[] {
  switch (c.kind) {
    case 'login': return [c.password];
    case 'oauth1': return [c.appKey, c.secret, c.accessToken, c.accessTokenSecret];
    case 'oauth2': return [c.clientSecret];
    case 'bearer': return [c.token];
  }
}

/** Everything the extension keeps outside SecretStorage: globalState and every liveperson.* setting. */
function nonSecretStorage(api: ExtensionApi): string {
  const config = vscode.workspace.getConfiguration('liveperson');
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const keys = Object.keys((ext?.packageJSON as { contributes: { configuration: { properties: object } } }).contributes.configuration.properties);
  const settings = keys.map(k => config.inspect(k.replace(/^liveperson\./, '')));
  return JSON.stringify({ globalState: api.accounts.globalStateDump(), settings });
}

async function signOutEverything(api: ExtensionApi): Promise<void> {
  for (const a of api.accounts.accounts()) await vscode.commands.executeCommand('liveperson.signOut', { accountId: a.key });
}

describe('shell', function () {
  let api: ExtensionApi;
  let emulator: RunningEmulator;

  before(async () => {
    api = await getApi();
    await api.accounts.whenRestored();
    emulator = await startTestEmulator();
  });
  after(async () => {
    api.setPrompter(undefined);
    await signOutEverything(api);
    await vscode.workspace.getConfiguration('liveperson').update('csdsUrl', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.close();
  });

  it('activates signed out from a fresh profile', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    assert.strictEqual(api.session.active, undefined);
    assert.strictEqual(api.contextKey('liveperson.signedIn'), false);
    assert.deepStrictEqual(api.accounts.accounts(), []);
  });

  it('registers every command package.json declares, and declares every liveperson.* command it registers', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const declared = ((ext?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands).map(c => c.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter(c => c.startsWith('liveperson.') && !GENERATED_VIEW_COMMAND.test(c)).sort();
    assert.deepStrictEqual(declared.filter(c => !registered.includes(c)), [], 'declared but not registered');
    assert.deepStrictEqual(registered.filter(c => !declared.includes(c)), [], 'registered but not declared');
  });

  for (const kind of ['login', 'oauth1', 'oauth2', 'bearer'] as const) {
    it(`signs in with ${kind} credentials (checked against the emulator) and keeps the secrets only in SecretStorage`, async () => {
      const credentials = demoCredentials(kind);
      const result = await vscode.commands.executeCommand<SignedIn>('liveperson.signIn', { accountId: DEMO.accountId, credentials, csdsUrl: emulator.url });
      assert.strictEqual(result?.accountId, DEMO.accountId);
      assert.strictEqual(result?.method, kind);
      assert.strictEqual(api.session.active?.method, kind);
      assert.strictEqual(api.contextKey('liveperson.signedIn'), true);
      await api.session.active?.client.verify();

      assert.deepStrictEqual(await api.accounts.storedSecretKeys(), [SECRET_KEY(DEMO.accountId)]);
      assert.deepStrictEqual(JSON.parse((await api.accounts.readStoredSecret(DEMO.accountId)) ?? 'null'), credentials);
      const elsewhere = nonSecretStorage(api);
      for (const secret of secretsOf(credentials)) assert.ok(!elsewhere.includes(secret), `secret ${kind} value found outside SecretStorage`);
      assert.ok(elsewhere.includes(DEMO.accountId), 'the account metadata is in globalState');
      assert.deepStrictEqual(api.accounts.memoryOnlyAccountIds(), []);
      const sessions = await api.accounts.authSessions();
      assert.deepStrictEqual(sessions.map(s => [s.account.label, s.accessToken]), [[result?.label, '']]);
    });
  }

  it('refuses wrong credentials given as arguments and saves nothing', async () => {
    await signOutEverything(api);
    await withPrompter(api, [], async p => {
      const result = await vscode.commands.executeCommand('liveperson.signIn', { accountId: DEMO.accountId, credentials: { kind: 'bearer', token: 'not-a-valid-token' }, csdsUrl: emulator.url });
      assert.strictEqual(result, undefined);
      const error = p.lastMessage('error');
      assert.ok(error, 'an error message was shown');
      assert.deepStrictEqual(error.actions, ['Sign In', 'Show Log']);
      assert.ok(!error.message.includes('not-a-valid-token'));
    });
    assert.deepStrictEqual(await api.accounts.storedSecretKeys(), []);
    assert.deepStrictEqual(api.accounts.accounts(), []);
    assert.strictEqual(api.contextKey('liveperson.signedIn'), false);
  });

  it('signs in through the prompts: Back keeps values, a wrong password says so in one sentence and re-opens with the values kept', async () => {
    await vscode.workspace.getConfiguration('liveperson').update('csdsUrl', emulator.url, vscode.ConfigurationTarget.Global);
    const scripted = new ScriptedPrompter([
      'not an id!', DEMO.accountId, // refused by validation, then corrected
      { value: 'bearer' }, BACK, // change of mind
      { value: 'login' }, DEMO.username, 'wrong-password', // refused by the server
      DEMO.password, // the password box re-opened
    ]);
    const inputs = scripted.inputOptions;
    api.setPrompter(scripted);
    try {
      const result = await vscode.commands.executeCommand<SignedIn>('liveperson.signIn');
      scripted.assertDone();
      assert.strictEqual(result?.label, `${DEMO.accountId} (${DEMO.username})`);
    } finally {
      api.setPrompter(undefined);
    }
    assert.match(scripted.validationMessages[0], /account id/i);
    const passwordBoxes = inputs.filter(i => i.placeHolder === 'Password');
    assert.strictEqual(passwordBoxes.length, 2);
    assert.ok(passwordBoxes.every(i => i.password === true && i.ignoreFocusOut === true));
    assert.strictEqual(passwordBoxes[1].value, 'wrong-password', 'what was typed is kept');
    assert.match(passwordBoxes[1].validationMessage ?? '', /^Wrong user name or password\. Correct the password \(Back to change the user name\) and press Enter\.$/);
    const methodPicks = scripted.prompts.filter(p => p.kind === 'pick');
    assert.strictEqual(methodPicks.length, 2, 'Back re-opened the method pick');
    const accountBoxes = inputs.filter(i => i.step === 1);
    assert.strictEqual(accountBoxes.length, 1);
    assert.strictEqual(api.contextKey('liveperson.signedIn'), true);
    assert.deepStrictEqual(api.accounts.accounts().map(a => a.username), [DEMO.username]);
    assert.ok(!nonSecretStorage(api).includes(DEMO.password));
  });

  it('signs in with OAuth 2.0 client credentials through the prompts: a refused secret re-opens its password box; the token serves status reasons and Agent Activity, and Sign Out forgets the secret', async () => {
    await signOutEverything(api);
    await vscode.workspace.getConfiguration('liveperson').update('csdsUrl', emulator.url, vscode.ConfigurationTarget.Global);
    emulator.control.resetStats();
    const scripted = new ScriptedPrompter([DEMO.accountId, { value: 'oauth2' }, DEMO.clientId, 'wrong-client-secret', DEMO.clientSecret]);
    const inputs = scripted.inputOptions;
    api.setPrompter(scripted);
    try {
      const result = await vscode.commands.executeCommand<SignedIn>('liveperson.signIn');
      scripted.assertDone();
      assert.strictEqual(result?.label, `${DEMO.accountId} (OAuth 2.0 client)`);
      assert.strictEqual(result?.method, 'oauth2');
    } finally {
      api.setPrompter(undefined);
    }
    const secretBoxes = inputs.filter(i => i.placeHolder === 'Client secret');
    assert.strictEqual(secretBoxes.length, 2);
    assert.ok(secretBoxes.every(i => i.password === true));
    assert.match(secretBoxes[1].validationMessage ?? '', /^LivePerson refused the OAuth 2\.0 client credentials/);
    const stats = emulator.control.stats();
    assert.strictEqual(stats['sentinel.token'], 2, 'the refused secret, then the right one');
    const client = api.session.active?.client;
    assert.ok(client);
    assert.ok((await client.statusReasons.list()).items.length > 0);
    const now = client.serverNow();
    const changes = await client.agentActivity.statusChanges({ from: now - 6 * 3600_000, to: now - 3 * 3600_000 });
    assert.ok(changes.length > 0, 'Agent Activity accepts the OAuth 2.0 token');
    assert.deepStrictEqual(JSON.parse((await api.accounts.readStoredSecret(DEMO.accountId)) ?? 'null'), demoCredentials('oauth2'), 'only the client credentials are stored, never the token');
    assert.ok(!nonSecretStorage(api).includes(DEMO.clientSecret));
    await vscode.commands.executeCommand('liveperson.signOut', { accountId: DEMO.accountId });
    assert.deepStrictEqual(await api.accounts.storedSecretKeys(), []);
    assert.strictEqual(api.contextKey('liveperson.signedIn'), false);
  });

  it('a workspace setting cannot redirect sign-in: liveperson.csdsUrl comes from the user settings only', async () => {
    // What a cloned repository could ship: .vscode/settings.json pointing CSDS at its own server.
    const config = () => vscode.workspace.getConfiguration('liveperson');
    await config().update('csdsUrl', emulator.url, vscode.ConfigurationTarget.Global);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test host opens a workspace folder');
    const settingsUri = vscode.Uri.joinPath(folder, '.vscode', 'settings.json');
    await vscode.workspace.fs.writeFile(settingsUri, Buffer.from(JSON.stringify({ 'liveperson.csdsUrl': 'http://127.0.0.1:9' })));
    try {
      await new Promise(r => setTimeout(r, 500)); // let VS Code read the file
      await withPrompter(api, [DEMO.accountId, { value: 'login' }, DEMO.username, DEMO.password], async p => {
        const result = await vscode.commands.executeCommand<SignedIn>('liveperson.signIn');
        p.assertDone();
        assert.strictEqual(result?.accountId, DEMO.accountId);
      });
      assert.strictEqual(api.accounts.accounts().find(a => a.accountId === DEMO.accountId)?.csdsUrl, emulator.url);
    } finally {
      await vscode.workspace.fs.delete(settingsUri);
    }
  });

  it('cancelling the prompts changes nothing', async () => {
    const before = JSON.stringify(api.accounts.accounts());
    await withPrompter(api, ['someid', undefined], async p => {
      assert.strictEqual(await vscode.commands.executeCommand('liveperson.signIn'), undefined);
      p.assertDone();
      assert.deepStrictEqual(p.messages, []);
    });
    assert.strictEqual(JSON.stringify(api.accounts.accounts()), before);
  });

  it('the demo account works: openDemo starts the bundled emulator, signs in, and a second call reuses it', async () => {
    const first = await vscode.commands.executeCommand<{ accountId: string; url: string }>('liveperson.openDemo');
    assert.strictEqual(first?.accountId, DEMO.accountId);
    assert.match(first?.url ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.strictEqual(api.session.active?.isDemo, true);
    assert.strictEqual(api.session.active?.method, 'oauth1');
    assert.strictEqual(api.contextKey('liveperson.signedIn'), true);
    await api.session.active?.client.verify();
    const reasons = await api.session.active?.client.statusReasons.list();
    assert.ok((reasons?.items.length ?? 0) > 0, 'the demo account has status reasons');
    const day = 24 * 3600_000;
    const changes = await api.session.active?.client.agentActivity.statusChanges({ from: Date.now() - 3 * day, to: Date.now() - 2 * day });
    assert.ok(Array.isArray(changes), 'Agent Activity answers with the demo key');
    const second = await vscode.commands.executeCommand<{ accountId: string; url: string }>('liveperson.openDemo');
    assert.strictEqual(second?.url, first?.url);
    assert.strictEqual(api.accounts.demoEmulator()?.url, first?.url);
    // the saved account and the demo account (same id) are kept apart; the demo's public key is window-only
    assert.deepStrictEqual(api.accounts.accounts().map(a => a.key).sort(), [DEMO.accountId, `demo:${DEMO.accountId}`]);
    assert.deepStrictEqual(await api.accounts.storedSecretKeys(), [SECRET_KEY(DEMO.accountId)]);
  });

  it('a reload while the demo account is active restarts the bundled emulator and signs in to it again, with the same data', async () => {
    assert.strictEqual(api.session.active?.isDemo, true);
    const before = api.accounts.demoEmulator()!.url;
    const reasonsBefore = (await api.session.active!.client.statusReasons.list()).items.map(r => [r.id, r.text, r.state, r.enabled]);
    assert.ok(reasonsBefore.length > 0);
    assert.strictEqual(api.accounts.globalStateDump()['liveperson.activeAccountId'], `demo:${DEMO.accountId}`, 'the demo account is remembered as the active one');
    await withPrompter(api, [], async p => {
      await api.accounts.simulateReload();
      p.assertDone();
      assert.deepStrictEqual(p.messages, [], 'no popup on the way back');
    });
    assert.strictEqual(api.session.active?.isDemo, true, 'signed in to the demo account again');
    assert.strictEqual(api.contextKey('liveperson.signedIn'), true);
    const after = api.accounts.demoEmulator();
    assert.ok(after && after.url !== before, 'a new emulator (the old one was closed with the window)');
    assert.match(after.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const reasonsAfter = (await api.session.active!.client.statusReasons.list()).items.map(r => [r.id, r.text, r.state, r.enabled]);
    assert.deepStrictEqual(reasonsAfter, reasonsBefore, 'the same seed: the same data');
    assert.deepStrictEqual(await api.accounts.storedSecretKeys(), [SECRET_KEY(DEMO.accountId)], 'the demo key is never written to SecretStorage');
  });

  it('switchAccount moves between saved accounts, by argument and by quick pick', async () => {
    const changes: (string | undefined)[] = [];
    const sub = api.session.onDidChangeActive(a => changes.push(a?.label));
    try {
      const bySaved = await vscode.commands.executeCommand<SignedIn>('liveperson.switchAccount', { accountId: DEMO.accountId });
      assert.strictEqual(bySaved?.label, `${DEMO.accountId} (${DEMO.username})`);
      assert.strictEqual(api.session.active?.isDemo, false);
      await api.session.active?.client.verify();
      await withPrompter(api, [`${DEMO.accountId} (demo)`], async p => {
        const picked = await vscode.commands.executeCommand<SignedIn>('liveperson.switchAccount');
        p.assertDone();
        assert.strictEqual(picked?.label, `${DEMO.accountId} (demo)`);
        assert.deepStrictEqual(p.prompts[0].items, [`${DEMO.accountId} (${DEMO.username})`, `${DEMO.accountId} (demo)`, 'Sign in to another account…']);
      });
      assert.strictEqual(api.session.active?.isDemo, true);
    } finally {
      sub.dispose();
    }
    assert.deepStrictEqual(changes, [`${DEMO.accountId} (${DEMO.username})`, `${DEMO.accountId} (demo)`]);
  });

  it('signOut removes that account\'s secrets and metadata; signedIn goes false when the active one leaves', async () => {
    await vscode.commands.executeCommand('liveperson.signOut', { accountId: DEMO.accountId });
    assert.deepStrictEqual(await api.accounts.storedSecretKeys(), []);
    assert.strictEqual(await api.accounts.readStoredSecret(DEMO.accountId), undefined);
    assert.deepStrictEqual(api.accounts.accounts().map(a => a.key), [`demo:${DEMO.accountId}`]);
    assert.strictEqual(api.contextKey('liveperson.signedIn'), true, 'the demo account is still active');
    assert.ok(!JSON.stringify(api.accounts.globalStateDump()).includes(DEMO.username));

    const signedOut = await vscode.commands.executeCommand('liveperson.signOut');
    assert.strictEqual(signedOut, DEMO.accountId);
    assert.strictEqual(api.session.active, undefined);
    assert.strictEqual(api.contextKey('liveperson.signedIn'), false);
    assert.deepStrictEqual(api.accounts.accounts(), []);
    assert.deepStrictEqual(await api.accounts.authSessions(), []);
  });

  it('without a keyring: says so once, keeps credentials for this window only, never in plaintext', async () => {
    api.accounts.simulateSecretStorageFailure(true);
    try {
      await withPrompter(api, [], async p => {
        for (const kind of ['bearer', 'oauth1'] as const) {
          await vscode.commands.executeCommand('liveperson.signIn', { accountId: DEMO.accountId, credentials: demoCredentials(kind), csdsUrl: emulator.url });
        }
        const warnings = p.messages.filter(m => m.level === 'warn');
        assert.strictEqual(warnings.length, 1, 'said once');
        assert.match(warnings[0].message, /keyring/i);
      });
      assert.strictEqual(api.contextKey('liveperson.signedIn'), true);
      assert.deepStrictEqual(api.accounts.memoryOnlyAccountIds(), [DEMO.accountId]);
      await api.session.active?.client.verify();
      const elsewhere = nonSecretStorage(api);
      for (const secret of secretsOf(demoCredentials('oauth1'))) assert.ok(!elsewhere.includes(secret));
    } finally {
      api.accounts.simulateSecretStorageFailure(false);
    }
    assert.deepStrictEqual(await api.accounts.storedSecretKeys(), [], 'nothing reached SecretStorage');
    await vscode.commands.executeCommand('liveperson.signOut');
    assert.deepStrictEqual(api.accounts.memoryOnlyAccountIds(), []);
    assert.strictEqual(api.contextKey('liveperson.signedIn'), false);
  });

  it('a network error offers Retry, which runs the command again with the same arguments', async () => {
    const unreachable = 'http://127.0.0.1:9';
    await withPrompter(api, [{ action: 'Retry' }], async p => {
      const result = await vscode.commands.executeCommand('liveperson.signIn', { accountId: DEMO.accountId, credentials: demoCredentials('bearer'), csdsUrl: unreachable });
      assert.strictEqual(result, undefined);
      p.assertDone();
      const errors = p.messages.filter(m => m.level === 'error');
      assert.strictEqual(errors.length, 2, 'the retry ran and failed the same way');
      for (const e of errors) assert.deepStrictEqual(e.actions, ['Retry', 'Show Log']);
    });
    assert.deepStrictEqual(api.accounts.accounts(), []);
  });

  it('an auth error offers Sign In, which opens the sign-in input pre-filled from the active account', async () => {
    await vscode.commands.executeCommand('liveperson.signIn', { accountId: DEMO.accountId, credentials: demoCredentials('login'), csdsUrl: emulator.url });
    const scripted = new ScriptedPrompter([{ action: 'Sign In' }, DEMO.accountId, { value: 'login' }, DEMO.username, DEMO.password]);
    const inputs = scripted.inputOptions;
    api.setPrompter(scripted);
    try {
      await vscode.commands.executeCommand('liveperson.signIn', { accountId: DEMO.accountId, credentials: { kind: 'bearer', token: 'expired-token' }, csdsUrl: emulator.url });
    } finally {
      api.setPrompter(undefined);
    }
    scripted.assertDone();
    assert.match(scripted.messages[0].message, /./);
    assert.strictEqual(inputs[0].value, DEMO.accountId);
    assert.strictEqual(inputs[1].value, DEMO.username);
    assert.strictEqual(api.session.active?.method, 'login');
    await vscode.commands.executeCommand('liveperson.signOut');
    assert.strictEqual(api.contextKey('liveperson.signedIn'), false);
  });
});
