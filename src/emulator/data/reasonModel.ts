// How people use the seeded status reasons in their shifts (schedule.ts `humanShift`: desk agents
// and former users; the floor's fixed roles are roster.ts). Each break moment of a shift is one
// weighted choice among the moves allowed at that point of the shift — so reasons differ in how
// often and how long they are used, some only at certain points of the shift or on certain
// weekdays — plus lunch once a shift. A reason's life in the history follows its seed state:
//   - enabled reasons are used throughout, except "Break 🍕 **now**" (enabled, never used: what a
//     "clean up unused reasons" feature should find) and the Online "Available for chats";
//   - the disabled "Coaching session" and the deleted "Smoking break" only in older history
//     (before start − OLDER_DAYS); the floor still shows agents live in Smoking break (roster.ts);
//   - the deleted "Old meeting room" until its deletion, 10–20 days before the emulator's start.
// Back soon moments carry an Occupied reason ("Wrap-up", "Back in 5") about half the time: Agent
// Activity rows carry a reason id whatever the subtype (§5.4), the live Agent Metrics fields only
// when AWAY (§11.3). A pure function of (seed, start day, day, shift position).
import { hashInts } from './random';
import type { Rng } from './random';
import type { SeedReason } from './seed';

// statusSubType codes (schedule.ts has the full table; not imported from there: it imports this file)
const SUB_OCCUPIED = 3, SUB_AWAY = 4;

/** days before the emulator's start from which the older reasons are no longer used */
export const OLDER_DAYS = 45;
/** the deleted reason still in recent history is deleted this many days (inclusive range) before the start */
export const DELETED_RECENTLY_DAYS: readonly [number, number] = [10, 20];

/** When a reason may be used: a shift's position (0 = login … 1 = logout) and weekday (0 = Sunday, of the shift's start day, UTC). */
export interface MomentAt { position: number; weekday: number }

type Era = 'always' | 'older' | 'untilDeleted' | 'never';

interface Move {
  /** reason text (undefined: no reason) */
  text?: string;
  sub: typeof SUB_OCCUPIED | typeof SUB_AWAY;
  weight: number;
  minutes: readonly [number, number];
  era: Era;
  /** at most once per shift */
  once?: boolean;
  when?: (m: MomentAt) => boolean;
  /** for the README table */
  whenText: string;
}

/** Lunch: once a shift, the first break moment past LUNCH_FROM of the shift. */
export const LUNCH = { text: 'Lunch break', minutes: [30, 60] as const, from: 0.35 };

/** The break moves of a shift other than lunch (README.md, "Status reasons in the history"). */
export const MOVES: readonly Move[] = [
  { sub: SUB_AWAY, text: 'Coffee break', weight: 36, minutes: [5, 12], era: 'always', whenText: 'any time' },
  { sub: SUB_AWAY, weight: 10, minutes: [3, 15], era: 'always', whenText: 'any time' },
  { sub: SUB_AWAY, text: 'Team meeting', weight: 14, minutes: [25, 50], era: 'always', once: true, when: m => m.position < 0.3, whenText: 'first 30% of the shift, once' },
  { sub: SUB_AWAY, text: 'Training', weight: 12, minutes: [30, 60], era: 'always', once: true, when: m => m.weekday === 2 || m.weekday === 4, whenText: 'shifts starting Tue or Thu (UTC), once' },
  { sub: SUB_AWAY, text: 'Technical issue', weight: 3, minutes: [5, 25], era: 'always', whenText: 'any time' },
  { sub: SUB_AWAY, text: 'Personal time', weight: 3, minutes: [5, 20], era: 'always', whenText: 'any time' },
  { sub: SUB_AWAY, text: 'Old meeting room', weight: 8, minutes: [25, 50], era: 'untilDeleted', once: true, when: m => m.position < 0.6, whenText: 'first 60% of the shift, once' },
  { sub: SUB_AWAY, text: 'Coaching session', weight: 8, minutes: [20, 45], era: 'older', once: true, whenText: 'once' },
  { sub: SUB_AWAY, text: 'Smoking break', weight: 10, minutes: [5, 10], era: 'older', whenText: 'any time' },
  { sub: SUB_AWAY, text: 'Break 🍕 **now**', weight: 0, minutes: [10, 20], era: 'never', whenText: 'never' },
  { sub: SUB_OCCUPIED, weight: 10, minutes: [2, 10], era: 'always', whenText: 'any time' },
  { sub: SUB_OCCUPIED, text: 'Wrap-up', weight: 9, minutes: [2, 8], era: 'always', whenText: 'any time' },
  { sub: SUB_OCCUPIED, text: 'Back in 5', weight: 5, minutes: [4, 7], era: 'always', whenText: 'any time' },
];

/** One move resolved against the seeded reasons (reason id, 0 = none). */
export interface Choice { sub: number; reason: number; weight: number; minutes: readonly [number, number]; once: boolean; when?: (m: MomentAt) => boolean }

/** The resolved reason model of one dataset: which moves each day of the history offers. */
export class ReasonPlan {
  /** days before this one are "older" history */
  readonly olderBeforeDay: number;
  /** the first day "Old meeting room" is no longer used (it was deleted that day) */
  readonly deletedFromDay: number;
  readonly lunch: number;
  private readonly byText: Map<string, number>;
  private readonly eras: { older: Choice[]; middle: Choice[]; recent: Choice[] };

  constructor(seed: number, startDay: number, reasons: readonly SeedReason[]) {
    this.byText = new Map(reasons.map(r => [r.text, r.id]));
    this.olderBeforeDay = startDay - OLDER_DAYS;
    const [lo, hi] = DELETED_RECENTLY_DAYS;
    this.deletedFromDay = startDay - (lo + (hashInts(seed, 0xde1e7ed) % (hi - lo + 1)));
    this.lunch = this.idOf(LUNCH.text);
    const resolve = (eras: Era[]) => MOVES
      .filter(m => m.weight > 0 && eras.includes(m.era) && (m.text === undefined || this.byText.has(m.text)))
      .map((m): Choice => ({ sub: m.sub, reason: m.text === undefined ? 0 : this.idOf(m.text), weight: m.weight, minutes: m.minutes, once: m.once ?? false, when: m.when }));
    this.eras = { older: resolve(['always', 'older', 'untilDeleted']), middle: resolve(['always', 'untilDeleted']), recent: resolve(['always']) };
  }

  /** the seeded reason's id by text, 0 if none */
  idOf(text: string | undefined): number {
    return text === undefined ? 0 : this.byText.get(text) ?? 0;
  }

  /** the moves a shift starting on `day` may make */
  choicesFor(day: number): readonly Choice[] {
    return day < this.olderBeforeDay ? this.eras.older : day < this.deletedFromDay ? this.eras.middle : this.eras.recent;
  }
}

/** One weighted choice among the moves allowed at `at` (not yet used when once-per-shift). */
export function chooseMove(rng: Rng, choices: readonly Choice[], at: MomentAt, used: Set<Choice>): Choice {
  let total = 0;
  for (const c of choices) if (allowed(c, at, used)) total += c.weight;
  let x = rng.next() * total;
  let last = choices[0];
  for (const c of choices) {
    if (!allowed(c, at, used)) continue;
    last = c;
    if ((x -= c.weight) < 0) return c;
  }
  return last;
}

function allowed(c: Choice, at: MomentAt, used: Set<Choice>): boolean {
  return !(c.once && used.has(c)) && (!c.when || c.when(at));
}
