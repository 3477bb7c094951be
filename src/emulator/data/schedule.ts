// Each agent's working life as a pure function of (seed, agent, day): one shift per working day —
// login, the default state, breaks with reasons, back-soon moments, logout. Agent Activity history
// and the live Agent Metrics view are both read from these events, so they always agree.
import { Rng, hashInts } from './random';
import { DAY_MS, SeedAgent, SeedReason } from './seed';

/** Agent Activity statusType / statusSubType codes (liveperson-api.md §5.4). */
export const TYPE_CHANGE = 1, TYPE_LOGIN = 3, TYPE_LOGOUT = 4;
export const SUB_OFFLINE = 1, SUB_ONLINE = 2, SUB_OCCUPIED = 3, SUB_AWAY = 4;

export interface ActivityEvent {
  agent: number; // agent index
  t: number; // epoch ms
  type: number;
  sub: number;
  /** status reason id, 0 = none */
  reason: number;
  seq: number;
  /** the real session id (the API shows -1 for seq -1 and 1) */
  session: number;
  /** previous change of this agent in the session; null on login, default state and logout */
  prev: number | null;
  /** deterministic tie-breaker among equal timestamps */
  tie: number;
}

export interface ReasonPools {
  /** Away reasons agents pick now */
  recent: SeedReason[];
  /** reasons picked in older history (includes ones deleted or disabled since) */
  older: SeedReason[];
  /** days before this one use `older` */
  olderBeforeDay: number;
}

const MIN = 60_000;

export function isWorkingDay(seed: number, agent: SeedAgent, day: number): boolean {
  if (agent.inactiveFromDay !== undefined && day >= agent.inactiveFromDay) return false;
  if (agent.userTypeId === 2) return true;
  const dow = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (dow === agent.offDay || dow === (agent.offDay + 1) % 7) return false;
  if (agent.partTime && dow === (agent.offDay + 3) % 7) return false;
  return hashInts(seed, agent.index, day, 0x51c) % 100 >= 4; // the odd sick day
}

/** The events of the shift that STARTS on `day` (it may end the next day); [] on days off. */
export function shiftEvents(seed: number, agent: SeedAgent, day: number, pools: ReasonPools): ActivityEvent[] {
  if (!isWorkingDay(seed, agent, day)) return [];
  const rng = new Rng(seed, agent.index, day, 0x5417f);
  const dayStart = day * DAY_MS;
  const session = 100_000_000 + (hashInts(seed, agent.index, day, 0x5e55) % 900_000_000);
  const events: ActivityEvent[] = [];
  let seq = 2;
  let last = 0;
  const push = (t: number, type: number, sub: number, reason: number, s: number, prev: number | null) => {
    events.push({ agent: agent.index, t, type, sub, reason, seq: s, session, prev, tie: hashInts(agent.index, t, s) });
    last = t;
  };
  const change = (t: number, sub: number, reason = 0) => push(t, TYPE_CHANGE, sub, reason, seq++, last);

  let start: number, end: number;
  if (agent.shiftStartMinute < 0) {
    // bots: round the clock, one session per day with a short maintenance gap around midnight
    start = dayStart + rng.int(20, 90) * 1000 + rng.int(0, 999);
    end = dayStart + DAY_MS - rng.int(60, 180) * 1000;
  } else {
    start = dayStart + (agent.shiftStartMinute + rng.int(-15, 15)) * MIN + rng.int(0, 59_999);
    end = start + (agent.partTime ? rng.int(240, 330) : rng.int(420, 570)) * MIN + rng.int(0, 59_999);
  }
  push(start, TYPE_LOGIN, 0, 0, -1, null);
  const defaultAway = agent.userTypeId === 1 && rng.chance(0.12);
  push(start, TYPE_CHANGE, defaultAway ? SUB_AWAY : SUB_ONLINE, 0, 1, null);
  let t = start;
  if (defaultAway) {
    t += rng.int(1, 6) * MIN + rng.int(0, 59_999);
    if (t < end) change(t, SUB_ONLINE);
  }
  const pool = day < pools.olderBeforeDay ? pools.older : pools.recent;
  const lunch = pool.find(r => r.text === 'Lunch break');
  let hadLunch = false;
  while (t < end) {
    if (agent.userTypeId === 2) {
      // bots blink to back-soon once in a while (deploys)
      t += rng.int(240, 900) * MIN + rng.int(0, 59_999);
      if (t >= end - 10 * MIN) break;
      change(t, SUB_OCCUPIED);
      t += rng.int(1, 4) * MIN + rng.int(0, 59_999);
      change(t, SUB_ONLINE);
      continue;
    }
    t += rng.int(100, 260) * MIN + rng.int(0, 59_999);
    if (t >= end - 5 * MIN) break;
    const roll = rng.next();
    let sub = SUB_AWAY, reason = 0, minutes: number;
    if (!hadLunch && lunch && t - start > (end - start) * 0.35) {
      hadLunch = true;
      reason = lunch.id;
      minutes = rng.int(30, 60);
    } else if (roll < 0.25) {
      sub = SUB_OCCUPIED;
      minutes = rng.int(2, 10);
    } else if (roll < 0.4) {
      minutes = rng.int(3, 15); // away, no reason
    } else {
      const r = rng.pick(pool);
      reason = r.id;
      minutes = /meeting|Training|Coaching/i.test(r.text) ? rng.int(25, 60) : rng.int(5, 20);
    }
    change(t, sub, reason);
    t += minutes * MIN + rng.int(0, 59_999);
    if (t >= end) break;
    change(t, SUB_ONLINE);
  }
  push(Math.max(end, last + 1000), TYPE_LOGOUT, 0, 0, seq, null);
  return events;
}

/** The live state an event list leaves an agent in. */
export interface LiveSnapshot {
  loggedIn: boolean;
  session: number;
  loginAt: number;
  seq: number;
  sub: number;
  reason: number;
  statusSince: number;
  lastEventAt: number;
}

export const LOGGED_OUT: Readonly<LiveSnapshot> = { loggedIn: false, session: 0, loginAt: 0, seq: 0, sub: SUB_OFFLINE, reason: 0, statusSince: 0, lastEventAt: 0 };

export function applyEvent(s: LiveSnapshot, e: ActivityEvent): LiveSnapshot {
  if (e.type === TYPE_LOGIN) return { loggedIn: true, session: e.session, loginAt: e.t, seq: e.seq, sub: SUB_ONLINE, reason: 0, statusSince: e.t, lastEventAt: e.t };
  if (e.type === TYPE_LOGOUT) return { ...LOGGED_OUT, lastEventAt: e.t };
  return { ...s, seq: e.seq, sub: e.sub, reason: e.reason, statusSince: e.t, lastEventAt: e.t };
}
