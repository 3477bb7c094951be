// How each status reason is used over a range, from the same interval model as the Activity Timeline
// (buildTimelines over Agent Activity status changes), so a reason's total time here is exactly the
// timeline's per-reason total for the same range. A "use" is one stretch of an agent in the reason:
// consecutive intervals with the same reason id (the API may split one stretch at a window edge or a
// repeated change) count once. Durations are clipped to the range. Hours and weekdays are in the
// time zone asked for (an IANA name, or 'UTC'). No `vscode` here.
import type { AgentTimeline, StatusInterval } from './timelineTypes';
import type { AgentState } from './agentState';

export interface ReasonUsage {
  reasonId: string;
  /** the text the history carries (a deleted reason keeps its text) */
  text: string;
  state: AgentState;
  uses: number;
  /** ms in the reason within the range (= the timeline's per-reason total) */
  totalMs: number;
  /** distinct agents who used it */
  agents: number;
  medianMs: number;
  p90Ms: number;
  /** the latest use: when it started (epoch ms) and who */
  lastUsedAt: number;
  lastAgentId: string;
  /** hour of day (0–23, in the zone) with the most time in the reason */
  busiestHour: number;
  /** ms per weekday (0 = Monday … 6 = Sunday) × hour (0–23): [weekday * 24 + hour] */
  heatmap: Float64Array;
}

export interface UsageOptions {
  /** 'UTC' or an IANA zone; default UTC */
  timeZone?: string;
}

const HOUR = 3_600_000;

/** Per reason id (the ones used in the window), sorted by total time, most first. */
export function computeReasonUsage(timelines: readonly AgentTimeline[], window: { from: number; to: number }, opts: UsageOptions = {}): ReasonUsage[] {
  const zone = zoneClock(opts.timeZone ?? 'UTC');
  const acc = new Map<string, { text: string; state: AgentState; durations: number[]; total: number; agents: Set<string>; last: number; lastAgent: string; heat: Float64Array }>();
  for (const tl of timelines) {
    let run: { id: string; ms: number } | undefined;
    const close = () => {
      if (run) acc.get(run.id)!.durations.push(run.ms);
      run = undefined;
    };
    let prev: StatusInterval | undefined;
    for (const iv of tl.intervals) {
      const s = Math.max(iv.start, window.from);
      const e = Math.min(iv.end, window.to);
      if (e <= s) continue; // outside the range
      const contiguous = prev !== undefined && prev.end === iv.start;
      prev = iv;
      if (iv.reasonId === undefined) {
        close();
        continue;
      }
      let a = acc.get(iv.reasonId);
      if (!a) acc.set(iv.reasonId, (a = { text: iv.reasonText ?? iv.reasonId, state: iv.state, durations: [], total: 0, agents: new Set(), last: -Infinity, lastAgent: '', heat: new Float64Array(7 * 24) }));
      if (iv.reasonText && a.text === iv.reasonId) a.text = iv.reasonText;
      const ms = e - s;
      a.total += ms;
      a.agents.add(tl.agentId);
      if (run && run.id === iv.reasonId && contiguous) run.ms += ms;
      else {
        close();
        run = { id: iv.reasonId, ms };
        if (s > a.last) {
          a.last = s;
          a.lastAgent = tl.agentId;
        }
      }
      spreadOverHours(a.heat, s, e, zone);
    }
    close();
  }
  const out: ReasonUsage[] = [];
  for (const [reasonId, a] of acc) {
    const d = a.durations.sort((x, y) => x - y);
    let busiest = 0;
    const byHour = new Float64Array(24);
    for (let i = 0; i < a.heat.length; i++) byHour[i % 24] += a.heat[i];
    for (let h = 1; h < 24; h++) if (byHour[h] > byHour[busiest]) busiest = h;
    out.push({
      reasonId, text: a.text, state: a.state, uses: d.length, totalMs: a.total, agents: a.agents.size,
      medianMs: quantile(d, 0.5), p90Ms: quantile(d, 0.9), lastUsedAt: a.last, lastAgentId: a.lastAgent, busiestHour: busiest, heatmap: a.heat,
    });
  }
  return out.sort((x, y) => y.totalMs - x.totalMs || (x.reasonId < y.reasonId ? -1 : 1));
}

/** Nearest-rank quantile of sorted values (0 for none). */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Local wall-clock parts of an instant in a zone; cached per hour for speed. */
interface ZoneClock {
  /** the epoch ms where the local hour containing t started, its weekday (0 = Monday) and hour */
  hourOf(t: number): { start: number; weekday: number; hour: number };
}

function zoneClock(timeZone: string): ZoneClock {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const DAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
  const cache = new Map<number, { start: number; weekday: number; hour: number }>();
  return {
    hourOf(t) {
      const key = Math.floor(t / HOUR); // zones differ from UTC by whole quarter hours: a UTC hour maps to at most two local hours
      const c = cache.get(key);
      if (c && t >= c.start && t < c.start + HOUR) return c;
      const parts = Object.fromEntries(fmt.formatToParts(t).map(p => [p.type, p.value]));
      const start = t - (Number(parts.minute) * 60 + Number(parts.second)) * 1000 - (t % 1000);
      const v = { start, weekday: DAYS[parts.weekday as string] ?? 0, hour: Number(parts.hour) % 24 };
      if (cache.size > 50_000) cache.clear();
      cache.set(key, v);
      return v;
    },
  };
}

function spreadOverHours(heat: Float64Array, from: number, to: number, zone: ZoneClock): void {
  let t = from;
  while (t < to) {
    const h = zone.hourOf(t);
    const end = Math.min(to, h.start + HOUR);
    heat[h.weekday * 24 + h.hour] += end - t;
    t = end;
  }
}
