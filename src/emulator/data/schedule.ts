// Each agent's working life as a pure function of (seed, agent, day): one shift per working day of
// the rota (roster.ts) — login, the default state, breaks with reasons, back-soon moments, logout.
// Agent Activity history and the live Agent Metrics view are both read from these events, so they
// always agree.
import { Rng, hashInts } from './random';
import { DAY_MS, SeedAgent } from './seed';
import { FLOOR_SLOT_MS, Roster, floorRoleAt } from './roster';
import { Choice, LUNCH, ReasonPlan, chooseMove } from './reasonModel';

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
  /** deterministic tie-breaker among equal timestamps of different agents (one agent's keep their order: same tie, stable sort) */
  tie: number;
  /** set through the control API: from this change on the agent is DISCONNECTED (Agent Metrics only) */
  disconnected?: boolean;
}

const MIN = 60_000;

/** The events of the shift that STARTS on `day` (it may end the next day); [] on days off. */
export function shiftEvents(seed: number, agent: SeedAgent, day: number, reasons: ReasonPlan, roster: Roster): ActivityEvent[] {
  const rota = agent.rota;
  switch (rota.kind) {
    case 'floor': {
      const [start, end] = roster.floorShift(rota.seat, day);
      return floorShift(seed, agent, day, reasons, rota.seat, start, end);
    }
    case 'desk': {
      const seat = roster.deskSeatOf(rota, day);
      if (seat === undefined) return []; // the team's day off for this agent
      const [start, end] = roster.deskShift(seat, day);
      return humanShift(seed, agent, day, reasons, start, end);
    }
    case 'bot': {
      // round the clock: the daily restart logs out and back in a second later
      const restart = rota.restartMs % (DAY_MS - 1000);
      return botShift(seed, agent, day, day * DAY_MS + restart + 1000, (day + 1) * DAY_MS + restart);
    }
    case 'former': {
      if (agent.inactiveFromDay !== undefined && day >= agent.inactiveFromDay) return [];
      const dow = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
      if (dow === rota.offDay || dow === (rota.offDay + 1) % 7) return [];
      const jitter = hashInts(seed, agent.index, day, 0x717) % (20 * MIN);
      const start = day * DAY_MS + rota.startMs + jitter;
      return humanShift(seed, agent, day, reasons, start, start + 510 * MIN);
    }
  }
}

function sessionOf(seed: number, agent: SeedAgent, day: number): number {
  return 100_000_000 + (hashInts(seed, agent.index, day, 0x5e55) % 900_000_000);
}

/** Builds one session's events: login + default state, changes, logout. */
class ShiftWriter {
  readonly events: ActivityEvent[] = [];
  private seq = 2;
  private last = 0;
  constructor(private readonly agent: number, private readonly session: number) {}
  private push(t: number, type: number, sub: number, reason: number, seq: number, prev: number | null): void {
    this.events.push({ agent: this.agent, t, type, sub, reason, seq, session: this.session, prev, tie: hashInts(this.agent, t) });
    this.last = t;
  }
  login(t: number, sub: number, reason = 0): void {
    this.push(t, TYPE_LOGIN, 0, 0, -1, null);
    this.push(t, TYPE_CHANGE, sub, reason, 1, null);
  }
  change(t: number, sub: number, reason = 0): void {
    this.push(t, TYPE_CHANGE, sub, reason, this.seq++, this.last);
  }
  logout(t: number): ActivityEvent[] {
    this.push(Math.max(t, this.last + 1), TYPE_LOGOUT, 0, 0, this.seq, null);
    return this.events;
  }
}

/**
 * A floor seat's shift: the rotating roles of roster.ts, a status change only where the status or
 * reason changes (the DISCONNECTED role is read live by metrics.ts, it is not a status change).
 */
function floorShift(seed: number, agent: SeedAgent, day: number, reasons: ReasonPlan, seat: number, start: number, end: number): ActivityEvent[] {
  const w = new ShiftWriter(agent.index, sessionOf(seed, agent, day));
  const reasonId = (text?: string) => reasons.idOf(text);
  let role = floorRoleAt(seed, seat, start);
  w.login(start, role.sub, reasonId(role.reasonText));
  for (let b = (Math.floor(start / FLOOR_SLOT_MS) + 1) * FLOOR_SLOT_MS; b < end; b += FLOOR_SLOT_MS) {
    const next = floorRoleAt(seed, seat, b);
    if (next.sub !== role.sub || next.reasonText !== role.reasonText) w.change(b, next.sub, reasonId(next.reasonText));
    role = next;
  }
  return w.logout(end);
}

/** Bots blink to back-soon once in a while (deploys). */
function botShift(seed: number, agent: SeedAgent, day: number, start: number, end: number): ActivityEvent[] {
  const rng = new Rng(seed, agent.index, day, 0x5417f);
  const w = new ShiftWriter(agent.index, sessionOf(seed, agent, day));
  w.login(start, SUB_ONLINE);
  let t = start;
  for (;;) {
    t += rng.int(240, 900) * MIN + rng.int(0, 59_999);
    if (t >= end - 10 * MIN) break;
    w.change(t, SUB_OCCUPIED);
    t += rng.int(1, 4) * MIN + rng.int(0, 59_999);
    w.change(t, SUB_ONLINE);
  }
  return w.logout(end);
}

/**
 * A person's shift with realistic random breaks: lunch once, then at each break moment one weighted
 * choice of reasonModel.ts — Away with or without a reason, Back soon with or without an Occupied one.
 */
function humanShift(seed: number, agent: SeedAgent, day: number, reasons: ReasonPlan, start: number, end: number): ActivityEvent[] {
  const rng = new Rng(seed, agent.index, day, 0x5417f);
  const w = new ShiftWriter(agent.index, sessionOf(seed, agent, day));
  const defaultAway = rng.chance(0.12);
  w.login(start, defaultAway ? SUB_AWAY : SUB_ONLINE);
  let t = start;
  if (defaultAway) {
    t += rng.int(1, 6) * MIN + rng.int(0, 59_999);
    if (t < end) w.change(t, SUB_ONLINE);
  }
  const choices = reasons.choicesFor(day);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  const used = new Set<Choice>();
  let hadLunch = reasons.lunch === 0;
  while (t < end) {
    t += rng.int(60, 170) * MIN + rng.int(0, 59_999);
    if (t >= end - 5 * MIN) break;
    const position = (t - start) / (end - start);
    let sub = SUB_AWAY, reason: number, minutes: number;
    if (!hadLunch && position > LUNCH.from) {
      hadLunch = true;
      reason = reasons.lunch;
      minutes = rng.int(LUNCH.minutes[0], LUNCH.minutes[1]);
    } else {
      const c = chooseMove(rng, choices, { position, weekday }, used);
      used.add(c);
      sub = c.sub;
      reason = c.reason;
      minutes = rng.int(c.minutes[0], c.minutes[1]);
    }
    w.change(t, sub, reason);
    t += minutes * MIN + rng.int(0, 59_999);
    if (t >= end) break;
    w.change(t, SUB_ONLINE);
  }
  return w.logout(end);
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
  disconnected: boolean;
}

export const LOGGED_OUT: Readonly<LiveSnapshot> = { loggedIn: false, session: 0, loginAt: 0, seq: 0, sub: SUB_OFFLINE, reason: 0, statusSince: 0, lastEventAt: 0, disconnected: false };

export function applyEvent(s: LiveSnapshot, e: ActivityEvent): LiveSnapshot {
  if (e.type === TYPE_LOGIN) return { loggedIn: true, session: e.session, loginAt: e.t, seq: e.seq, sub: SUB_ONLINE, reason: 0, statusSince: e.t, lastEventAt: e.t, disconnected: false };
  if (e.type === TYPE_LOGOUT) return { ...LOGGED_OUT, lastEventAt: e.t };
  return { ...s, seq: e.seq, sub: e.sub, reason: e.reason, statusSince: e.t, lastEventAt: e.t, disconnected: e.disconnected ?? false };
}
