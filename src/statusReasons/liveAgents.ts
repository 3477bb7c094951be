// "How many live agents are in that reason right now" for the delete/disable confirmations.
// A failure here never blocks the action: the confirmation says the number is unknown.
import type { LivePersonClient } from '../api/types';

export interface LiveAgentCounts {
  /** reason id → agents whose current status reason it is (offline agents not counted) */
  byReason: Map<string, number>;
  /** the answer may be incomplete (partialResult) */
  partial: boolean;
}

export async function countLiveAgentsByReason(client: LivePersonClient, ids: readonly string[]): Promise<LiveAgentCounts | { error: string }> {
  try {
    const all = await client.agentMetrics.allAgents();
    const wanted = new Set(ids);
    const byReason = new Map<string, number>(ids.map(id => [id, 0]));
    for (const a of all.records) {
      const reason = a.currentStatusReason;
      if (reason !== undefined && wanted.has(String(reason)) && a.currentStatus !== 'OFFLINE') {
        byReason.set(String(reason), (byReason.get(String(reason)) ?? 0) + 1);
      }
    }
    return { byReason, partial: all.partialResult };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** "2 agents are in “Lunch” right now." / "No agent is in it right now." / "(live agents unknown: …)" */
export function describeLiveAgents(counts: LiveAgentCounts | { error: string }, reasons: readonly { id: string; text: string }[]): string {
  if ('error' in counts) return `How many agents are in ${reasons.length === 1 ? 'it' : 'them'} right now is unknown (${counts.error}).`;
  const partial = counts.partial ? ' (the server answered with a partial list; there may be more)' : '';
  const total = reasons.reduce((n, r) => n + (counts.byReason.get(r.id) ?? 0), 0);
  if (reasons.length === 1) {
    return total === 0 ? `No live agent is in this reason right now${partial}.` : `${total} live agent${total === 1 ? ' is' : 's are'} in this reason right now${partial}.`;
  }
  if (total === 0) return `No live agent is in any of them right now${partial}.`;
  const per = reasons.filter(r => (counts.byReason.get(r.id) ?? 0) > 0).map(r => `“${r.text}”: ${counts.byReason.get(r.id)}`);
  return `${total} live agent${total === 1 ? ' is' : 's are'} in them right now (${per.join(', ')})${partial}.`;
}
