// Pages through every status change of a set of agents in a time window, in time order, without
// materialising the window: per-UTC-day counts (cached for whole days) locate the page, and only the
// one or two days it falls in are generated and sorted.
import { DAY_MS, SeedAgent } from './seed';
import type { ActivityEvent } from './schedule';
import type { Dataset } from './dataset';

const SORTED_CACHE_MAX = 6;
const DAY_COUNT_CACHE_MAX = 20_000;

export interface AgentFilter { key: string; agents: SeedAgent[] }

export class ActivityPager {
  private readonly dayCounts = new Map<string, number>();
  private readonly sorted = new Map<string, ActivityEvent[]>();

  constructor(private readonly data: Dataset) {}

  /** Total number of events and the requested page, for from ≤ t < end. */
  page(filter: AgentFilter, from: number, end: number, offset: number, limit: number): { total: number; events: ActivityEvent[] } {
    if (end <= from || filter.agents.length === 0) return { total: 0, events: [] };
    const buckets = this.buckets(from, end);
    this.fillDayCounts(filter, buckets);
    let total = 0;
    const counts = buckets.map(b => {
      const n = b.full ? this.dayCounts.get(this.dayKey(filter, b.day))! : this.sortedBucket(filter, b.a, b.b).length;
      total += n;
      return n;
    });
    const events: ActivityEvent[] = [];
    let start = 0;
    for (let i = 0; i < buckets.length && events.length < limit; i++) {
      const n = counts[i];
      if (offset < start + n && n > 0) {
        const list = this.sortedBucket(filter, buckets[i].a, buckets[i].b);
        const lo = Math.max(0, offset - start);
        events.push(...list.slice(lo, lo + (limit - events.length)));
      }
      start += n;
    }
    return { total, events };
  }

  private buckets(from: number, end: number): { a: number; b: number; day: number; full: boolean }[] {
    const out = [];
    for (let day = Math.floor(from / DAY_MS); day * DAY_MS < end; day++) {
      const a = Math.max(from, day * DAY_MS), b = Math.min(end, (day + 1) * DAY_MS);
      out.push({ a, b, day, full: a === day * DAY_MS && b === (day + 1) * DAY_MS });
    }
    return out;
  }

  private dayKey(filter: AgentFilter, day: number): string {
    return `${filter.key}|${day}|${this.data.version}`;
  }

  /** Counts every missing whole day in one pass over the agents. */
  private fillDayCounts(filter: AgentFilter, buckets: { day: number; full: boolean }[]): void {
    const missing = buckets.filter(b => b.full && !this.dayCounts.has(this.dayKey(filter, b.day)));
    if (!missing.length) return;
    const firstDay = missing[0].day, lastDay = missing[missing.length - 1].day;
    const counts = new Array<number>(lastDay - firstDay + 1).fill(0);
    for (const agent of filter.agents) this.data.countPerDay(agent, firstDay * DAY_MS, (lastDay + 1) * DAY_MS, firstDay, counts);
    if (this.dayCounts.size > DAY_COUNT_CACHE_MAX) this.dayCounts.clear();
    for (const b of missing) this.dayCounts.set(this.dayKey(filter, b.day), counts[b.day - firstDay]);
  }

  /** The events of [a, b) sorted by time; equal times in a deterministic shuffled order. */
  sortedBucket(filter: AgentFilter, a: number, b: number): ActivityEvent[] {
    const key = `${filter.key}|${a}|${b}|${this.data.version}`;
    const hit = this.sorted.get(key);
    if (hit) return hit;
    const list: ActivityEvent[] = [];
    for (const agent of filter.agents) for (const e of this.data.eventsInRange(agent, a, b)) list.push(e);
    list.sort((x, y) => x.t - y.t || x.tie - y.tie);
    if (this.sorted.size >= SORTED_CACHE_MAX) this.sorted.delete(this.sorted.keys().next().value!);
    this.sorted.set(key, list);
    return list;
  }
}
