// liveperson.statusReasons.cleanUp — "Clean Up Unused Reasons…": reads the usage of the range
// (liveperson.statusReasons.usageRange; the shared, cached usage), suggests reasons unused in it,
// look-alike duplicates and reasons whose text contradicts their state, lets the user pick which
// to clean up (1/2) and which of those to delete rather than disable (2/2, Back returns), then
// runs Apply's flow: the plan as a diff, the non-modal review, and — only after "Apply" — the
// revision-checked writes and the per-item report. Nothing is sent before the user confirms.
// Args (tests): `{ range?: '24h' | '7d' | '30d', showDiff?: boolean }`. Returns what was suggested,
// the plan, and the results (undefined when not confirmed), or undefined when cancelled early.
import * as vscode from 'vscode';
import { cleanUpCandidates, type CleanUpWhy } from '../../domain/reasonCleanup';
import { BACK, type PickItem } from '../../platform/prompter';
import type { Plan } from '../applyPlan';
import { reviewPlan, showPlanDiff } from '../applyReview';
import type { ApplyItemResult } from '../applyRunner';
import { cleanUpPlan, type CleanUpAction } from '../cleanUpPlan';
import type { ReasonsFeature } from '../feature';
import { RANGE_TEXT, USAGE_RANGES, type UsageRange } from '../usage/usageSource';
import { runReviewed } from './apply';

export interface CleanUpArgs { range?: UsageRange; showDiff?: boolean }
export interface CleanUpResult {
  range: UsageRange;
  /** the usage window the suggestions are for (the server's clock) */
  from: number;
  to: number;
  suggested: { id: string; text: string; why: CleanUpWhy[] }[];
  plan?: Plan;
  results?: ApplyItemResult[];
}

const TITLE = 'Clean Up Status Reasons';
const WHY_ICON: Record<CleanUpWhy, string> = { unused: 'circle-slash', lookalike: 'copy', contradiction: 'warning' };

export function cleanUpCommand(f: ReasonsFeature) {
  return async (args?: unknown): Promise<CleanUpResult | undefined> => {
    const given = (args && typeof args === 'object' ? args : {}) as CleanUpArgs;
    const range: UsageRange = USAGE_RANGES.includes(given.range as UsageRange) ? (given.range as UsageRange) : f.ctx.settings.get('statusReasons.usageRange');
    await f.model.load();
    const client = f.ctx.session.active?.client;
    if (!client) throw new Error('Not signed in.');
    const usage = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reading reason usage ${RANGE_TEXT[range]}`, cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return f.usage.get(client, range, { signal: abort.signal, onProgress: p => progress.report({ message: `${p.received.toLocaleString('en-US')} status changes` }) });
      },
    );
    const reasons = [...f.model.reasons];
    const accountId = f.model.accountId ?? '';
    const revision = f.model.revision;
    const candidates = cleanUpCandidates(reasons, new Map([...usage.byReason].map(([id, u]) => [id, u.uses])), RANGE_TEXT[range]);
    const suggested = candidates.map(c => ({ id: c.reason.id, text: c.reason.text, why: c.why }));
    const base = { range, from: usage.from, to: usage.to, suggested };
    if (!candidates.length) {
      void f.ctx.prompter.info(`Nothing to clean up in account ${accountId}: every enabled reason was used ${RANGE_TEXT[range]}, and none looks like another or contradicts its state.`);
      return base;
    }
    let picked: string[] | undefined;
    for (;;) {
      const items: PickItem<string>[] = candidates.map(c => ({
        label: c.reason.text, value: c.reason.id, iconId: WHY_ICON[c.why[0]],
        description: `${c.reason.state} · id ${c.reason.id}`, detail: c.notes.join(' · '),
        picked: picked ? picked.includes(c.reason.id) : c.why.includes('unused') || c.why.includes('lookalike'),
      }));
      const chosen = await f.ctx.prompter.pickMany(items, { title: `${TITLE} (1/2): ${candidates.length} suggestion${candidates.length === 1 ? '' : 's'} ${RANGE_TEXT[range]}`, placeHolder: 'Pick the reasons to clean up (nothing is changed yet)', step: 1, totalSteps: 2, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
      if (chosen === undefined || chosen === BACK || chosen.length === 0) return base;
      picked = chosen;
      const toDelete = await f.ctx.prompter.pickMany(
        candidates.filter(c => chosen.includes(c.reason.id)).map(c => ({ label: c.reason.text, value: c.reason.id, description: `${c.reason.state} · id ${c.reason.id}`, detail: c.notes.join(' · '), iconId: 'trash' })),
        { title: `${TITLE} (2/2): delete which? The others are disabled`, placeHolder: 'Pick the reasons to delete; unpicked ones are disabled (they can be enabled again)', step: 2, totalSteps: 2, canGoBack: true, ignoreFocusOut: true },
      );
      if (toDelete === BACK) continue;
      if (toDelete === undefined) return base;
      const actions = new Map<string, CleanUpAction>(chosen.map(id => [id, toDelete.includes(id) ? 'delete' : 'disable']));
      const { doc, plan } = cleanUpPlan(reasons, actions, accountId, revision);
      const diff = given.showDiff !== false ? await showPlanDiff(f, doc, accountId, 'the clean-up plan') : undefined;
      if (!(await reviewPlan(f, plan, accountId))) return { ...base, plan };
      return { ...base, plan, results: await runReviewed(f, plan, diff) };
    }
  };
}
