// Status reasons in their real order, inside a real extension host against the emulator: Move Up
// (the node the inline action passes), Move Down, drag and drop through the view's controller
// (handleDrag → DataTransfer → handleDrop), refused drops, a conflict during a move (staleRevision
// knob, then a real reorder "by someone else"), and Apply of a reorder. Every move is checked
// through the raw API's `order` values after a reload, and by how many PUTs it took.
// Tests run in order and share one emulator (the seeds have no order, as the docs' examples).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LivePersonClient, StatusReason } from '../../src/api/types';
import type { RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { PickItem } from '../../src/platform/prompter';
import type { ApplyResult } from '../../src/statusReasons/commands/apply';
import type { MoveResult } from '../../src/statusReasons/moveReason';
import type { StatusReasonsNode } from '../../src/statusReasons/nodes';
import { inDisplayOrder } from '../../src/statusReasons/reasonOrder';
import { buildDocument } from '../../src/statusReasons/reasonsDocument';
import type { StatusReasonsTestHooks } from '../../src/statusReasons/testHooks';
import { getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';

const C = (verb: string) => `liveperson.statusReasons.${verb}`;
const id = (k: number) => String(3201442712 + k * 100);
const LUNCH = id(0), COFFEE = id(1), TEAM = id(2), COACHING = id(4), PIZZA = id(5), TECHNICAL = id(6), PERSONAL = id(7);
const AVAILABLE = id(10); // Online
const SMOKING = id(11); // deleted

describe('statusReasons order', function () {
  let api: ExtensionApi;
  let hooks: StatusReasonsTestHooks;
  let emulator: RunningEmulator;
  const token = new vscode.CancellationTokenSource().token;

  const client = (): LivePersonClient => {
    const c = api.session.active?.client;
    if (!c) throw new Error('not signed in');
    return c;
  };
  const puts = () => emulator.control.stats()['statusReasons.update'] ?? 0;
  /** Away as the raw API has it after a reload: [text, order] in display order. */
  const awayFromApi = async () => inDisplayOrder((await client().statusReasons.list()).items.filter(r => r.state === 'Away')).map(r => [r.text, r.order]);
  const awayInTree = async () => (await hooks.rows()).find(g => g.label === 'Away')!.children!.map(r => r.label);
  const node = (rid: string) => { const n = hooks.node(rid); if (!n) throw new Error(`no node ${rid}`); return n; };
  const drag = async (source: StatusReasonsNode[], target: StatusReasonsNode | undefined) => {
    const dt = new vscode.DataTransfer();
    const ctl = hooks.dragAndDrop();
    await ctl.handleDrag!(source, dt, token);
    await ctl.handleDrop!(target, dt, token);
  };

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    hooks = api.statusReasons as StatusReasonsTestHooks;
    emulator = await startTestEmulator();
    await signInToEmulator(emulator.url);
    await waitFor(() => api.session.active, 'the signed-in account');
    await hooks.load();
    await vscode.commands.executeCommand('liveperson.statusReasons.focus');
    await waitFor(() => hooks.visible(), 'the Status Reasons view showing');
  });
  after(async () => {
    api?.setPrompter(undefined);
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
  });

  it('Move Up from the inline action (the node): one PUT, the order read back from the API, the moved reason stays selected', async () => {
    const first = (await hooks.rows()).find(g => g.label === 'Away')!.children!;
    assert.match(first[0].contextValue, /^statusReason enabled canMoveDown$/, 'the top reason offers Move Down only');
    assert.match(first[7].contextValue, /^statusReason enabled canMoveUp$/, 'the last reason offers Move Up only');
    emulator.control.resetStats();
    const r = await withPrompter(api, [], async p => {
      const res = await vscode.commands.executeCommand<MoveResult>(C('moveUp'), node(PERSONAL), [node(PERSONAL)]);
      p.assertDone();
      assert.deepStrictEqual(p.messages, [], 'no popup for a move');
      return res;
    });
    assert.strictEqual(r.writes, 1);
    assert.strictEqual(puts(), 1, 'the fewest writes: only “Technical issue” gets an order (after every unordered one)');
    await hooks.load();
    assert.deepStrictEqual(await awayFromApi(), [
      ['Lunch break', undefined], ['Coffee break', undefined], ['Team meeting', undefined], ['Training', undefined],
      ['Coaching session', undefined], ['Break 🍕 **now**', undefined], ['Personal time', undefined], ['Technical issue', 0],
    ]);
    assert.deepStrictEqual((await awayInTree()).slice(-2), ['Personal time', 'Technical issue']);
    await waitFor(() => hooks.selection().join() === PERSONAL, 'the moved reason selected');
  });

  it('Move Down ({ id }): numbers what must go below the unordered run, keeps the rest; API orders after a reload', async () => {
    emulator.control.resetStats();
    const r = await vscode.commands.executeCommand<MoveResult>(C('moveDown'), { id: LUNCH });
    assert.strictEqual(r.writes, 6);
    assert.strictEqual(puts(), 6);
    await hooks.load();
    assert.deepStrictEqual(await awayFromApi(), [
      ['Coffee break', undefined], ['Lunch break', -6], ['Team meeting', -5], ['Training', -4],
      ['Coaching session', -3], ['Break 🍕 **now**', -2], ['Personal time', -1], ['Technical issue', 0],
    ]);
    assert.deepStrictEqual(await awayInTree(), ['Coffee break', 'Lunch break', 'Team meeting', 'Training', 'Coaching session', 'Break 🍕 **now**', 'Personal time', 'Technical issue']);
    await waitFor(() => hooks.selection().join() === LUNCH, 'the moved reason selected');
  });

  it('drag and drop: dropped on a reason above, it takes that place (two PUTs); on its own group, it goes first', async () => {
    emulator.control.resetStats();
    await drag([node(TECHNICAL)], node(TEAM));
    assert.strictEqual(puts(), 2);
    await hooks.load();
    assert.deepStrictEqual((await awayFromApi()).map(x => x[0]), ['Coffee break', 'Lunch break', 'Technical issue', 'Team meeting', 'Training', 'Coaching session', 'Break 🍕 **now**', 'Personal time']);
    await waitFor(() => hooks.selection().join() === TECHNICAL, 'the dropped reason selected');

    await drag([node(PIZZA)], { kind: 'state', state: 'Away', count: 8, deleted: 0 });
    await hooks.load();
    assert.deepStrictEqual((await awayFromApi()).map(x => x[0]).slice(0, 3), ['Break 🍕 **now**', 'Coffee break', 'Lunch break']);
    assert.deepStrictEqual((await awayInTree()).slice(0, 3), ['Break 🍕 **now**', 'Coffee break', 'Lunch break']);
  });

  it('refuses a drop across states, onto a deleted reason, or of several reasons, saying why; nothing is written', async () => {
    emulator.control.resetStats();
    const smoking = hooks.reasons().find(r => r.id === SMOKING)!;
    await withPrompter(api, [], async p => {
      await drag([node(LUNCH)], node(AVAILABLE));
      await drag([node(LUNCH)], { kind: 'reason', id: SMOKING, reason: smoking, moves: { up: false, down: false } });
      await drag([node(LUNCH), node(COFFEE)], node(TEAM));
      p.assertDone();
      assert.deepStrictEqual(p.messages.map(m => m.level), ['warn', 'warn', 'warn']);
      assert.match(p.messages[0].message, /“Lunch break” is an Away reason and “Available for chats” an Online one: reasons can be reordered only within their state/);
      assert.match(p.messages[1].message, /“Smoking break” is deleted: drop “Lunch break” onto a reason that is not deleted/);
      assert.match(p.messages[2].message, /Drag one status reason at a time/);
    });
    assert.strictEqual(puts(), 0);
  });

  it('a conflict during a move (injected 409): reloads, says so, Retry moves it on the fresh data', async () => {
    const before = await awayInTree();
    const at = before.indexOf('Coaching session');
    emulator.control.setFaults({ staleRevision: 1 });
    emulator.control.resetStats();
    await withPrompter(api, [{ action: 'Retry' }], async p => {
      await vscode.commands.executeCommand(C('moveUp'), { id: COACHING });
      p.assertDone();
      assert.match(p.messages[0].message, /^Could not move “Coaching session” above “Training”: the account's configuration changed .* Nothing was overwritten\. Retry on the fresh data\?$/);
    });
    assert.strictEqual(emulator.control.stats()['statusReasons.list'], 1, 'one reload after the conflict');
    await hooks.load();
    const after = (await awayFromApi()).map(x => x[0]);
    assert.deepStrictEqual([after[at - 1], after[at]], ['Coaching session', 'Training']);
  });

  it('someone else reordered it first: told what changed, nothing overwritten, no retry offered when the move is already made', async () => {
    const personal = hooks.reasons().find(r => r.id === PERSONAL)!;
    const top = Math.min(...hooks.reasons().filter(r => r.state === 'Away' && !r.deleted).map(r => r.order ?? 0));
    // not through the view: its model (and the revision it holds) is now stale
    await client().statusReasons.update({ ...personal, order: top - 1 });
    emulator.control.resetStats();
    await withPrompter(api, [], async p => {
      await vscode.commands.executeCommand(C('moveUp'), { id: PERSONAL, to: PIZZA });
      p.assertDone();
      assert.strictEqual(p.messages.length, 1);
      assert.strictEqual(p.messages[0].message, `Could not move “Personal time” above “Break 🍕 **now**”: it was reordered (order ${personal.order} → ${top - 1}) by someone else. Nothing was overwritten. “Personal time” is already just above “Break 🍕 **now**”.`);
      assert.deepStrictEqual(p.messages[0].actions, [], 'no retry: the move is already made');
    });
    assert.strictEqual(puts(), 1, 'the stale PUT only (refused)');
    assert.strictEqual((await awayInTree())[0], 'Personal time');
  });

  it('Apply shows and applies a reorder (`Move “Lunch break” … → 100`)', async () => {
    await hooks.load();
    const was = hooks.reasons().find(r => r.id === LUNCH)!.order;
    const line = `Move “Lunch break” ${was} → 100 (id ${LUNCH})`;
    const doc = buildDocument(api.session.active!.accountId, hooks.revision(), hooks.reasons() as StatusReason[]);
    doc.reasons.find(r => r.id === LUNCH)!.order = 100;
    emulator.control.resetStats();
    const result = await withPrompter(api, [(items: readonly PickItem<unknown>[]) => items.find(i => i.label === 'Apply 1 change')], async p => {
      const r = await vscode.commands.executeCommand<ApplyResult>(C('apply'), { document: doc, showDiff: false });
      const review = p.prompts.find(x => x.kind === 'pick')!;
      assert.ok(review.items!.includes(line), review.items!.join('\n'));
      return r;
    });
    assert.deepStrictEqual(result.results!.map(x => [x.item, x.status]), [[line, 'applied']]);
    assert.strictEqual(puts(), 1);
    await hooks.load();
    assert.deepStrictEqual((await awayFromApi()).at(-1), ['Lunch break', 100]);
  });
});
