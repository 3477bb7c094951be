// liveperson.statusReasons.create — a multi-step input with Back: text → state → enabled (default
// yes), then one POST. The text is checked live as the server checks it (required, ≤ 100, the
// safe-string rule, unique among non-deleted reasons — naming the clash). If the server still refuses,
// the message says why and the input reopens with the typed text.
// Args (tests): `{ text, state, enabled, order? }` — sent without prompts when the text passes the
// checks (otherwise the input opens with it). The write belongs to the account active when it was
// sent: finishing after a switch, it never lands in the other account's tree. `order` is passed to the server as given (the API's
// optional position; only the server checks it) and dropped if the input reopens after a refusal.
// Returns the created StatusReason, or undefined when cancelled.
import { REASON_STATES, type NewStatusReason, type ReasonState, type StatusReason } from '../../api/types';
import { BACK, type PickItem } from '../../platform/prompter';
import type { ReasonsFeature } from '../feature';
import { lookalikeWarning, reasonTextError } from '../reasonValidation';
import { isRefusal, lostButNotApplied, refusalSentence, refusalText } from '../serverRefusal';
import { showRefusal } from '../../platform/permissionOffer';

export interface CreateArgs { text?: string; state?: ReasonState; enabled?: boolean; order?: number }

const TITLE = 'Create Status Reason';
const STATE_HELP: Record<ReasonState, string> = {
  Away: 'agents who are away (the usual case)',
  Online: 'agents who are online',
  Occupied: 'agents who are occupied (back soon)',
};

export function createCommand(f: ReasonsFeature) {
  return async (args?: unknown): Promise<StatusReason | undefined> => {
    await f.model.ensureLoaded();
    const given: CreateArgs = args && typeof args === 'object' ? (args as CreateArgs) : {};
    let draft: Partial<NewStatusReason> = { text: given.text, state: given.state, enabled: given.enabled, order: given.order };
    let typed = false;
    let ask = !(typeof given.text === 'string' && given.state !== undefined && !reasonTextError(given.text, f.model.reasons));
    for (;;) {
      if (ask) {
        const answered = await askReason(f, draft);
        if (!answered) return undefined;
        draft = answered;
        typed = true;
      }
      const reason = draft as NewStatusReason;
      // a text that only looks like an existing one: the input showed the warning live; given as an
      // argument (no input), ask before sending
      const like = ask ? undefined : lookalikeWarning(reason.text, f.model.reasons);
      if (like && !(await f.ctx.prompter.confirm(`“${reason.text}”: ${like}`, { detail: 'Create it anyway?', confirmLabel: 'Create Anyway' }))) return undefined;
      const account = f.model.forWrites();
      try {
        const created = await account.client.statusReasons.create({ text: reason.text, state: reason.state, enabled: reason.enabled ?? true, ...(reason.order !== undefined ? { order: reason.order } : {}) });
        const shown = account.upsert(created);
        if (shown) await f.provider.reveal(f.view, created.id);
        void f.ctx.prompter.info(`Created the status reason “${created.text}” (${created.state}${created.enabled ? '' : ', disabled'})${shown ? '' : ` in ${account.accountLabel}`}.`);
        return created;
      } catch (e) {
        if (lostButNotApplied(e) && typed && account.current) {
          // the answer was lost, and read back it is not there: sending it again is safe — keep what was typed
          void f.ctx.prompter.error(`“${reason.text}” was not created: ${e.message.replace(/\.$/, '')}. Checked: the server does not hold it, so sending it again is safe — press Enter to retry.`);
          draft = { text: reason.text, state: reason.state, enabled: reason.enabled };
          continue;
        }
        if (!isRefusal(e)) throw e;
        // refused for an account that is no longer the active one: the input would check against the other's list
        if (!account.current) throw e;
        f.ctx.log.warn(`Status reasons: create refused: ${refusalText(e)}`);
        showRefusal(f.ctx.prompter, `${refusalSentence(`“${reason.text}”`, e)} Edit it and try again.`, e);
        draft = { text: reason.text, state: reason.state, enabled: reason.enabled };
        // someone else may have created the same text: reload so the live check knows it
        await f.model.load().catch(() => undefined);
        ask = true;
      }
    }
  };
}

/** The three steps, with Back; resolves to undefined when cancelled. */
async function askReason(f: ReasonsFeature, start: Partial<NewStatusReason>): Promise<NewStatusReason | undefined> {
  const draft = { ...start };
  let step = 1;
  while (step <= 3) {
    if (step === 1) {
      const text = await f.ctx.prompter.input({
        title: TITLE, step: 1, totalSteps: 3,
        prompt: 'The text agents see, e.g. “Lunch break” (at most 100 characters, unique, no < or >)',
        value: draft.text, ignoreFocusOut: true,
        validate: value => reasonTextError(value, f.model.reasons),
        warn: value => lookalikeWarning(value, f.model.reasons),
      });
      if (text === undefined || text === BACK) return undefined;
      draft.text = text;
      step = 2;
    } else if (step === 2) {
      const states = orderFirst(REASON_STATES, draft.state);
      const items: PickItem<ReasonState>[] = states.map(s => ({ label: s, description: `for ${STATE_HELP[s]}`, value: s }));
      const state = await f.ctx.prompter.pick(items, { title: `${TITLE}: “${draft.text}”`, placeHolder: 'Which state is this reason for?', step: 2, totalSteps: 3, canGoBack: true, ignoreFocusOut: true });
      if (state === undefined) return undefined;
      if (state === BACK) { step = 1; continue; }
      draft.state = state;
      step = 3;
    } else {
      const yes: PickItem<boolean> = { label: 'Enabled', description: 'agents can choose it now', value: true };
      const no: PickItem<boolean> = { label: 'Disabled', description: 'create it hidden from agents', value: false };
      const enabled = await f.ctx.prompter.pick(draft.enabled === false ? [no, yes] : [yes, no], { title: `${TITLE}: “${draft.text}” (${draft.state})`, placeHolder: 'Enabled?', step: 3, totalSteps: 3, canGoBack: true, ignoreFocusOut: true });
      if (enabled === undefined) return undefined;
      if (enabled === BACK) { step = 2; continue; }
      draft.enabled = enabled;
      step = 4;
    }
  }
  return { text: draft.text!, state: draft.state!, enabled: draft.enabled ?? true };
}

function orderFirst<T>(all: readonly T[], first: T | undefined): T[] {
  return first === undefined || !all.includes(first) ? [...all] : [first, ...all.filter(x => x !== first)];
}
