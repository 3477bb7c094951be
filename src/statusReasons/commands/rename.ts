// liveperson.statusReasons.rename — asks for the new text (checked live as the server checks it,
// naming the reason it would clash with; warning of one it only looks like), then one PUT with If-Match. A server refusal reopens the
// input with the typed text; a conflict reloads, says what changed, and offers a retry on fresh data.
// Args: `(node)` from the tree; `{ id, text? }` or an id string from tests (with `text` no prompt is
// shown when it passes the checks); nothing from the palette (quick pick).
// Returns the renamed StatusReason, or undefined when cancelled or not changed.
import type { StatusReason } from '../../api/types';
import { BACK } from '../../platform/prompter';
import type { ReasonsFeature } from '../feature';
import { lookalikeWarning, reasonTextError } from '../reasonValidation';
import { isRefusal, lostButNotApplied, refusalSentence } from '../serverRefusal';
import { resolveTargets } from '../targets';
import { writeReason } from '../writes';
import { showRefusal } from '../../platform/permissionOffer';

export function renameCommand(f: ReasonsFeature) {
  return async (...args: unknown[]): Promise<StatusReason | undefined> => {
    const targets = await resolveTargets(f, args.slice(0, 1), { many: false, title: 'Rename Status Reason', filter: r => !r.deleted, none: 'There are no status reasons to rename.' });
    const target = targets?.[0];
    if (!target) return undefined;
    if (target.deleted) throw new Error(`“${target.text}” is deleted and cannot be renamed.`);
    const given = args[0] && typeof args[0] === 'object' ? (args[0] as { text?: unknown }).text : undefined;
    let text: string | undefined = typeof given === 'string' && !reasonTextError(given, f.model.reasons, target.id) ? given : undefined;
    let value = typeof given === 'string' ? given : target.text;
    let current = target;
    for (;;) {
      if (text === undefined) {
        const answer = await f.ctx.prompter.input({
          title: `Rename “${current.text}” (${current.state})`,
          prompt: 'New text (at most 100 characters, unique, no < or >)',
          value, ignoreFocusOut: true,
          validate: v => reasonTextError(v, f.model.reasons, current.id),
          warn: v => lookalikeWarning(v, f.model.reasons, current.id),
        });
        if (answer === undefined || answer === BACK) return undefined;
        text = answer;
      } else {
        // given as an argument: a text that only looks like another reason is confirmed first
        const like = lookalikeWarning(text, f.model.reasons, current.id);
        if (like && !(await f.ctx.prompter.confirm(`“${text}”: ${like}`, { detail: `Rename “${current.text}” anyway?`, confirmLabel: 'Rename Anyway' }))) return undefined;
      }
      if (text === current.text) return undefined;
      const newText = text;
      try {
        const outcome = await writeReason(f, {
          before: current,
          verb: `rename “${current.text}” to “${newText}”`,
          precheck: fresh => fresh.deleted ? `“${fresh.text}” is deleted.`
            : fresh.text === newText ? `It is already called “${newText}”.`
              : reasonTextError(newText, f.model.reasons, fresh.id),
          send: (fresh, revision, client) => client.statusReasons.update({ ...fresh, text: newText }, { revision }),
        });
        if (outcome.status === 'done') {
          void f.ctx.prompter.info(`Renamed “${current.text}” to “${outcome.reason.text}”.`);
          return outcome.reason;
        }
        if (outcome.status === 'skipped') void f.ctx.prompter.warn(outcome.message);
        return undefined;
      } catch (e) {
        if (lostButNotApplied(e)) {
          // the answer was lost, and read back the rename is not there: keep the typed text for a safe retry
          void f.ctx.prompter.error(`“${current.text}” was not renamed: ${e.message.replace(/\.$/, '')}. Checked: the server does not hold the change, so sending it again is safe — press Enter to retry.`);
          value = newText;
          text = undefined;
          continue;
        }
        if (!isRefusal(e)) throw e;
        showRefusal(f.ctx.prompter, `${refusalSentence(`“${newText}”`, e)} Edit it and try again.`, e);
        await f.model.load().catch(() => undefined);
        current = f.model.find(current.id) ?? current;
        value = newText;
        text = undefined;
      }
    }
  };
}
