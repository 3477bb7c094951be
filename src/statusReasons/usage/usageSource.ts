// Reason usage for one account and range: Agent Activity status changes of every agent over the
// range (the client splits it into the API's month windows), the timeline's interval model, then
// domain/reasonUsage. Fetched once per account and range and kept for the session (until refreshed);
// concurrent asks share one fetch; cancellable. No `vscode` here.
import type { ActivityProgress, LivePersonClient } from '../../api/types';
import { buildTimelines } from '../../domain/timeline';
import { computeReasonUsage, type ReasonUsage } from '../../domain/reasonUsage';

export type UsageRange = '24h' | '7d' | '30d';
export const USAGE_RANGES: readonly UsageRange[] = ['24h', '7d', '30d'];
const RANGE_MS: Record<UsageRange, number> = { '24h': 24 * 3_600_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };
/** `in the last 7 days` */
export const RANGE_TEXT: Record<UsageRange, string> = { '24h': 'in the last 24 hours', '7d': 'in the last 7 days', '30d': 'in the last 30 days' };

export interface UsageResult {
  range: UsageRange;
  from: number;
  to: number;
  /** when it was computed (the server's clock) */
  computedAt: number;
  timeZone: string;
  /** reason id → usage; reasons absent were unused in the range */
  byReason: ReadonlyMap<string, ReasonUsage>;
  /** status changes read */
  changes: number;
  /** agents with any activity in the range */
  agents: number;
  /** agent id → display name (users lookup at compute time; server text, escape it in Markdown) */
  agentNames: ReadonlyMap<string, string>;
}

export interface UsageAsk {
  signal?: AbortSignal;
  onProgress?: (p: ActivityProgress) => void;
  /** ignore the cached result */
  fresh?: boolean;
}

export function usageWindow(range: UsageRange, now: number): { from: number; to: number } {
  return { from: now - RANGE_MS[range], to: now };
}

export class ReasonUsageSource {
  private readonly cache = new Map<string, UsageResult>();
  private readonly inFlight = new Map<string, Promise<UsageResult>>();
  /** bumped by clear(): a fetch started before it does not fill the cache (another session's client) */
  private generation = 0;

  constructor(private readonly timeZone: () => string = () => 'UTC') {}

  /** The cached result for the account and range, if any. */
  peek(client: LivePersonClient, range: UsageRange): UsageResult | undefined {
    return this.cache.get(key(client, range));
  }

  async get(client: LivePersonClient, range: UsageRange, ask: UsageAsk = {}): Promise<UsageResult> {
    const k = key(client, range);
    if (!ask.fresh) {
      const hit = this.cache.get(k);
      if (hit) return hit;
      const running = this.inFlight.get(k);
      if (running) return running;
    }
    const p = this.compute(client, range, ask).finally(() => {
      if (this.inFlight.get(k) === p) this.inFlight.delete(k);
    });
    this.inFlight.set(k, p);
    const generation = this.generation;
    const result = await p;
    if (generation === this.generation) this.cache.set(k, result);
    return result;
  }

  /** Forget everything (sign-out, account switch, a refresh of the view). */
  clear(): void {
    this.generation++;
    this.cache.clear();
    this.inFlight.clear();
  }

  private async compute(client: LivePersonClient, range: UsageRange, ask: UsageAsk): Promise<UsageResult> {
    const now = client.serverNow();
    const window = usageWindow(range, now);
    const [lookups, changes] = await Promise.all([
      client.lookups.load({ signal: ask.signal }),
      client.agentActivity.statusChanges({ from: window.from, to: window.to }, { signal: ask.signal, onProgress: ask.onProgress }),
    ]);
    const reasonTexts = new Map([...lookups.reasons].map(([id, r]) => [id, r.text]));
    const timelines = buildTimelines(changes, window, { reasonTexts });
    const timeZone = this.timeZone();
    const usage = computeReasonUsage(timelines, window, { timeZone });
    return {
      range, ...window, computedAt: now, timeZone, byReason: new Map(usage.map(u => [u.reasonId, u])), changes: changes.length,
      agents: timelines.filter(t => t.intervals.length).length,
      agentNames: new Map([...lookups.users].map(([id, u]) => [id, u.displayName])),
    };
  }
}

function key(client: LivePersonClient, range: UsageRange): string {
  return `${client.accountId}\u0000${range}`;
}
