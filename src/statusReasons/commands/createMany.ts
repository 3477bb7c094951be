// liveperson.statusReasons.createMany — several reasons in ONE POST of an array (all-or-nothing).
// Sources: typed in one input box, separated by `;` or `|`; a JSON / CSV / text file; or the active
// editor's text (one per line, `Text[, State[, enabled|disabled]]`, or JSON). Lines that name no
// state get the one chosen for all. A preview flags invalid and duplicate lines BEFORE sending; the
// user sends the valid ones, goes back to edit, or cancels. The result says how many were created,
// and a refusal says that none were. A lost answer is read back (api/writeOutcome.ts): when only
// some arrived, the message names those created and those not, and the list is reloaded.
// Args (tests): `{ reasons: NewStatusReason[] }` or `{ lines: string[], state? }` — the preview is
// still shown (answer it like a user). Returns `{ created: StatusReason[], skipped: CheckedLine[] }`,
// or undefined when cancelled or refused.
import * as fs from 'fs/promises';
import * as vscode from 'vscode';
import { PartlyAppliedError } from '../../api/errors';
import { REASON_STATES, type NewStatusReason, type ReasonState, type StatusReason } from '../../api/types';
import { BACK, type PickItem } from '../../platform/prompter';
import { checkLines, parseLines, parseSource, sourceNoun, splitTyped, toNewReasons, type BulkLine, type CheckedLine, type PositionNoun } from '../bulkLines';
import { reasonCountProblem } from '../../domain/reasonRules';
import type { ReasonsFeature } from '../feature';
import { isRefusal, refusalText } from '../serverRefusal';
import { showRefusal } from '../../platform/permissionOffer';

const TITLE = 'Create Status Reasons in Bulk';

export interface CreateManyArgs { reasons?: NewStatusReason[]; lines?: string[]; state?: ReasonState }
export interface CreateManyResult { created: StatusReason[]; skipped: CheckedLine[] }

type Source = 'type' | 'file' | 'editor';

export function createManyCommand(f: ReasonsFeature) {
  return async (args?: unknown): Promise<CreateManyResult | undefined> => {
    await f.model.ensureLoaded();
    const given: CreateManyArgs = args && typeof args === 'object' ? (args as CreateManyArgs) : {};
    let typed = '';
    let noun: PositionNoun = Array.isArray(given.reasons) ? 'item' : 'line';
    let fromArgs: BulkLine[] | undefined =
      Array.isArray(given.reasons) ? given.reasons.map((r, i) => ({ line: i + 1, text: r.text, state: r.state, enabled: r.enabled !== false }))
        : Array.isArray(given.lines) ? parseLines(given.lines) : undefined;
    for (;;) {
      let lines: BulkLine[];
      if (fromArgs) {
        lines = fromArgs;
        fromArgs = undefined;
      } else {
        const read = await readLines(f, typed);
        if (!read) return undefined;
        lines = read.lines;
        noun = read.noun;
        typed = read.typed ?? typed;
      }
      if (!lines.length) {
        void f.ctx.prompter.warn('There was nothing to create: every line was empty.');
        continue;
      }
      let state = given.state;
      if (!state && lines.some(l => !l.state)) {
        const picked = await pickStateForAll(f, lines);
        if (picked === undefined) return undefined;
        if (picked === BACK) continue;
        state = picked;
      }
      const checked = checkLines(lines, f.model.reasons, state, noun);
      const tooMany = reasonCountProblem(f.model.reasons.filter(r => !r.deleted).length, checked.filter(l => !l.problem).length);
      if (tooMany) {
        // nothing sent; the typed text is kept for the next round
        void f.ctx.prompter.error(`These reasons cannot be created: ${tooMany} Nothing was sent.`);
        if (given.reasons || given.lines) return undefined;
        continue;
      }
      const decision = await preview(f, checked, noun);
      if (decision === undefined) return undefined;
      if (decision === BACK) continue;
      const toSend = toNewReasons(checked);
      const skipped = checked.filter(l => l.problem);
      const account = f.model.forWrites();
      try {
        const created = await account.client.statusReasons.createMany(toSend);
        const where = account.addMany(created) ? '' : ` in ${account.accountLabel}`;
        const skippedNote = skipped.length ? ` ${skipped.length} flagged line${skipped.length === 1 ? ' was' : 's were'} left out.` : '';
        void f.ctx.prompter.info(`Created ${created.length} status reason${created.length === 1 ? '' : 's'}${where} in one request.${skippedNote}`);
        return { created, skipped };
      } catch (e) {
        if (e instanceof PartlyAppliedError) {
          // the answer was lost and the read-back found some of them: say which, show what is there
          if (account.current) await f.model.load().catch(() => undefined);
          void f.ctx.prompter.error(`${e.message} ${e.hint}`);
          return { created: f.model.reasons.filter(r => e.created.some(c => c.id === r.id)), skipped };
        }
        if (!isRefusal(e)) throw e;
        if (!account.current) return undefined;
        showRefusal(f.ctx.prompter, `${e.status !== undefined ? 'The server refused the request' : 'The request was refused before sending'}, so none of the ${toSend.length} status reasons were created (it is all-or-nothing): ${refusalText(e)}`, e);
        await f.model.load().catch(() => undefined);
        return undefined;
      }
    }
  };
}

async function readLines(f: ReasonsFeature, typed: string): Promise<{ lines: BulkLine[]; noun: PositionNoun; typed?: string } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const sources: PickItem<Source>[] = [
    { label: 'Type them', description: 'in one line, separated by ; or |  (e.g. Lunch; Training, Away; Coaching, Away, disabled)', value: 'type', iconId: 'edit' },
    { label: 'Pick a file…', description: 'JSON, CSV or text: one reason per line', value: 'file', iconId: 'file' },
  ];
  if (editor && editor.document.getText().trim()) {
    sources.push({ label: 'Use the active editor', description: vscode.workspace.asRelativePath(editor.document.uri), value: 'editor', iconId: 'go-to-file' });
  }
  for (;;) {
    const source = await f.ctx.prompter.pick(sources, { title: TITLE, placeHolder: 'Where are the reasons?' });
    if (source === undefined || source === BACK) return undefined;
    try {
      if (source === 'type') {
        const text = await f.ctx.prompter.input({
          title: TITLE, canGoBack: true, ignoreFocusOut: true, value: typed,
          prompt: 'Reasons separated by ; or |  — each may end with “, Away|Online|Occupied” and “, disabled”',
          validate: v => (v.trim() ? undefined : 'Type at least one reason.'),
        });
        if (text === undefined) return undefined;
        if (text === BACK) continue;
        // items are numbered as the user sees them: empty ones (";;") are not counted
        return { lines: parseLines(splitTyped(text).filter(t => t.trim())), noun: 'item', typed: text };
      }
      if (source === 'file') {
        const path = await f.ctx.prompter.openFile({ title: `${TITLE}: pick a file`, filters: { 'Reasons (JSON, CSV, text)': ['json', 'csv', 'txt'], 'All files': ['*'] } });
        if (!path) continue;
        const content = await fs.readFile(path, 'utf8');
        return { lines: parseSource(content), noun: sourceNoun(content) };
      }
      const content = editor!.document.getText();
      return { lines: parseSource(content), noun: sourceNoun(content) };
    } catch (e) {
      void f.ctx.prompter.error(`Could not read the reasons: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

async function pickStateForAll(f: ReasonsFeature, lines: readonly BulkLine[]): Promise<ReasonState | typeof BACK | undefined> {
  const without = lines.filter(l => !l.state).length;
  const items: PickItem<ReasonState>[] = REASON_STATES.map(s => ({ label: s, value: s }));
  return f.ctx.prompter.pick(items, {
    title: TITLE,
    placeHolder: `State for the ${without} line${without === 1 ? '' : 's'} that name${without === 1 ? 's' : ''} none (or go back and add “, Away” etc. per line)`,
    canGoBack: true,
  });
}

type Decision = 'send';
async function preview(f: ReasonsFeature, checked: readonly CheckedLine[], noun: PositionNoun): Promise<Decision | typeof BACK | undefined> {
  const ok = checked.filter(l => !l.problem);
  const bad = checked.length - ok.length;
  const alike = ok.filter(l => l.warning).length;
  const actions: PickItem<Decision | 'back' | 'line'>[] = [];
  if (ok.length) {
    actions.push({
      label: bad ? `Create the ${ok.length} valid reason${ok.length === 1 ? '' : 's'} (leave out ${bad} flagged)` : `Create ${ok.length} status reason${ok.length === 1 ? '' : 's'}`,
      description: 'one request, all-or-nothing', value: 'send', iconId: 'check',
    });
  }
  actions.push({ label: 'Go back and edit', value: 'back', iconId: 'arrow-left' });
  const rows: PickItem<'line'>[] = checked.map(l => ({
    // one warning mark: the row's icon (no ⚠ in the label as well)
    label: l.text || '(empty)',
    description: `${noun} ${l.line} · ${l.state ?? 'no state'}${l.enabled ? '' : ' · disabled'}`,
    detail: l.problem ? `Will not be sent: ${l.problem}` : l.warning ? `Will be sent, but: ${l.warning}` : undefined,
    value: 'line',
    iconId: l.problem ? 'warning' : l.warning ? 'info' : 'tag',
  }));
  for (;;) {
    const choice = await f.ctx.prompter.pick([...actions, ...rows], {
      title: `${TITLE}: ${ok.length} ready${bad ? `, ${bad} flagged` : ''}${alike ? `, ${alike} look${alike === 1 ? 's' : ''} like another reason` : ''}`,
      placeHolder: bad ? `Flagged ${noun}s (warning icon) will not be sent` : 'Check the list, then create',
      matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true,
    });
    if (choice === undefined) return undefined;
    if (choice === BACK || choice === 'back') return BACK;
    if (choice === 'send') return 'send';
    // a line row was picked: nothing to do with it; show the list again
  }
}
