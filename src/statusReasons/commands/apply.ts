// liveperson.statusReasons.apply — reads a reasons document (the active editor or a file; the
// format Export writes), reloads the server's reasons, computes a plan (creates, renames, state
// moves, enables, disables, and deletes ONLY when the document says `"deleteMissing": true`), shows
// it as a diff of the reasons (server ↔ document) and as a non-modal list beside it ("Apply N
// changes" / "Cancel", the diff stays usable), applies it only after "Apply", with per-item revision
// checks, refreshes the diff's server side, and reports per item what was applied and what failed.
// Args (tests): `{ document?: object | string, path?: string, showDiff?: boolean }` — `document`
// (parsed or JSON text) or `path` skips the source question; `showDiff: false` skips the diff editor.
// Returns `{ plan, results }` (results undefined when not confirmed), or undefined when cancelled.
import * as fs from 'fs/promises';
import * as vscode from 'vscode';
import { BACK, type PickItem } from '../../platform/prompter';
import { computePlan, describePlanItem, type Plan } from '../applyPlan';
import { reviewPlan, showPlanDiff, type PlanDiff } from '../applyReview';
import { runPlan, type ApplyItemResult } from '../applyRunner';
import { reasonCountProblem } from '../../domain/reasonRules';
import type { ReasonsFeature } from '../feature';
import { DocumentError, parseDocument, type ReasonsDocument } from '../reasonsDocument';

export interface ApplyArgs { document?: ReasonsDocument | string; path?: string; showDiff?: boolean }
export interface ApplyResult { plan: Plan; results?: ApplyItemResult[] }

const TITLE = 'Apply Status Reasons from JSON';

export function applyCommand(f: ReasonsFeature) {
  return async (args?: unknown): Promise<ApplyResult | undefined> => {
    const given: ApplyArgs = args && typeof args === 'object' ? (args as ApplyArgs) : {};
    const source = await readSource(f, given);
    if (source === undefined) return undefined;
    let doc: ReasonsDocument;
    try {
      doc = parseDocument(source.text);
    } catch (e) {
      if (!(e instanceof DocumentError)) throw e;
      void f.ctx.prompter.error(`${source.name} is not a status reasons document: ${e.message} Nothing was applied.`);
      return undefined;
    }
    await f.model.load();
    const accountId = f.model.accountId ?? '';
    const plan = computePlan(doc, f.model.reasons, { accountId, revision: f.model.revision });
    const flagged = plan.items.filter(i => i.kind === 'invalid');
    const tooMany = reasonCountProblem(f.model.reasons.filter(r => !r.deleted).length, plan.items.filter(i => i.kind === 'create').length, plan.items.filter(i => i.kind === 'delete').length);
    if (tooMany) {
      void f.ctx.prompter.error(`${source.name} cannot be applied to account ${accountId}: ${tooMany} Nothing was applied.`);
      return { plan };
    }
    if (plan.changeCount === 0) {
      void f.ctx.prompter.info(`Nothing to apply: account ${accountId} already matches ${source.name}.${flagged.length ? ` ${flagged.length} entr${flagged.length === 1 ? 'y was' : 'ies were'} skipped as invalid: ${flagged.map(describePlanItem).join('; ')}` : ''}`);
      return { plan };
    }
    const diff: PlanDiff | undefined = given.showDiff !== false ? await showPlanDiff(f, doc, accountId, source.name) : undefined;
    if (!(await reviewPlan(f, plan, accountId))) return { plan };
    return { plan, results: await runReviewed(f, plan, diff) };
  };
}

/** Runs a confirmed plan with progress (revision checks per item), refreshes the diff, reports. Clean Up runs its plans through here. */
export async function runReviewed(f: ReasonsFeature, plan: Plan, diff: PlanDiff | undefined): Promise<ApplyItemResult[]> {
  const results = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Applying ${plan.changeCount} status reason change${plan.changeCount === 1 ? '' : 's'}` },
    progress => runPlan(f, plan, (done, total) => progress.report({ message: `${done}/${total}`, increment: 100 / Math.max(total, 1) })),
  );
  // a write that may have been applied: show the server's list, not our guess
  if (results.some(r => r.status === 'unknown')) await f.model.load().catch(() => undefined);
  diff?.refresh();
  report(f, results);
  return results;
}

async function readSource(f: ReasonsFeature, given: ApplyArgs): Promise<{ text: string; name: string } | undefined> {
  if (given.document !== undefined) {
    return { text: typeof given.document === 'string' ? given.document : JSON.stringify(given.document), name: 'The document' };
  }
  if (given.path) return { text: await fs.readFile(given.path, 'utf8'), name: given.path };
  const editor = vscode.window.activeTextEditor;
  const items: PickItem<'editor' | 'file'>[] = [];
  if (editor && editor.document.getText().trim()) {
    items.push({ label: 'Use the active editor', description: vscode.workspace.asRelativePath(editor.document.uri), value: 'editor', iconId: 'go-to-file' });
  }
  items.push({ label: 'Pick a file…', description: '*.lpreasons.json or any JSON in the export format', value: 'file', iconId: 'file' });
  const picked = items.length === 1 ? 'file' : await f.ctx.prompter.pick(items, { title: TITLE, placeHolder: 'Which document?' });
  if (picked === undefined || picked === BACK) return undefined;
  if (picked === 'editor') return { text: editor!.document.getText(), name: vscode.workspace.asRelativePath(editor!.document.uri) };
  const path = await f.ctx.prompter.openFile({ title: TITLE, filters: { 'Status reasons': ['json'] } });
  if (!path) return undefined;
  return { text: await fs.readFile(path, 'utf8'), name: path };
}

const SHOW_DETAILS = 'Show Details';

/** One summary notification; every item (applied, failed, skipped) in the log and in a details document. */
function report(f: ReasonsFeature, results: readonly ApplyItemResult[]): void {
  const applied = results.filter(r => r.status === 'applied').length;
  const failed = results.filter(r => r.status === 'failed');
  const skipped = results.filter(r => r.status === 'skipped').length;
  const unknown = results.filter(r => r.status === 'unknown');
  const lines = results.map(r => `${r.status.toUpperCase().padEnd(8)} ${r.item}${r.message ? ` — ${r.message}` : ''}`);
  for (const l of lines) f.ctx.log.info(`Apply: ${l}`);
  const head = `Applied ${applied} change${applied === 1 ? '' : 's'}${failed.length ? `, ${failed.length} failed` : ''}${unknown.length ? `, ${unknown.length} may have been applied (answer lost; refresh to see)` : ''}${skipped ? `, ${skipped} skipped as invalid` : ''}.`;
  const details = [...failed, ...unknown].map(r => `${r.item}: ${r.message}`).join(' · ');
  const shown = failed.length || unknown.length ? f.ctx.prompter.warn(`${head} ${details}`, SHOW_DETAILS) : f.ctx.prompter.info(head, SHOW_DETAILS);
  void shown.then(async choice => {
    if (choice !== SHOW_DETAILS) return;
    const uri = f.documents.set(`apply-report-${Date.now()}.txt`, `${head}\n\n${lines.join('\n')}\n`);
    // not a preview: the plan's diff (a preview tab) stays open beside it
    await vscode.window.showTextDocument(uri, { preview: false });
  });
}
