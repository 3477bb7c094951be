// Status Reasons inside a real VS Code extension host, against the bundled emulator, driven by the
// scripted prompter: the tree (groups, counts, marks, escaping, narrow refreshes), every command's
// happy path, validation refusals, a server 400, conflicts (emulator staleRevision knob and real
// edits "by someone else"), bulk create with a bad line, all-or-nothing refusal (export and apply:
// statusReasonsAsCode.test.ts).
// Tests run in order and share one emulator; each asserts the tree's children afterwards.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LivePersonClient, StatusReason } from '../../src/api/types';
import type { RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { PickItem } from '../../src/platform/prompter';
import type { BulkResult } from '../../src/statusReasons/bulkActions';
import type { StatusReasonsTestHooks, TreeRow } from '../../src/statusReasons/testHooks';
import { EXTENSION_ID, getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';
import { BACK, type ScriptedPrompter } from './support/scriptedPrompter';

const C = (verb: string) => `liveperson.statusReasons.${verb}`;
const LUNCH = '3201442712';
const TEAM_MEETING = '3201442912';
const TRAINING = '3201443012';
const COACHING = '3201443112'; // seeded disabled
const PIZZA = '3201443212'; // "Break 🍕 **now**"
const PERSONAL = '3201443412';
const SMOKING = '3201443812'; // seeded deleted

describe('statusReasons', function () {
  let api: ExtensionApi;
  let hooks: StatusReasonsTestHooks;
  let emulator: RunningEmulator;
  let tmp: string;

  const client = (): LivePersonClient => {
    const c = api.session.active?.client;
    if (!c) throw new Error('not signed in');
    return c;
  };
  const rows = () => hooks.rows();
  const group = (all: TreeRow[], state: string) => all.find(g => g.label === state);
  const row = (all: TreeRow[], id: string) => all.flatMap(g => g.children ?? []).find(r => r.id === `statusReason:${id}`);
  const rowByLabel = (all: TreeRow[], label: string) => all.flatMap(g => g.children ?? []).find(r => r.label === label);
  const byText = (text: string): StatusReason => {
    const r = hooks.reasons().find(x => x.text === text && !x.deleted);
    if (!r) throw new Error(`no reason “${text}” in the model`);
    return r;
  };
  const stat = (route: string) => emulator.control.stats()[route] ?? 0;
  const inputs = (p: ScriptedPrompter) => p.prompts.filter(x => x.kind === 'input');
  /** a row's contextValue without the Move Up / Move Down tokens (statusReasonsOrder.test.ts checks those) */
  const withoutMoves = (contextValue: string) => contextValue.replace(/ canMove(Up|Down)\b/g, '');

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    hooks = api.statusReasons as StatusReasonsTestHooks;
    emulator = await startTestEmulator();
    await signInToEmulator(emulator.url);
    await waitFor(() => api.session.active, 'the signed-in account');
    await hooks.load();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-reasons-'));
  });
  after(async () => {
    api?.setPrompter(undefined);
    await vscode.workspace.getConfiguration('liveperson').update('statusReasons.showDeleted', undefined, vscode.ConfigurationTarget.Global);
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('shows reasons grouped by state with counts, in server order; disabled and deleted marked; text raw, tooltip escaped', async () => {
    const all = await rows();
    assert.deepStrictEqual(all.map(g => [g.label, g.description, g.id]), [
      ['Away', '8', 'statusReasonState:Away'],
      ['Online', '1', 'statusReasonState:Online'],
      ['Occupied', '2 · shown as Back soon', 'statusReasonState:Occupied'],
    ]);
    // one icon per state, the one Live Agents and the status bar use (Occupied = Back soon)
    assert.deepStrictEqual(all.map(g => g.icon), ['circle-slash', 'circle-filled', 'clock']);
    assert.deepStrictEqual(group(all, 'Away')!.children!.map(r => r.label), [
      'Lunch break', 'Coffee break', 'Team meeting', 'Training', 'Coaching session', 'Break 🍕 **now**', 'Technical issue', 'Personal time',
    ]);
    const lunch = row(all, LUNCH)!;
    assert.deepStrictEqual([lunch.description, lunch.contextValue, lunch.icon], ['', 'statusReason enabled canMoveDown', 'tag'], 'the top reason can move down only');
    const coaching = row(all, COACHING)!;
    assert.deepStrictEqual([coaching.description, coaching.contextValue, coaching.icon], ['disabled', 'statusReason disabled canMoveUp canMoveDown', 'stop-circle']);
    assert.strictEqual(row(all, SMOKING), undefined, 'deleted reasons are hidden by default');
    const pizza = row(all, PIZZA)!;
    assert.strictEqual(pizza.label, 'Break 🍕 **now**');
    assert.match(pizza.tooltip, /Break 🍕 \\\*\\\*now\\\*\\\*/);
    assert.match(pizza.tooltip, new RegExp(`Id: ${PIZZA}`));
    assert.match(pizza.tooltip, new RegExp(`Account revision: ${hooks.revision()}`));
    assert.strictEqual(hooks.viewDescription(), api.session.active?.label);
    assert.strictEqual(api.contextKey('liveperson.statusReasons.state'), 'ready');
  });

  it('toggleDeleted shows deleted reasons marked “deleted” (setting + context key), and hides them again', async () => {
    assert.strictEqual(await vscode.commands.executeCommand(C('toggleDeleted')), true);
    let all = await rows();
    const smoking = row(all, SMOKING)!;
    assert.deepStrictEqual([smoking.label, smoking.description, smoking.contextValue, smoking.icon], ['Smoking break', 'deleted', 'statusReason enabled deleted', 'trash']);
    assert.strictEqual(row(all, '3201443912')?.description, 'deleted · disabled');
    const away = group(all, 'Away')!;
    const deletedAway = away.children!.filter(r => r.contextValue.endsWith(' deleted')).length;
    assert.ok(deletedAway > 0);
    assert.strictEqual(away.description, `8 (+${deletedAway} deleted)`, 'only live reasons are counted; deleted ones apart');
    assert.strictEqual(api.contextKey('liveperson.statusReasons.showDeleted'), true);
    assert.strictEqual(vscode.workspace.getConfiguration('liveperson').get('statusReasons.showDeleted'), true);
    assert.deepStrictEqual(hooks.lastFired(), ['statusReasonState:Away'], 'only the Away group changed');
    assert.strictEqual(await vscode.commands.executeCommand(C('toggleDeleted')), false);
    all = await rows();
    assert.strictEqual(row(all, SMOKING), undefined);
    assert.strictEqual(api.contextKey('liveperson.statusReasons.showDeleted'), false);

    // the view title offers the one that applies, named by what it will do (eye / eye-closed)
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string; title: string; icon: string }[]; menus: Record<string, { command: string; when?: string }[]> } };
    const title = (id: string) => manifest.contributes.commands.find(c => c.command === id);
    assert.deepStrictEqual([title(C('showDeletedReasons'))?.title, title(C('showDeletedReasons'))?.icon], ['Show Deleted Status Reasons', '$(eye)']);
    assert.deepStrictEqual([title(C('hideDeletedReasons'))?.title, title(C('hideDeletedReasons'))?.icon], ['Hide Deleted Status Reasons', '$(eye-closed)']);
    const inTitle = manifest.contributes.menus['view/title'];
    assert.match(inTitle.find(m => m.command === C('showDeletedReasons'))!.when!, /&& !liveperson\.statusReasons\.showDeleted$/);
    assert.match(inTitle.find(m => m.command === C('hideDeletedReasons'))!.when!, /&& liveperson\.statusReasons\.showDeleted$/);
    assert.strictEqual(await vscode.commands.executeCommand(C('showDeletedReasons')), true);
    assert.strictEqual(api.contextKey('liveperson.statusReasons.showDeleted'), true);
    assert.ok(row(await rows(), SMOKING));
    assert.strictEqual(await vscode.commands.executeCommand(C('hideDeletedReasons')), false);
    assert.strictEqual(api.contextKey('liveperson.statusReasons.showDeleted'), false);
    assert.strictEqual(row(await rows(), SMOKING), undefined);
  });

  it('create: refuses too long, “<” and duplicate texts live (naming the clash), Back keeps the text, then ONE POST', async () => {
    emulator.control.resetStats();
    const text = 'Focus **time** [x](y) & <co>'.replace('<co>', 'co') + ' 🎧';
    const created = await withPrompter(api, ['x'.repeat(101), 'a <b> c', 'Lunch break', text, BACK, text, 'Online', 'Disabled'], async p => {
      const r = await vscode.commands.executeCommand<StatusReason>(C('create'));
      p.assertDone();
      assert.strictEqual(p.validationMessages.length, 3, p.validationMessages.join('\n'));
      assert.match(p.validationMessages[0], /101 characters long; the maximum is 100/);
      assert.match(p.validationMessages[1], /“<” or “>”/);
      assert.match(p.validationMessages[2], new RegExp(`already exists: “Lunch break” \\(Away, id ${LUNCH}\\)`));
      assert.strictEqual(inputs(p)[1].value, text, 'Back from the state step reopens the text with the typed value');
      assert.match(p.lastMessage('info')!.message, /Created the status reason “Focus \*\*time\*\* \[x\]\u200B\(y\)/, 'shown as text, not a link');
      return r;
    });
    assert.strictEqual(stat('statusReasons.create'), 1);
    assert.deepStrictEqual([created.text, created.state, created.enabled], [text, 'Online', false]);
    const all = await rows();
    assert.deepStrictEqual(group(all, 'Online')!.children!.map(r => r.label), [text, 'Available for chats']);
    const r = row(all, created.id)!;
    assert.deepStrictEqual([r.label, r.description, withoutMoves(r.contextValue)], [text, 'disabled', 'statusReason disabled']);
    assert.ok(r.tooltip.includes('Focus \\*\\*time\\*\\* \\[x\\]\\(y\\) &amp; co 🎧'), r.tooltip);
    assert.deepStrictEqual(hooks.lastFired(), ['statusReasonState:Online'], 'a narrow refresh of the Online group only');
  });

  it('create: a server 400 says why and reopens the input with the typed text', async () => {
    emulator.control.resetStats();
    // `order` is passed through as given; only the server checks that it is an integer
    const created = await withPrompter(api, ['Standup', 'Away', 'Enabled'], async p => {
      const r = await vscode.commands.executeCommand<StatusReason>(C('create'), { text: 'Standup', state: 'Away', enabled: true, order: 1.5 });
      p.assertDone();
      const err = p.messages.find(m => m.level === 'error')!;
      assert.match(err.message, /The server refused “Standup”: .*order: must be an integer.*\[400\]/);
      assert.strictEqual(inputs(p)[0].value, 'Standup', 'the input reopens with the typed text');
      return r;
    });
    assert.strictEqual(stat('statusReasons.create'), 2, 'the refused POST and the accepted one');
    assert.strictEqual(created.text, 'Standup');
    assert.strictEqual(group(await rows(), 'Away')!.children![0].label, 'Standup', 'new reasons come first, as the server lists them');
  });

  it('create: a text someone else took meanwhile (409) is refused by the server, then caught live', async () => {
    await client().statusReasons.create({ text: 'Shadow', state: 'Away', enabled: true });
    assert.strictEqual(rowByLabel(await rows(), 'Shadow'), undefined, 'the tree did not see it yet');
    const created = await withPrompter(api, ['Shadow', 'Shadow 2', 'Away', 'Enabled'], async p => {
      const r = await vscode.commands.executeCommand<StatusReason>(C('create'), { text: 'Shadow', state: 'Away', enabled: true });
      p.assertDone();
      assert.match(p.messages.find(m => m.level === 'error')!.message, /The server refused “Shadow”: .*already exists/);
      assert.match(p.validationMessages[0], /already exists: “Shadow”/);
      return r;
    });
    assert.strictEqual(created.text, 'Shadow 2');
    const all = await rows();
    assert.ok(rowByLabel(all, 'Shadow') && rowByLabel(all, 'Shadow 2'));
  });

  it('rename: an injected stale revision (409) reloads, says so, and Retry succeeds on the fresh data; the node object is kept', async () => {
    const nodeBefore = hooks.node(TEAM_MEETING);
    emulator.control.setFaults({ staleRevision: 1 });
    emulator.control.resetStats();
    const renamed = await withPrompter(api, [{ action: 'Retry' }], async p => {
      const r = await vscode.commands.executeCommand<StatusReason>(C('rename'), { id: TEAM_MEETING, text: 'Team sync' });
      p.assertDone();
      assert.match(p.messages.find(m => m.level === 'warn')!.message, /Could not rename “Team meeting” to “Team sync”: the account's configuration changed .* Nothing was overwritten\. Retry on the fresh data\?/);
      assert.match(p.lastMessage('info')!.message, /Renamed “Team meeting” to “Team sync”/);
      return r;
    });
    assert.strictEqual(stat('statusReasons.update'), 2);
    assert.strictEqual(stat('statusReasons.list'), 1, 'one reload after the conflict');
    assert.strictEqual(renamed.text, 'Team sync');
    const all = await rows();
    assert.strictEqual(row(all, TEAM_MEETING)!.label, 'Team sync');
    assert.deepStrictEqual(hooks.lastFired(), [`statusReason:${TEAM_MEETING}`], 'only that item refreshed');
    assert.strictEqual(hooks.node(TEAM_MEETING), nodeBefore, 'same node object: expansion and selection survive');
  });

  it('rename: someone else renamed it first — told “Renamed to … by someone else”, nothing overwritten, retry applies to the fresh reason', async () => {
    const training = byText('Training');
    await client().statusReasons.update({ ...training, text: 'Training (new)' });
    await withPrompter(api, [], async p => {
      const r = await vscode.commands.executeCommand(C('rename'), { id: TRAINING, text: 'Onboarding' });
      p.assertDone();
      assert.strictEqual(r, undefined);
      assert.match(p.lastMessage('warn')!.message, /Could not rename “Training” to “Onboarding”: it was renamed to “Training \(new\)” by someone else\. Nothing was overwritten/);
    });
    assert.strictEqual(row(await rows(), TRAINING)!.label, 'Training (new)', 'the other edit is shown, not overwritten');
    await withPrompter(api, [{ action: 'Retry' }], async p => {
      await client().statusReasons.update({ ...(await client().statusReasons.get(TRAINING)), enabled: false });
      await vscode.commands.executeCommand(C('rename'), { id: TRAINING, text: 'Onboarding' });
      p.assertDone();
      assert.match(p.messages[0].message, /it was disabled by someone else/);
    });
    const r = row(await rows(), TRAINING)!;
    assert.deepStrictEqual([r.label, r.description], ['Onboarding', 'disabled'], 'renamed on top of the fresh data, keeping the other edit');
  });

  it('rename from the palette: quick pick of reasons, then the input with the current text', async () => {
    await withPrompter(api, ['Personal time', 'Personal errand'], async p => {
      await vscode.commands.executeCommand(C('rename'));
      p.assertDone();
      assert.ok(p.prompts[0].items!.includes('Lunch break'));
      assert.ok(!p.prompts[0].items!.includes('Smoking break'), 'deleted reasons are not offered');
      assert.strictEqual(inputs(p)[0].value, 'Personal time');
    });
    assert.strictEqual(row(await rows(), PERSONAL)!.label, 'Personal errand');
  });

  it('disable and enable act on the whole selection; the confirmation says how many live agents are in those reasons', async () => {
    const focus = byText('Standup');
    const agents = emulator.control.agentIds().slice(0, 2);
    for (const a of agents) emulator.control.setAgentStatus(a, 'AWAY', focus.id);
    const a = hooks.node(focus.id)!;
    const b = hooks.node(LUNCH)!;
    const lunchAgents = (await client().agentMetrics.allAgents()).records.filter(r => r.currentStatusReason === LUNCH && r.currentStatus !== 'OFFLINE').length;
    const result = await withPrompter(api, [true], async p => {
      const r = await vscode.commands.executeCommand<BulkResult>(C('disable'), a, [a, b]);
      p.assertDone();
      const confirm = p.prompts.find(x => x.kind === 'confirm')!;
      assert.match(confirm.message!, /^Disable 2 status reasons\?/);
      assert.ok(confirm.message!.includes(`${2 + lunchAgents} live agents are in them right now`), confirm.message);
      assert.ok(confirm.message!.includes('“Standup”: 2'), confirm.message);
      return r;
    });
    assert.deepStrictEqual(result.done.sort(), [focus.id, LUNCH].sort());
    let all = await rows();
    for (const id of [focus.id, LUNCH]) assert.deepStrictEqual([row(all, id)!.description, withoutMoves(row(all, id)!.contextValue)], ['disabled', 'statusReason disabled']);
    await withPrompter(api, [], async p => {
      const r = await vscode.commands.executeCommand<BulkResult>(C('enable'), { ids: [focus.id, LUNCH, COACHING] });
      p.assertDone();
      assert.strictEqual(r.done.length, 3);
      assert.match(p.lastMessage('info')!.message, /Enabled 3 status reasons/);
    });
    all = await rows();
    for (const id of [focus.id, LUNCH, COACHING]) assert.strictEqual(withoutMoves(row(all, id)!.contextValue), 'statusReason enabled');
  });

  it('delete: a modal confirmation names it; No changes nothing; Yes soft-deletes (shown as deleted with Show Deleted)', async () => {
    emulator.control.resetStats();
    await withPrompter(api, [false], async p => {
      assert.strictEqual(await vscode.commands.executeCommand(C('delete'), hooks.node(PIZZA)), undefined);
      p.assertDone();
      assert.match(p.prompts[0].message!, /^Delete the status reason “Break 🍕 \*\*now\*\*”\?\nIt is a soft delete.*\n\n(No live agent is|\d+ live agents? (is|are)) in this reason right now/s);
      assert.strictEqual(p.prompts[0].title, 'Delete');
    });
    assert.strictEqual(stat('statusReasons.delete'), 0);
    assert.ok(row(await rows(), PIZZA));
    await withPrompter(api, [true], async p => {
      await vscode.commands.executeCommand(C('delete'), hooks.node(PIZZA));
      p.assertDone();
    });
    assert.strictEqual(stat('statusReasons.delete'), 1);
    assert.strictEqual(row(await rows(), PIZZA), undefined);
    assert.ok(hooks.lastFired().includes('statusReasonState:Away'));
    await vscode.commands.executeCommand(C('toggleDeleted'), { show: true });
    assert.deepStrictEqual([row(await rows(), PIZZA)!.description, row(await rows(), PIZZA)!.contextValue], ['deleted', 'statusReason enabled deleted']);
    await vscode.commands.executeCommand(C('toggleDeleted'), { show: false });
  });

  it('delete: already deleted by someone else — reloads and says so, nothing else touched', async () => {
    const coffee = byText('Coffee break');
    await client().statusReasons.delete(coffee.id);
    await withPrompter(api, [true], async p => {
      const r = await vscode.commands.executeCommand<BulkResult>(C('delete'), { id: coffee.id });
      p.assertDone();
      assert.strictEqual(r.conflicts.length, 1);
      assert.match(p.lastMessage('warn')!.message, /Could not delete “Coffee break”: it was already deleted by someone else/);
    });
    assert.strictEqual(rowByLabel(await rows(), 'Coffee break'), undefined);
  });

  it('createMany: typed lines, one bad line flagged in the preview BEFORE sending, one POST of the rest', async () => {
    emulator.control.resetStats();
    let previewRows: string[] = [];
    const result = await withPrompter(api, [
      'Type them',
      'Break A; Break B, Online | Bad <line>; Break C, Away, disabled;;Lunch break',
      'Away',
      (items: readonly PickItem<unknown>[]) => { previewRows = items.map(i => `${i.label} — ${i.description ?? ''} — ${i.detail ?? ''} — ${i.iconId ?? ''}`); return items[0]; },
    ], async p => {
      const r = await vscode.commands.executeCommand<{ created: StatusReason[] }>(C('createMany'));
      p.assertDone();
      assert.match(p.lastMessage('info')!.message, /^Created 3 status reasons in one request\. 2 flagged lines were left out\./);
      return r;
    });
    assert.match(previewRows[0], /^Create the 3 valid reasons \(leave out 2 flagged\)/);
    // typed on one line: positions are items, not lines; one warning mark (the icon), not two
    assert.ok(previewRows.some(r => /^Bad <line> — item 3 · Away — Will not be sent: Text must not contain “<”.* — warning$/.test(r)), previewRows.join('\n'));
    assert.ok(previewRows.some(r => /^Lunch break — item 5 · Away — Will not be sent: duplicate of existing reason “Lunch break”.* — warning$/.test(r)), previewRows.join('\n'));
    assert.ok(previewRows.some(r => /^Break C — item 4 · Away · disabled — {2}— tag$/.test(r)), previewRows.join('\n'));
    assert.ok(!previewRows.some(r => r.includes('⚠') || /\bline \d/.test(r)), previewRows.join('\n'));
    assert.strictEqual(stat('statusReasons.create'), 1, 'one POST');
    assert.deepStrictEqual(result.created.map(r => [r.text, r.state, r.enabled]), [['Break A', 'Away', true], ['Break B', 'Online', true], ['Break C', 'Away', false]]);
    const all = await rows();
    assert.deepStrictEqual([rowByLabel(all, 'Break A')?.description, rowByLabel(all, 'Break B')?.id.startsWith('statusReason:'), rowByLabel(all, 'Break C')?.description], ['', true, 'disabled']);
    assert.strictEqual(rowByLabel(all, 'Bad <line>'), undefined);
  });

  it('createMany: a refused request creates NONE and says so (all-or-nothing)', async () => {
    await client().statusReasons.create({ text: 'Taken', state: 'Away', enabled: true });
    const before = (await client().statusReasons.list()).items.length;
    await withPrompter(api, ['Create 3 status reasons'], async p => {
      const r = await vscode.commands.executeCommand(C('createMany'), { lines: ['Fresh 1', 'Taken', 'Fresh 2'], state: 'Away' });
      p.assertDone();
      assert.strictEqual(r, undefined);
      assert.match(p.lastMessage('error')!.message, /The server refused the request, so none of the 3 status reasons were created \(it is all-or-nothing\).*Taken/);
    });
    assert.strictEqual((await client().statusReasons.list()).items.length, before);
    const all = await rows();
    assert.strictEqual(rowByLabel(all, 'Fresh 1'), undefined);
    assert.ok(rowByLabel(all, 'Taken'), 'the reload shows what someone else created');
  });

  it('createMany from a CSV file: per-line states and enabled flags, no state question', async () => {
    const csv = path.join(tmp, 'reasons.csv');
    fs.writeFileSync(csv, 'From file 1, Online\n"From file, 2", Occupied, disabled\n');
    const result = await withPrompter(api, ['Pick a file', { file: csv }, 'Create 2 status reasons'], async p => {
      const r = await vscode.commands.executeCommand<{ created: StatusReason[] }>(C('createMany'));
      p.assertDone();
      return r;
    });
    assert.deepStrictEqual(result.created.map(r => [r.text, r.state, r.enabled]), [['From file 1', 'Online', true], ['From file, 2', 'Occupied', false]]);
    const all = await rows();
    assert.strictEqual(group(all, 'Occupied')!.children![0].label, 'From file, 2');
  });

  it('a failed first load shows the error welcome state (no popup); Refresh recovers', async () => {
    await withPrompter(api, [], async p => {
      await signInToEmulator(emulator.url); // a new session: the model starts over, idle until asked
      assert.strictEqual(hooks.state(), 'idle');
      emulator.control.setFaults({ truncateBodies: 50 });
      await assert.rejects(hooks.load());
      assert.strictEqual(hooks.state(), 'error');
      await waitFor(() => api.contextKey('liveperson.statusReasons.state') === 'error', 'the error state key');
      assert.deepStrictEqual(p.messages.filter(m => m.level !== 'info'), [], 'loading never pops up an error');
      emulator.control.resetFaults();
      assert.ok(Number(await vscode.commands.executeCommand(C('refresh'))) > 10);
      p.assertDone();
    });
    assert.strictEqual(api.contextKey('liveperson.statusReasons.state'), 'ready');
    assert.ok((await rows()).length >= 3);
  });
});
