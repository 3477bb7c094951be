// What an Open as JSON document holds and where it lives (no vscode): the records as the client
// returned them, a `_source` line saying which API answered and that these are the client's parsed
// records (the client keeps no copy of the server's raw JSON; JSON has no comments), secrets masked
// at any depth, pretty-printed. The name says what it shows, e.g. `12345678/status-reasons/123.json`.
import { createHash } from 'crypto';
import type { AgentStatusRecord, StatusReason } from '../api/types';
import { redactJson } from '../api/redact';

export interface RawDocument {
  /** the path under the `liveperson:` scheme, without the leading slash */
  readonly name: string;
  readonly text: string;
}

export const REASONS_SOURCE = 'Status Reasons API (GET …/configuration/le-agents/status-reasons, deleted ones included), as parsed by the extension’s client — it keeps no copy of the server’s raw JSON. Secrets are masked.';
export const AGENTS_SOURCE = 'Agent Metrics API agent view (POST …/agent-view/status, every page), as parsed by the extension’s client — it keeps no copy of the server’s raw JSON. Secrets are masked.';

/** A file name for a set of ids: the ids themselves when few, else the lowest, a count and a digest of the set. */
export function idsName(ids: readonly string[]): string {
  const safe = ids.map(id => id.replace(/[^A-Za-z0-9._-]/g, '_'));
  if (safe.length <= 5) return safe.join(',');
  const sorted = [...safe].sort();
  const digest = createHash('sha256').update([...ids].sort().join(',')).digest('hex').slice(0, 8);
  return `${sorted[0]}-and-${sorted.length - 1}-more-${digest}`;
}

const json = (payload: Record<string, unknown>) => `${JSON.stringify(redactJson(payload), null, 2)}\n`;

/** The reasons named by `ids` (in that order), or every reason when `ids` is undefined. Throws on an unknown id. */
export function reasonsDocument(accountId: string, all: readonly StatusReason[], revision: string, ids?: readonly string[]): RawDocument {
  const byId = new Map(all.map(r => [r.id, r]));
  const missing = (ids ?? []).filter(id => !byId.has(id));
  if (missing.length) throw new Error(`No status reason with id ${missing.join(', ')} in account ${accountId}.`);
  const reasons = ids ? ids.map(id => byId.get(id)!) : [...all];
  const name = ids ? `${accountId}/status-reasons/${idsName(ids)}.json` : `${accountId}/status-reasons.json`;
  return { name, text: json({ _source: REASONS_SOURCE, accountId, revision, statusReasons: reasons }) };
}

export interface AgentsAnswer {
  readonly records: readonly AgentStatusRecord[];
  readonly partialResult: boolean;
}

/**
 * The agent-view records of `ids` (in that order; ids the server did not return — logged out — are
 * listed under `notReturned`), or of every logged-in agent when `ids` is undefined.
 */
export function agentsDocument(accountId: string, answer: AgentsAnswer, ids?: readonly string[]): RawDocument {
  const byId = new Map(answer.records.map(r => [r.agentId, r]));
  const agents = ids ? ids.filter(id => byId.has(id)).map(id => byId.get(id)!) : [...answer.records];
  const notReturned = ids ? ids.filter(id => !byId.has(id)) : [];
  const name = ids ? `${accountId}/agents/${idsName(ids)}.json` : `${accountId}/agents.json`;
  const payload: Record<string, unknown> = { _source: AGENTS_SOURCE, accountId, partialResult: answer.partialResult, agents };
  if (notReturned.length) payload.notReturned = notReturned;
  return { name, text: json(payload) };
}
