// Enable, disable and delete act on one reason or a whole selection: one modal confirmation (for
// delete and disable, with how many live agents are in those reasons now and their usage over the
// usage range — both asked at once, neither waited for longer than ~3 s), then one write per reason
// with the conflict flow, then one summary.
import type { StatusReason } from '../api/types';
import type { ReasonsFeature } from './feature';
import { countLiveAgentsByReason, describeLiveAgents } from './liveAgents';
import { resolveTargets } from './targets';
import { deleteReason, setReasonEnabled, type WriteOutcome } from './writes';
import { CONFIRM_WAIT_MS, usageForConfirmation, withinTimeLimit } from './usage/confirmUsage';
import { confirmUsageText } from './usage/usageLook';

export type BulkAction = 'enable' | 'disable' | 'delete';

export interface BulkResult {
  done: string[];
  skipped: { id: string; message: string }[];
  conflicts: { id: string; message: string }[];
}

const VERB: Record<BulkAction, { title: string; past: string; filter: (r: StatusReason) => boolean; none: string }> = {
  enable: { title: 'Enable Status Reasons', past: 'Enabled', filter: r => !r.enabled, none: 'Every status reason is already enabled.' },
  disable: { title: 'Disable Status Reasons', past: 'Disabled', filter: r => r.enabled, none: 'Every status reason is already disabled.' },
  delete: { title: 'Delete Status Reasons', past: 'Deleted', filter: () => true, none: 'There are no status reasons to delete.' },
};

const quoted = (rs: readonly StatusReason[]) => rs.map(r => `“${r.text}”`).join(', ');
const count = (n: number) => `${n} status reason${n === 1 ? '' : 's'}`;

/**
 * Args: `(node, selectedNodes)` from the tree, `{ id }` / `{ ids: string[] }` / an id, or nothing
 * (quick pick). Confirmation always goes through the prompter; tests answer it like a user.
 */
export async function runBulkAction(f: ReasonsFeature, action: BulkAction, args: readonly unknown[]): Promise<BulkResult | undefined> {
  const v = VERB[action];
  const targets = await resolveTargets(f, args, { many: true, title: v.title, filter: v.filter, none: v.none });
  if (!targets?.length) return undefined;
  const live = targets.filter(r => !r.deleted);
  const result: BulkResult = { done: [], skipped: [], conflicts: [] };
  for (const r of targets.filter(r => r.deleted)) result.skipped.push({ id: r.id, message: `“${r.text}” is deleted.` });
  if (!live.length) {
    void f.ctx.prompter.info(`Nothing to do: ${quoted(targets)} ${targets.length === 1 ? 'is' : 'are'} deleted.`);
    return result;
  }

  if (action !== 'enable') {
    const client = f.model.client();
    const range = f.ctx.settings.get('statusReasons.usageRange');
    const account = f.ctx.session.active ?? { accountId: client.accountId, method: 'oauth1' as const };
    const [liveCounts, usage] = await Promise.all([
      withinTimeLimit(countLiveAgentsByReason(client, live.map(r => r.id)), CONFIRM_WAIT_MS),
      usageForConfirmation(f.usage, client, range, account),
    ]);
    const counts = liveCounts?.value ?? { error: `no answer within ${CONFIRM_WAIT_MS / 1000} s` };
    const what = action === 'delete'
      ? `Delete ${live.length === 1 ? `the status reason “${live[0].text}”` : count(live.length)}?`
      : `Disable ${live.length === 1 ? `the status reason “${live[0].text}”` : count(live.length)}?`;
    const effect = action === 'delete'
      ? 'It is a soft delete: agents can no longer choose it, and it stays visible with “Show Deleted”.'
      : 'Agents will no longer be able to choose it until it is enabled again.';
    const detail = [live.length > 1 ? quoted(live) : undefined, effect, describeLiveAgents(counts, live), confirmUsageText(live, usage, range)].filter(Boolean).join('\n\n');
    const ok = await f.ctx.prompter.confirm(what, { detail, confirmLabel: action === 'delete' ? 'Delete' : 'Disable' });
    if (!ok) return undefined;
  }

  for (const r of live) {
    const outcome: WriteOutcome = action === 'delete' ? await deleteReason(f, r) : await setReasonEnabled(f, r, action === 'enable');
    if (outcome.status === 'done') result.done.push(r.id);
    else if (outcome.status === 'skipped') result.skipped.push({ id: r.id, message: outcome.message });
    else result.conflicts.push({ id: r.id, message: outcome.message });
  }
  const parts = [`${v.past} ${result.done.length === 1 && live.length === 1 ? `“${live[0].text}”` : count(result.done.length)}.`];
  if (result.skipped.length) parts.push(`Skipped: ${result.skipped.map(s => s.message).join(' ')}`);
  if (result.conflicts.length) parts.push(`Not changed because of conflicting edits: ${result.conflicts.length}.`);
  if (result.done.length || result.skipped.length) void f.ctx.prompter.info(parts.join(' '));
  return result;
}
