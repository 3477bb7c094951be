// The account's agents and their activity: seeded configuration + per-agent schedules, computed on
// demand per agent per day with a bounded cache, plus live-state overrides from the control API.
import { hashInts } from './random';
import {
  DAY_MS, SeedAgent, SeedGroup, SeedReason, SeedSkill, seedAgents, seedGroups, seedReasons, seedSkills,
} from './seed';
import {
  ActivityEvent, LOGGED_OUT, LiveSnapshot, SUB_AWAY, SUB_OCCUPIED, SUB_ONLINE, TYPE_CHANGE, TYPE_LOGIN,
  TYPE_LOGOUT, applyEvent, shiftEvents,
} from './schedule';
import type { LiveStatus } from '../types';
import { Roster, assignRotas } from './roster';
import { ReasonPlan } from './reasonModel';

const SHIFT_CACHE_MAX = 60_000;

interface Override { since: number; events: ActivityEvent[]; snapshots: LiveSnapshot[] }

export class Dataset {
  readonly skills: SeedSkill[];
  readonly groups: SeedGroup[];
  readonly agents: SeedAgent[];
  /** the seeded reasons (the live list is in the status reason store, which starts from a copy) */
  readonly seedReasons: SeedReason[];
  /** how the history uses the seeded reasons (reasonModel.ts) */
  readonly reasonPlan: ReasonPlan;
  /** the rota's ring geometry (who works when) */
  readonly roster: Roster;
  private readonly shiftCache = new Map<number, ActivityEvent[]>();
  private readonly overrides = new Map<number, Override>();
  /** per agent: the live state and the time range it holds for (until the agent's next event) */
  private readonly liveMemo: ({ from: number; until: number; snap: LiveSnapshot } | undefined)[] = [];
  private readonly byId = new Map<string, SeedAgent>();
  readonly skillNames: ReadonlyMap<number, string>;
  readonly groupNames: ReadonlyMap<number, string>;
  /** bumped whenever an override changes history (cache keys of derived data include it) */
  version = 0;

  constructor(readonly seed: number, agentCount: number, startMs: number) {
    const startDay = Math.floor(startMs / DAY_MS);
    this.skills = seedSkills();
    this.groups = seedGroups();
    this.seedReasons = seedReasons();
    this.agents = seedAgents(seed, agentCount, startDay, this.groups, this.skills);
    this.roster = assignRotas(seed, this.agents).roster;
    for (const a of this.agents) this.byId.set(String(a.id), a);
    this.skillNames = new Map(this.skills.map(x => [x.id, x.name]));
    this.groupNames = new Map(this.groups.map(x => [x.id, x.name]));
    this.reasonPlan = new ReasonPlan(seed, startDay, this.seedReasons);
  }

  agentById(id: string | number): SeedAgent | undefined {
    return this.byId.get(String(id));
  }

  private shift(agent: SeedAgent, day: number, useCache = true): ActivityEvent[] {
    const key = day * 1_000_000 + agent.index;
    let events = this.shiftCache.get(key);
    if (events) return events;
    events = shiftEvents(this.seed, agent, day, this.reasonPlan, this.roster);
    if (!useCache) return events;
    if (this.shiftCache.size >= SHIFT_CACHE_MAX) {
      const oldest = this.shiftCache.keys().next().value;
      if (oldest !== undefined) this.shiftCache.delete(oldest);
    }
    this.shiftCache.set(key, events);
    return events;
  }

  /** The agent's events with from ≤ t < to, in time order (schedule, then overrides). */
  eventsInRange(agent: SeedAgent, from: number, to: number): ActivityEvent[] {
    const out: ActivityEvent[] = [];
    const ov = this.overrides.get(agent.index);
    const scheduleEnd = ov ? Math.min(to, ov.since) : to;
    if (from < scheduleEnd) {
      const lastDay = Math.floor((scheduleEnd - 1) / DAY_MS);
      for (let day = Math.floor(from / DAY_MS) - 1; day <= lastDay; day++) {
        for (const e of this.shift(agent, day)) if (e.t >= from && e.t < scheduleEnd) out.push(e);
      }
    }
    if (ov) for (const e of ov.events) if (e.t >= from && e.t < to) out.push(e);
    return out;
  }

  /**
   * Adds the agent's number of events per UTC day to `counts[day - firstDay]`, for from ≤ t < to.
   * Streams shifts without filling the cache (used to size month-long queries).
   */
  countPerDay(agent: SeedAgent, from: number, to: number, firstDay: number, counts: number[]): void {
    const ov = this.overrides.get(agent.index);
    if (ov) {
      for (const e of this.eventsInRange(agent, from, to)) counts[Math.floor(e.t / DAY_MS) - firstDay]++;
      return;
    }
    const lastDay = Math.floor((to - 1) / DAY_MS);
    for (let day = Math.floor(from / DAY_MS) - 1; day <= lastDay; day++) {
      for (const e of this.shift(agent, day, false)) if (e.t >= from && e.t < to) counts[Math.floor(e.t / DAY_MS) - firstDay]++;
    }
  }

  /** Where the agent stands at `t`: logged in or not, status, reason, since when. */
  liveState(agent: SeedAgent, t: number): LiveSnapshot {
    const ov = this.overrides.get(agent.index);
    if (ov && t >= ov.since) {
      let snap: LiveSnapshot | undefined;
      for (let i = 0; i < ov.events.length && ov.events[i].t <= t; i++) snap = ov.snapshots[i];
      if (snap) return snap;
    }
    if (!ov) {
      const memo = this.liveMemo[agent.index];
      if (memo && memo.from <= t && t < memo.until) return memo.snap;
    }
    const day = Math.floor(t / DAY_MS);
    const limit = ov ? Math.min(t + 1, ov.since) : t + 1;
    // the last event before `limit` in the shifts of yesterday and today (a shift is < 24 h long),
    // and the next one after it (the memo is valid until then)
    let shift: ActivityEvent[] | undefined, last = -1, until = (day + 1) * DAY_MS;
    for (let d = day - 1; d <= day; d++) {
      const events = this.shift(agent, d);
      let i = -1;
      while (i + 1 < events.length && events[i + 1].t < limit) i++;
      if (i >= 0) { shift = events; last = i; }
      if (i + 1 < events.length && events[i + 1].t < until) until = events[i + 1].t;
    }
    let snap: LiveSnapshot;
    if (!shift) snap = LOGGED_OUT;
    else {
      const e = shift[last];
      const login = e.type === TYPE_LOGIN;
      snap = e.type === TYPE_LOGOUT ? { ...LOGGED_OUT, lastEventAt: e.t }
        : {
          loggedIn: true, session: e.session, loginAt: shift[0].t, seq: e.seq, sub: login ? SUB_ONLINE : e.sub, reason: login ? 0 : e.reason,
          statusSince: e.t, lastEventAt: e.t, disconnected: !login && (e.disconnected ?? false),
        };
    }
    if (!ov) this.liveMemo[agent.index] = { from: shift ? shift[last].t : day * DAY_MS, until, snap };
    return snap;
  }

  /** true once the control API has set this agent's state (the schedule no longer moves it) */
  isOverridden(agent: SeedAgent): boolean {
    return this.overrides.has(agent.index);
  }

  /** Forces the agent's live state from `t` on; the schedule no longer moves this agent afterwards. */
  setStatus(agent: SeedAgent, status: LiveStatus, reasonId: number, t: number, connected = true): void {
    let snap = this.liveState(agent, t);
    const ov = this.overrides.get(agent.index) ?? { since: t, events: [], snapshots: [] };
    const lastT = Math.max(snap.lastEventAt, ov.events.length ? ov.events[ov.events.length - 1].t : 0);
    const at = Math.max(t, lastT);
    const add = (e: Omit<ActivityEvent, 'agent' | 'tie'>) => {
      const ev: ActivityEvent = { ...e, agent: agent.index, tie: hashInts(agent.index, e.t) };
      if (!connected && e.type === TYPE_CHANGE) ev.disconnected = true;
      snap = applyEvent(snap, ev);
      ov.events.push(ev);
      ov.snapshots.push(snap);
    };
    const sub = status === 'ONLINE' ? SUB_ONLINE : status === 'AWAY' ? SUB_AWAY : SUB_OCCUPIED;
    const reason = status === 'AWAY' ? reasonId : 0;
    if (status === 'OFFLINE') {
      if (snap.loggedIn) add({ t: at, type: TYPE_LOGOUT, sub: 0, reason: 0, seq: snap.seq + 1, session: snap.session, prev: null });
    } else if (!snap.loggedIn) {
      const session = 100_000_000 + (hashInts(this.seed, agent.index, at, 0x0e44) % 900_000_000);
      add({ t: at, type: TYPE_LOGIN, sub: 0, reason: 0, seq: -1, session, prev: null });
      add({ t: at, type: TYPE_CHANGE, sub, reason, seq: 1, session, prev: null });
    } else {
      add({ t: at, type: TYPE_CHANGE, sub, reason, seq: snap.seq + 1, session: snap.session, prev: snap.lastEventAt });
    }
    if (!this.overrides.has(agent.index)) this.overrides.set(agent.index, ov);
    this.version++;
  }
}
