// Reveals one status reason in the Status Reasons tree: opens the view, loads the list if needed,
// selects and focuses the reason (deep links: `…/reason?account=…&id=…`). A reason that is not
// there, or is deleted and hidden, is answered with a sentence for the user, never an exception.
import * as vscode from 'vscode';
import type { ReasonsFeature } from './feature';

export type RevealOutcome = { ok: true; id: string; text: string } | { ok: false; problem: string };

/** Throws what the client threw while loading (the caller shows it like a command's error). */
export async function revealReason(f: ReasonsFeature, viewId: string, id: string): Promise<RevealOutcome> {
  await vscode.commands.executeCommand(`${viewId}.focus`);
  await f.model.ensureLoaded();
  const reason = f.model.find(id);
  const account = f.ctx.session.active?.accountId;
  if (!reason) return { ok: false, problem: `Account ${account ?? '(none)'} has no status reason with id ${id}: it may have been deleted for good, or the link is for another account.` };
  const node = f.provider.nodeFor(id);
  if (!node) return { ok: false, problem: `Status reason “${reason.text}” (id ${id}) is deleted: run “Show or Hide Deleted Status Reasons” to see it.` };
  await f.view.reveal(node, { select: true, focus: true, expand: false });
  return { ok: true, id, text: reason.text };
}
