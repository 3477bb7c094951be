// Status reasons as code inside a real VS Code extension host, against its own emulator: Export
// (untitled editor with $schema first; a saved *.lpreasons.json validated by file name) and Apply
// (the plan as a diff of the reasons and a non-modal review, per-item report, refusals). Split from
// statusReasons.test.ts; starts from the seeded data.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { StatusReason } from '../../src/api/types';
import type { RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { PickItem } from '../../src/platform/prompter';
import type { ApplyResult } from '../../src/statusReasons/commands/apply';
import type { ExportResult } from '../../src/statusReasons/commands/export';
import type { ReasonsDocument } from '../../src/statusReasons/reasonsDocument';
import type { StatusReasonsTestHooks, TreeRow } from '../../src/statusReasons/testHooks';
import { getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';

const C = (verb: string) => `liveperson.statusReasons.${verb}`;
const LUNCH = '3201442712';
const TEAM_MEETING = '3201442912';
const PERSONAL = '3201443412';

describe('statusReasons as code: export and apply', function () {
  let api: ExtensionApi;
  let hooks: StatusReasonsTestHooks;
  let emulator: RunningEmulator;
  let tmp: string;

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

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    hooks = api.statusReasons as StatusReasonsTestHooks;
    emulator = await startTestEmulator();
    await signInToEmulator(emulator.url);
    await waitFor(() => api.session.active, 'the signed-in account');
    await hooks.load();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-reasons-code-'));
  });
  after(async () => {
    api?.setPrompter(undefined);
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('an exported editor gets the JSON schema (validation while editing); apply from that editor names the problem', async () => {
    const exported = await vscode.commands.executeCommand<ExportResult>(C('export'), { target: 'editor' });
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), exported.uri);
    const text = editor.document.getText();
    assert.match(text, /^\{\n {2}"\$schema": "[^"]+\/media\/status-reasons\.schema\.json",\n {2}"account": /, '$schema comes first (the untitled editor has no file name to match)');
    const at = text.indexOf('"Away"');
    await editor.edit(e => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 6)), '"Sleeping"'));
    const diagnostics = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(editor.document.uri);
      return d.some(x => /Away/.test(x.message) && /Online/.test(x.message)) ? d : undefined;
    }, 'schema validation of the exported document', 30_000);
    assert.ok(diagnostics.some(d => d.severity <= vscode.DiagnosticSeverity.Warning), diagnostics.map(d => d.message).join('\n'));
    await withPrompter(api, ['Use the active editor'], async p => {
      await vscode.commands.executeCommand(C('apply'));
      p.assertDone();
      const first = exported.document.reasons.findIndex(r => r.state === 'Away');
      assert.match(p.lastMessage('error')!.message, new RegExp(`not a status reasons document: reasons\\[${first}\\]\\.state must be one of Away, Online, Occupied\\. Nothing was applied\\.`));
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('export writes a *.lpreasons.json (schema by file name, no absolute $schema); apply shows a mixed plan, applies it after confirmation and reports per item', async () => {
    const file = path.join(tmp, 'reasons.lpreasons.json');
    const exported = await vscode.commands.executeCommand<ExportResult>(C('export'), { target: 'file', path: file });
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as ReasonsDocument;
    assert.deepStrictEqual(doc, JSON.parse(JSON.stringify(exported.document)));
    assert.strictEqual(doc.$schema, undefined, 'no absolute path to this installation: the manifest\'s fileMatch applies the schema');
    assert.deepStrictEqual(Object.keys(doc), ['account', 'revision', 'deleteMissing', 'reasons']);
    // validated while editing, through jsonValidation's *.lpreasons.json fileMatch
    const invalid = path.join(tmp, 'invalid.lpreasons.json');
    fs.writeFileSync(invalid, fs.readFileSync(file, 'utf8').replace('"Away"', '"Sleeping"'));
    const opened = await vscode.window.showTextDocument(vscode.Uri.file(invalid));
    await waitFor(() => vscode.languages.getDiagnostics(opened.document.uri).some(x => /Away/.test(x.message) && /Online/.test(x.message)), 'schema validation of a saved *.lpreasons.json', 30_000);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    assert.strictEqual(doc.account, api.session.active!.accountId);
    assert.strictEqual(doc.revision, hooks.revision());
    // the seeds have no order (as the docs' examples): none is invented, so the unedited file applies as no change
    assert.deepStrictEqual(Object.keys(doc.reasons[0]).sort(), ['enabled', 'id', 'state', 'text']);
    assert.ok(!doc.reasons.some(r => r.text === 'Smoking break'), 'deleted reasons are not exported');

    const edit = (id: string, change: Partial<ReasonsDocument['reasons'][number]>) => Object.assign(doc.reasons.find(r => r.id === id)!, change);
    edit(LUNCH, { text: 'Lunch 🍝 <not html>'.replace(' <not html>', ' (long)') });
    edit(TEAM_MEETING, { enabled: false });
    edit(PERSONAL, { state: 'Occupied' });
    const technical = byText('Technical issue');
    doc.reasons = doc.reasons.filter(r => r.id !== technical.id);
    doc.reasons.push({ text: 'From JSON', state: 'Away' }, { text: 'Bad <one>', state: 'Away' });
    doc.deleteMissing = true;
    fs.writeFileSync(file, JSON.stringify(doc, null, 2));

    // first: look at the plan and say No — nothing changes
    const revision = hooks.revision();
    await withPrompter(api, ['Cancel'], async p => {
      const r = await vscode.commands.executeCommand<ApplyResult>(C('apply'), { path: file, showDiff: false });
      p.assertDone();
      assert.strictEqual(r.results, undefined);
    });
    assert.strictEqual(String(emulator.control.revision()), revision);

    emulator.control.resetStats();
    let diffWhileReviewing: string | undefined;
    const result = await withPrompter(api, [
      (items: readonly PickItem<unknown>[]) => {
        // the review is a non-modal list: the diff is open beside it (and only the reasons are compared)
        const tab = vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === 'liveperson-reasons');
        diffWhileReviewing = tab && vscode.workspace.textDocuments.find(d => d.uri.toString() === (tab.input as vscode.TabInputTextDiff).original.toString())?.getText();
        return items.find(i => i.label === 'Apply 5 changes');
      },
      { action: 'Show Details' },
    ], async p => {
      const r = await vscode.commands.executeCommand<ApplyResult>(C('apply'), { path: file });
      p.assertDone();
      assert.ok(!p.prompts.some(x => x.kind === 'confirm'), 'no modal dialog');
      const review = p.prompts.find(x => x.kind === 'pick')!;
      assert.match(review.title!, /^Apply to account \w+: 1 to create, 3 to change, 1 to delete, 1 skipped as invalid/);
      assert.deepStrictEqual(review.items!.slice(0, 2), ['Apply 5 changes', 'Cancel']);
      assert.ok(review.items!.some(i => /^Skip reasons\[\d+\] “Bad <one>”: Text must not contain/.test(i)), review.items!.join('\n'));
      assert.ok(review.items!.includes(`Rename “Lunch break” → “Lunch 🍝 (long)” (id ${LUNCH})`), review.items!.join('\n'));
      assert.match(p.lastMessage('info')!.message, /^Applied 5 changes, 1 skipped as invalid\./);
      return r;
    });
    const report = await waitFor(() => {
      const d = vscode.window.activeTextEditor?.document;
      return d?.uri.scheme === 'liveperson-reasons' && d.uri.path.includes('apply-report') ? d.getText() : undefined;
    }, 'the per-item report');
    assert.match(report, /^APPLIED  Rename “Lunch break” → “Lunch 🍝 \(long\)” \(id \d+\)$/m);
    assert.match(report, /^APPLIED  Delete “Technical issue”/m);
    assert.match(report, /^SKIPPED  Skip reasons\[\d+\] “Bad <one>”/m);
    await waitFor(() => vscode.window.tabGroups.all.flatMap(g => g.tabs).some(t => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === 'liveperson-reasons'), 'the plan shown as a diff');
    assert.ok(diffWhileReviewing, 'the diff was open while the review list was');
    assert.ok(!/"account"|"revision"|"deleteMissing"|"\$schema"/.test(diffWhileReviewing), `only the reasons are diffed:\n${diffWhileReviewing}`);
    assert.match(diffWhileReviewing, /"text": "Lunch break"/);
    assert.deepStrictEqual(Object.keys(JSON.parse(diffWhileReviewing)), ['reasons'], 'a reasons document (the schema has nothing to flag)');
    // after applying, the diff's "now" side is the account as it is now (not the stale one)
    const serverSide = vscode.workspace.textDocuments.find(d => d.uri.scheme === 'liveperson-reasons' && d.uri.path.includes('server-'))!;
    await waitFor(() => serverSide.getText().includes('"text": "Lunch 🍝 (long)"'), 'the diff\'s server side refreshed');
    assert.ok(!serverSide.getText().includes('"text": "Lunch break"'));
    assert.deepStrictEqual(result.results!.map(r => r.status).sort(), ['applied', 'applied', 'applied', 'applied', 'applied', 'skipped']);
    assert.strictEqual(stat('statusReasons.create'), 1, 'creates in one POST');
    assert.strictEqual(stat('statusReasons.update'), 3);
    assert.strictEqual(stat('statusReasons.delete'), 1);
    const all = await rows();
    assert.strictEqual(row(all, LUNCH)!.label, 'Lunch 🍝 (long)');
    assert.strictEqual(row(all, TEAM_MEETING)!.description, 'disabled');
    assert.ok(group(all, 'Occupied')!.children!.some(r => r.id === `statusReason:${PERSONAL}`), 'moved to Occupied');
    assert.strictEqual(row(all, technical.id), undefined, 'deleted (deleteMissing: true)');
    assert.ok(rowByLabel(all, 'From JSON'));

    // applying the same document again: nothing left to do
    await withPrompter(api, [], async p => {
      const again = await vscode.commands.executeCommand<ApplyResult>(C('apply'), { path: file, showDiff: false });
      p.assertDone();
      assert.strictEqual(again.plan.changeCount, 0);
      assert.match(p.lastMessage('info')!.message, /Nothing to apply/);
    });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('apply refuses a document that is not a reasons document, naming the problems, and changes nothing', async () => {
    const revision = emulator.control.revision();
    await withPrompter(api, [], async p => {
      await vscode.commands.executeCommand(C('apply'), { document: { reasons: [{ text: 'x', state: 'Sleeping' }] } });
      p.assertDone();
      assert.match(p.lastMessage('error')!.message, /not a status reasons document: reasons\[0\]\.state must be one of Away, Online, Occupied\. Nothing was applied\./);
    });
    assert.strictEqual(emulator.control.revision(), revision);
  });

});
