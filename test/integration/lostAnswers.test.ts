// Lost answers and hostile servers inside a real extension host, against the emulator's fault
// knobs: a write whose answer never comes or is cut off after it was applied is reported as done
// (once); one read back as not applied keeps the typed text for a safe resend; one whose outcome
// cannot be read back says "may have been applied" and offers Refresh; a
// write that finishes after an account switch never lands in the other account; a CSDS answer naming
// a foreign host is refused before anything is sent there; look-alike texts are warned about.
// The client's request timeout is set to its minimum (5 s) for this suite.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { StatusReason } from '../../src/api/types';
import type { RunningEmulator } from '../../src/emulator';
import type { AgentsTestHooks } from '../../src/agents';
import type { ExtensionApi } from '../../src/extensionApi';
import type { StatusReasonsTestHooks } from '../../src/statusReasons/testHooks';
import { getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';

const C = (verb: string) => `liveperson.statusReasons.${verb}`;
let n = 0;
const unique = (base: string) => `${base} ${++n}`;

describe('lost answers and hostile servers', function () {
  this.timeout(60_000);
  let api: ExtensionApi;
  let hooks: StatusReasonsTestHooks;
  let emulator: RunningEmulator;
  const settings = () => vscode.workspace.getConfiguration('liveperson');
  /** what the emulator holds, read past the extension (the in-process control API) */
  const onServer = (text: string) => emulator.control.reasons().filter(r => r.text === text && !r.deleted);
  const inTree = (text: string): StatusReason | undefined => hooks.reasons().find(r => r.text === text && !r.deleted);

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    hooks = api.statusReasons as StatusReasonsTestHooks;
    await settings().update('requestTimeoutSeconds', 5, vscode.ConfigurationTarget.Global);
    emulator = await startTestEmulator();
    // Live Agents polls while its view is visible: it must not eat the 5xx bursts staged here
    (api.agents as AgentsTestHooks).overrideFocused(false);
    await signInToEmulator(emulator.url, 'login');
    await waitFor(() => api.session.active, 'the signed-in account');
    await hooks.load();
  });
  beforeEach(() => emulator.control.resetFaults());
  after(async () => {
    (api?.agents as AgentsTestHooks | undefined)?.overrideFocused(undefined);
    api?.setPrompter(undefined);
    await settings().update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    while (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
  });

  it('a create applied but never answered is reported as created, once, and shown', async () => {
    const text = unique('Held create');
    emulator.control.setFaults({ applyThenTimeout: 1 });
    await withPrompter(api, [], async p => {
      const created = await vscode.commands.executeCommand<StatusReason>(C('create'), { text, state: 'Away', enabled: true });
      assert.strictEqual(created?.text, text);
      assert.match(p.lastMessage('info')?.message ?? '', new RegExp(`Created the status reason “${text}”`));
      assert.strictEqual(p.messages.filter(m => m.level === 'error').length, 0, JSON.stringify(p.messages));
    });
    assert.strictEqual(onServer(text).length, 1, 'one reason on the server, not two');
    assert.ok(inTree(text), 'and in the tree');
  });

  it('a rename cut off mid-answer (applied) is reported as renamed', async () => {
    const before = inTree('Lunch break')!;
    emulator.control.setFaults({ applyThenReset: 1 });
    await withPrompter(api, [], async p => {
      const renamed = await vscode.commands.executeCommand<StatusReason>(C('rename'), { id: before.id, text: 'Lunch break (1h)' });
      assert.strictEqual(renamed?.text, 'Lunch break (1h)');
      assert.match(p.lastMessage('info')?.message ?? '', /Renamed “Lunch break” to “Lunch break \(1h\)”/);
    });
    assert.strictEqual(hooks.reasons().find(r => r.id === before.id)?.text, 'Lunch break (1h)');
  });

  it('a create answered 5xx to the end and, read back, not applied: the typed text is kept and sending it again is safe', async function () {
    this.timeout(90_000); // the client's own 5xx backoff (5 + 10 + 15 s) runs in full
    const text = unique('Typed and kept');
    emulator.control.setFaults({ burst5xx: 4 });
    await withPrompter(api, [text, 'Away', 'Enabled', text, 'Away', 'Enabled'], async p => {
      const created = await vscode.commands.executeCommand<StatusReason>(C('create'));
      assert.strictEqual(created?.text, text, 'created on the second send');
      const shown = p.messages.find(m => m.level === 'error');
      assert.match(shown?.message ?? '', new RegExp(`“${text}” was not created: .*503.*Checked: the server does not hold it, so sending it again is safe`));
      assert.strictEqual(p.inputOptions[1]?.value, text, 'the input reopened with the typed text');
      p.assertDone();
    });
    assert.strictEqual(onServer(text).length, 1);
  });

  it('a write whose outcome cannot be read back says it may have been applied; Refresh shows the server’s list', async () => {
    const text = unique('Unknown outcome');
    const revision = emulator.control.revision();
    emulator.control.setFaults({ applyThenTimeout: 1 });
    // once the emulator holds the applied write, every further call is rate-limited, so the read-back fails
    const held = waitFor(() => emulator.control.revision() > revision, 'the write applied on the server')
      .then(() => emulator.control.setFaults({ rate429: 1, retryAfterSeconds: 0 }));
    await withPrompter(api, [{ action: 'Refresh', after: async () => { await held; emulator.control.resetFaults(); } }], async p => {
      const result = await vscode.commands.executeCommand(C('create'), { text, state: 'Online', enabled: true });
      assert.strictEqual(result, undefined);
      const shown = p.messages.find(m => m.level === 'error');
      assert.ok(shown, JSON.stringify(p.messages));
      assert.match(shown.message, /was lost .* so the change may have been applied\. .*Refresh the list to see whether it was/);
      assert.deepStrictEqual(shown.actions, ['Refresh', 'Show Log'], 'Refresh, never a blind Retry');
      p.assertDone();
    });
    assert.strictEqual(onServer(text).length, 1);
    await waitFor(() => inTree(text), 'the refreshed tree showing the applied create');
  });

  it('a write that finishes after an account switch never lands in the other account', async () => {
    const first = api.session.active!;
    const text = unique('Finished elsewhere');
    const revision = emulator.control.revision();
    emulator.control.setFaults({ applyThenTimeout: 1 });
    await withPrompter(api, [], async p => {
      const pending = vscode.commands.executeCommand<StatusReason>(C('create'), { text, state: 'Away', enabled: true });
      await waitFor(() => emulator.control.revision() > revision, 'the write applied on the server');
      await vscode.commands.executeCommand('liveperson.openDemo');
      assert.strictEqual(api.session.active?.isDemo, true);
      const created = await pending;
      assert.strictEqual(created?.text, text, 'read back as created');
      assert.match(p.lastMessage('info')?.message ?? '', new RegExp(`Created the status reason “${text}” .*in ${first.label.replace(/[()]/g, '\\$&')}`));
    });
    await hooks.load();
    assert.strictEqual(inTree(text), undefined, 'the demo account’s tree does not show the other account’s reason');
    assert.strictEqual(onServer(text).length, 1);
    await vscode.commands.executeCommand('liveperson.switchAccount', { accountId: first.accountId });
    assert.strictEqual(api.session.active?.isDemo, false);
    await hooks.load();
    assert.ok(inTree(text), 'back in its own account it is there');
  });

  it('a 412 on If-Match reloads, says what happened and retries on the fresh data', async () => {
    const target = inTree('Team meeting')!;
    emulator.control.setFaults({ preconditionFailed: 1 });
    await withPrompter(api, [true, { action: 'Retry' }], async p => {
      const disabled = await vscode.commands.executeCommand<{ done: number }>(C('disable'), { id: target.id });
      assert.ok(disabled, 'the command finished');
      assert.match(p.messages.find(m => m.level === 'warn')?.message ?? '', /Could not disable “Team meeting”.*Nothing was overwritten\. Retry on the fresh data\?/);
    });
    assert.strictEqual(emulator.control.reasons().find(r => r.id === target.id)?.enabled, false);
  });

  it('look-alike texts: a warning in the input the user may accept; a confirmation when given as an argument', async () => {
    const like = 'Team  Meeting'; // case and spacing of “Team meeting”
    await withPrompter(api, [like, 'Away', 'Enabled'], async p => {
      const created = await vscode.commands.executeCommand<StatusReason>(C('create'));
      assert.strictEqual(created?.text, like);
      assert.match(p.inputWarnings[0] ?? '', /Looks like the existing reason “Team meeting”.*differs only in case and spacing/);
    });
    await withPrompter(api, [false], async p => {
      const refused = await vscode.commands.executeCommand(C('create'), { text: 'team meeting', state: 'Away', enabled: true });
      assert.strictEqual(refused, undefined);
      assert.match(p.prompts.find(x => x.kind === 'confirm')?.message ?? '', /Looks like the existing reason/);
    });
    assert.strictEqual(onServer('team meeting').length, 0, 'declined: nothing sent');
  });

  it('CSDS naming a foreign host for the write service: the write is refused before sending, naming the host', async () => {
    emulator.control.setFaults({ csdsForeignHost: true });
    // a fresh sign-in asks CSDS again
    await signInToEmulator(emulator.url, 'login');
    await hooks.load();
    const before = emulator.control.stats()['statusReasons.create'] ?? 0;
    await withPrompter(api, [], async p => {
      await vscode.commands.executeCommand(C('create'), { text: unique('Never sent'), state: 'Away', enabled: true });
      const shown = p.messages.find(m => m.level === 'error');
      assert.match(shown?.message ?? '', /CSDS pointed the “accountConfigReadWrite” service .* at “evil\.example\.invalid:443”, a host that is not on this machine; nothing was sent there/);
      assert.doesNotMatch(shown?.message ?? '', /answer .* lost/, 'never sent, so nothing to read back');
    });
    assert.strictEqual(emulator.control.stats()['statusReasons.create'] ?? 0, before);
  });
});
