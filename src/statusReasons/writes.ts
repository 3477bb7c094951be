// Writes to one reason with `If-Match` = the revision the user's view was based on. On a conflict
// (409/412) the model reloads, the user is told what someone else changed, and offered to retry on
// the fresh data — nothing is overwritten silently. The write belongs to the account it was started
// for (model.forWrites): an answer arriving after an account switch never lands in the other one.
import { LivePersonError } from '../api/errors';
import type { LivePersonClient, StatusReason } from '../api/types';
import { describeChange } from './conflictText';
import type { ReasonsFeature } from './feature';
import type { AccountWrites } from './model';

export const RETRY_ON_FRESH = 'Retry';

export type WriteOutcome =
  | { status: 'done'; reason: StatusReason }
  | { status: 'skipped'; message: string }
  | { status: 'conflict'; message: string };

export interface WriteSpec {
  /** the reason as the user saw it */
  before: StatusReason;
  /** e.g. `rename “Lunch”` — used in "Could not rename “Lunch”: …" */
  verb: string;
  /** Checks the (fresh) reason: a message means "nothing to do / cannot do", shown and not sent. */
  precheck?: (fresh: StatusReason) => string | undefined;
  /**
   * The write itself on the fresh reason, through the client of the account it was started for;
   * resolves to the reason as the server now has it. A send of several writes (a move renumbering
   * its neighbours) hands each intermediate answer to `account.upsert` and sends the next with
   * `account.revision`.
   */
  send: (fresh: StatusReason, revision: string | undefined, client: LivePersonClient, account: AccountWrites) => Promise<StatusReason>;
  /** ask before retrying (default true); false = report the conflict and stop (bulk apply) */
  offerRetry?: boolean;
}

/** 409/412 (stale revision, or a text taken meanwhile) and 404 (deleted meanwhile): reload and explain. */
export function isConflict(e: unknown): boolean {
  const kind = e instanceof LivePersonError ? e.kind : (e as { kind?: unknown } | null)?.kind;
  return kind === 'conflict' || kind === 'notFound';
}

const MAX_ROUNDS = 5;

export async function writeReason(f: ReasonsFeature, spec: WriteSpec): Promise<WriteOutcome> {
  const account = f.model.forWrites();
  let base = spec.before;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const problem = spec.precheck?.(base);
    if (problem) return { status: 'skipped', message: problem };
    const revision = account.revision;
    try {
      const updated = await spec.send(base, revision, account.client, account);
      account.upsert(updated);
      return { status: 'done', reason: updated };
    } catch (e) {
      if (!isConflict(e)) throw e;
      if (!account.current) return switchedAway(f, `Could not ${spec.verb} in ${account.accountLabel}: the configuration had changed, and the active account changed meanwhile. Nothing was overwritten.`);
      f.ctx.log.info(`Status reasons: conflict while trying to ${spec.verb} (revision ${revision ?? '?'}); reloading.`);
      await f.model.load();
      if (!account.current) return switchedAway(f, `Could not ${spec.verb} in ${account.accountLabel}: the configuration had changed, and the active account changed meanwhile. Nothing was overwritten.`);
      const fresh = f.model.find(base.id);
      const changed = describeChange(base, fresh)
        ?? `the account's configuration changed since it was loaded (revision ${revision ?? '?'} → ${account.revision ?? '?'})`;
      const head = `Could not ${spec.verb}: ${changed}. Nothing was overwritten.`;
      if (!fresh || fresh.deleted) {
        void f.ctx.prompter.warn(head);
        return { status: 'conflict', message: head };
      }
      const freshProblem = spec.precheck?.(fresh);
      if (freshProblem) {
        void f.ctx.prompter.warn(`${head} ${freshProblem}`);
        return { status: 'conflict', message: `${head} ${freshProblem}` };
      }
      if (spec.offerRetry === false) return { status: 'conflict', message: head };
      const choice = await f.ctx.prompter.warn(`${head} Retry on the fresh data?`, RETRY_ON_FRESH);
      if (choice !== RETRY_ON_FRESH || !account.current) return { status: 'conflict', message: head };
      base = fresh;
    }
  }
  return { status: 'conflict', message: `Could not ${spec.verb}: the account kept changing while retrying.` };
}

/** A conflict for an account that is no longer the active one: said, not retried on the other's data. */
function switchedAway(f: ReasonsFeature, message: string): WriteOutcome {
  void f.ctx.prompter.warn(message);
  return { status: 'conflict', message };
}

/** Soft delete with the conflict flow; the resolved reason is the deleted one. */
export function deleteReason(f: ReasonsFeature, before: StatusReason, offerRetry = true): Promise<WriteOutcome> {
  return writeReason(f, {
    before,
    verb: `delete “${before.text}”`,
    offerRetry,
    precheck: fresh => (fresh.deleted ? `“${fresh.text}” is already deleted.` : undefined),
    send: async (fresh, revision, client) => {
      await client.statusReasons.delete(fresh.id, { revision });
      return { ...fresh, deleted: true };
    },
  });
}

/** Enable or disable with the conflict flow. */
export function setReasonEnabled(f: ReasonsFeature, before: StatusReason, enabled: boolean, offerRetry = true): Promise<WriteOutcome> {
  return writeReason(f, {
    before,
    verb: `${enabled ? 'enable' : 'disable'} “${before.text}”`,
    offerRetry,
    precheck: fresh => (fresh.deleted ? `“${fresh.text}” is deleted.` : fresh.enabled === enabled ? `“${fresh.text}” is already ${enabled ? 'enabled' : 'disabled'}.` : undefined),
    send: (fresh, revision, client) => client.statusReasons.update({ ...fresh, enabled }, { revision }),
  });
}
