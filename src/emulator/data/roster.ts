// Who works when: a 24/7 rota whose headcount is the same at every instant of the week, so the demo
// shows every state at any hour and a big account's page count never depends on the clock.
//
//  - The floor: 22 seats, 12-hour shifts staggered every 1/22 day, so exactly 11 seats are staffed
//    at any instant (each seat hands over to the seat 11 places on, to the millisecond). One agent
//    per seat, every day. The 11 staffed seats hold 11 roles (FLOOR_ROLES) that rotate every
//    20 minutes in a permuted order: each role is held by exactly one agent at every instant
//    (its DISCONNECTED role is a connection state, not a status change: Agent Metrics only).
//  - The desk ring: everyone else, in teams of six (the last team takes the rest) covering five
//    seats — five days on, one off, the day off moving through the week. Shifts of about 12 hours,
//    staggered evenly around the clock: half the seats are staffed at any instant. States within a
//    shift are the realistic random breaks of schedule.ts.
//  - Bots: round the clock, one session a day (a one-second reconnect at their daily restart).
//  - Deleted and disabled users: a plain weekday shift until they left (history only).
// The floor is the last FLOOR_SEATS active humans (by index), so the first pages of any account are
// the realistic desk agents.
import { DAY_MS } from './seed';
import type { SeedAgent } from './seed';
import { hashInts } from './random';

export const FLOOR_SEATS = 22;
export const FLOOR_ON_DUTY = FLOOR_SEATS / 2;
/** how long a floor role lasts before the roles rotate */
export const FLOOR_SLOT_MS = 20 * 60_000;
/** a desk team of this many agents covers DESK_TEAM_SEATS seats (one day off in six) */
export const DESK_TEAM_SIZE = 6;
export const DESK_TEAM_SEATS = 5;
/** the floor seats whose agents share one first name (two of them are on duty at every instant) */
export const NAMESAKE_SEATS = [0, 5, 11, 16] as const;

/** Floor roles: sub 2 Online, 3 Back soon (Occupied), 4 Away; reason by text; DISCONNECTED. */
export interface FloorRole { sub: 2 | 3 | 4; reasonText?: string; disconnected?: true }
export const FLOOR_ROLES: readonly FloorRole[] = [
  { sub: 2 }, { sub: 2 }, { sub: 2 }, { sub: 2, disconnected: true },
  { sub: 3 }, { sub: 3 },
  { sub: 4, reasonText: 'Coffee break' }, { sub: 4, reasonText: 'Team meeting' }, { sub: 4, reasonText: 'Personal time' },
  { sub: 4 },
  { sub: 4, reasonText: 'Smoking break' }, // deleted since: agents still in it show it marked
];

export type Rota =
  | { kind: 'floor'; seat: number }
  | { kind: 'desk'; team: number; member: number; teamSize: number }
  | { kind: 'bot'; restartMs: number }
  | { kind: 'former'; startMs: number; offDay: number };

// where the rings start in the day (so handovers are not on the hour)
const FLOOR_PHASE_MS = 17 * 60_000 + 23_000;
const DESK_PHASE_MS = 6 * 3_600_000 + 41 * 60_000 + 7_000;

/** The ring geometry: seat start offsets within the day and shift ends (absolute, exact handovers). */
export class Roster {
  readonly deskSeats: number;
  /** seats on duty at any instant in the desk ring */
  readonly deskOnDuty: number;

  constructor(deskTeams: { size: number }[]) {
    this.deskSeats = deskTeams.reduce((n, t) => n + Math.min(DESK_TEAM_SEATS, t.size), 0);
    this.deskOnDuty = Math.max(1, Math.floor(this.deskSeats / 2));
  }

  /** [start, end) of the floor seat's shift that starts on `day`. */
  floorShift(seat: number, day: number): [number, number] {
    const start = day * DAY_MS + ringOffset(FLOOR_PHASE_MS, seat, FLOOR_SEATS);
    return [start, start + DAY_MS / 2];
  }

  /** [start, end) of the desk seat's shift that starts on `day`: it ends exactly as seat + onDuty starts. */
  deskShift(seat: number, day: number): [number, number] {
    const n = this.deskSeats;
    const unwrapped = (i: number) => DESK_PHASE_MS + Math.floor((i * DAY_MS) / n);
    const start = day * DAY_MS + (unwrapped(seat) % DAY_MS);
    return [start, start + unwrapped(seat + this.deskOnDuty) - unwrapped(seat)];
  }

  /** The desk seat the agent works on `day`, or undefined on a day off. */
  deskSeatOf(rota: Extract<Rota, { kind: 'desk' }>, day: number): number | undefined {
    const seats = Math.min(DESK_TEAM_SEATS, rota.teamSize);
    const r = (((rota.member - day) % rota.teamSize) + rota.teamSize) % rota.teamSize;
    return r < seats ? rota.team * DESK_TEAM_SEATS + r : undefined;
  }
}

/** Offset within the day of seat `i` of `n` evenly staggered seats, from `phase`. */
function ringOffset(phase: number, i: number, n: number): number {
  return (phase + Math.floor((i * DAY_MS) / n)) % DAY_MS;
}

/** The floor role of a seat in the slot holding `t`: a permutation per cycle, so every role is held once. */
export function floorRoleAt(seed: number, seat: number, t: number): FloorRole {
  const u = FLOOR_ROLES.length;
  const slot = Math.floor(t / FLOOR_SLOT_MS);
  const cycle = Math.floor(slot / u);
  const pos = ((slot % u) + u) % u;
  const perm = permutation(seed, cycle, u);
  return FLOOR_ROLES[perm[(seat % u + pos) % u]];
}

const permCache = new Map<number, number[]>();
function permutation(seed: number, cycle: number, u: number): number[] {
  const key = cycle * 1000 + (seed % 1000);
  let p = permCache.get(key);
  if (p) return p;
  p = Array.from({ length: u }, (_, i) => i);
  for (let i = u - 1; i > 0; i--) {
    const j = hashInts(seed, cycle, i, 0xf1002) % (i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  if (permCache.size > 5000) permCache.clear();
  permCache.set(key, p);
  return p;
}

/** An agent's floor seat from its rank among the account's active humans: the last FLOOR_SEATS staff the floor. */
export function floorSeatOf(rank: number, activeHumans: number): number | undefined {
  const first = Math.max(0, activeHumans - FLOOR_SEATS);
  return rank >= first ? rank - first : undefined;
}

/**
 * Assigns every agent a rota, in index order: bots round the clock; deleted/disabled users their
 * former shift; the last FLOOR_SEATS active humans the floor; the others desk teams.
 */
export function assignRotas(seed: number, agents: Pick<SeedAgent, 'index' | 'userTypeId' | 'inactiveFromDay'>[]): { rotas: Rota[]; roster: Roster } {
  const rotas: Rota[] = [];
  const humans = agents.filter(a => a.userTypeId !== 2 && a.inactiveFromDay === undefined);
  const desk: number[] = [];
  for (const a of agents) {
    if (a.userTypeId === 2) rotas[a.index] = { kind: 'bot', restartMs: hashInts(seed, a.index, 0xb07) % DAY_MS };
    else if (a.inactiveFromDay !== undefined) {
      rotas[a.index] = { kind: 'former', startMs: (7 * 60 + (hashInts(seed, a.index, 0xf0) % 600)) * 60_000, offDay: hashInts(seed, a.index, 0xd0) % 7 };
    }
  }
  humans.forEach((a, rank) => {
    const seat = floorSeatOf(rank, humans.length);
    if (seat !== undefined) rotas[a.index] = { kind: 'floor', seat };
    else desk.push(a.index);
  });
  const teamCount = Math.max(desk.length ? 1 : 0, Math.floor(desk.length / DESK_TEAM_SIZE));
  const teams: { size: number }[] = Array.from({ length: teamCount }, (_, k) => ({
    size: k < teamCount - 1 ? DESK_TEAM_SIZE : desk.length - DESK_TEAM_SIZE * (teamCount - 1),
  }));
  desk.forEach((index, i) => {
    const team = Math.min(Math.floor(i / DESK_TEAM_SIZE), teamCount - 1);
    rotas[index] = { kind: 'desk', team, member: i - team * DESK_TEAM_SIZE, teamSize: teams[team].size };
  });
  return { rotas, roster: new Roster(teams) };
}
