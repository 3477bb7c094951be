// The emulator's one clock. Everything it serves (live states, durations, Agent Activity history and
// its lag, session lifetimes, range rules, the Date header) reads `now()` from here. It starts at a
// chosen instant (or the wall clock once, at start) and ticks from a monotonic source at `rate`×
// real speed; the control API jumps it (`set`) or moves it forward (`advance`).
import { performance } from 'node:perf_hooks';

/** What `startEmulator({ clock })` and `--clock` accept: an instant, or an instant and a rate. */
export type ClockSpec = string | number | Date | { start?: string | number | Date; rate?: number };

export interface ClockReading {
  /** ISO-8601 (UTC) */
  now: string;
  nowMs: number;
  rate: number;
}

/** The ms of an ISO-8601 date-time WITH a zone (Z or ±hh:mm), or an error text. */
export function parseInstant(value: unknown): number | string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'the date is invalid' : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'the instant must be a finite number of ms';
  if (typeof value !== 'string') return 'the instant must be an ISO-8601 date-time string, e.g. 2026-12-06T03:00:00Z';
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)$/.exec(value.trim());
  if (!m) return `"${value}" is not an ISO-8601 date-time with a zone, e.g. 2026-12-06T03:00:00Z`;
  const ms = Date.parse(value.trim());
  const [, , mo, d, h, mi, s] = m.map(Number);
  if (Number.isNaN(ms) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || (s ?? 0) > 59) return `"${value}" is not a valid date-time`;
  // Date.parse rolls 2026-02-31 over to March: refuse what does not round-trip to the same day
  const offsetMin = m[7] === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(4, 6)));
  if (new Date(ms + offsetMin * 60_000).getUTCDate() !== d) return `"${value}" is not a valid date-time`;
  return ms;
}

export const MAX_RATE = 100_000;

export function rateProblem(rate: unknown): string | undefined {
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0 || rate > MAX_RATE) return `the rate must be a number above 0 and at most ${MAX_RATE}`;
  return undefined;
}

export class EmulatorClock {
  private base: number;
  private anchor: number;
  private rateValue: number;

  /**
   * @param spec the start instant (and rate); undefined: the wall clock at this moment, rate 1
   * @param source the real time that makes it tick (ms, monotonic by default); tests pass a manual one
   */
  constructor(spec?: ClockSpec, private readonly source: () => number = () => performance.now()) {
    const start = spec === undefined || (typeof spec === 'object' && !(spec instanceof Date) && spec.start === undefined)
      ? undefined : typeof spec === 'object' && !(spec instanceof Date) ? spec.start : spec;
    const rate = typeof spec === 'object' && !(spec instanceof Date) && spec.rate !== undefined ? spec.rate : 1;
    const rp = rateProblem(rate);
    if (rp) throw new Error(`clock: ${rp}`);
    const startMs = start === undefined ? Date.now() : parseInstant(start);
    if (typeof startMs === 'string') throw new Error(`clock: ${startMs}`);
    this.base = startMs;
    this.anchor = this.source();
    this.rateValue = rate;
  }

  now(): number {
    return Math.floor(this.base + (this.source() - this.anchor) * this.rateValue);
  }

  get rate(): number {
    return this.rateValue;
  }

  /** Jumps to `ms` (forward or back) and ticks on from there. */
  set(ms: number): void {
    this.base = ms;
    this.anchor = this.source();
  }

  /** Moves the clock forward by `ms` (≥ 0). */
  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  setRate(rate: number): void {
    const rp = rateProblem(rate);
    if (rp) throw new Error(rp);
    this.set(this.now());
    this.rateValue = rate;
  }

  read(): ClockReading {
    const nowMs = this.now();
    return { now: new Date(nowMs).toISOString(), nowMs, rate: this.rateValue };
  }
}
