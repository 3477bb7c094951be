// Fault injection (liveperson-api.md §11.4): the knobs, their count-downs, and the decision made
// for each API call. Randomness is seeded, so a run with the same seed injects the same faults.
import { DEFAULT_FAULTS, Faults } from './types';
import { Rng } from './data/random';

export class FaultState {
  private current: Faults;
  private readonly rng: Rng;

  constructor(seed: number, initial: Partial<Faults> = {}) {
    this.current = sanitize({ ...DEFAULT_FAULTS, ...initial });
    this.rng = new Rng(seed, 0xfa17);
  }

  get(): Faults {
    return { ...this.current };
  }
  set(f: Partial<Faults>): void {
    this.current = sanitize({ ...this.current, ...f });
  }
  reset(): void {
    this.current = { ...DEFAULT_FAULTS };
  }

  /** Should this call be answered 429? (login calls use login429, others rate429) */
  takeRateLimit(isLogin: boolean): boolean {
    const p = isLogin ? this.current.login429 : this.current.rate429;
    return p > 0 && this.rng.next() < p;
  }
  /** Consumes one 5xx of the burst, if any. */
  take5xx(): boolean {
    if (this.current.burst5xx <= 0) return false;
    this.current.burst5xx--;
    return true;
  }
  /** Consumes one stale-revision conflict, if any (AC writes). */
  takeStaleRevision(): boolean {
    if (this.current.staleRevision <= 0) return false;
    this.current.staleRevision--;
    return true;
  }
  /** Consumes one "applied, then 504" (successful AC writes only). */
  takeApplyThen5xx(): boolean {
    if (this.current.applyThen5xx <= 0) return false;
    this.current.applyThen5xx--;
    return true;
  }
  /** Consumes one truncated body if the reply has a JSON body. */
  takeTruncateIfJson(reply: { json?: unknown; text?: string; status: number }): boolean {
    return reply.json !== undefined && reply.text === undefined && reply.status !== 304 && this.takeTruncate();
  }
  /** Consumes one truncated body, if any. */
  takeTruncate(): boolean {
    if (this.current.truncateBodies <= 0) return false;
    this.current.truncateBodies--;
    return true;
  }
}

function num(v: unknown, min: number, max: number, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Clamps every knob to its range; unknown keys are dropped, bad values fall back to the default. */
export function sanitize(f: Partial<Record<keyof Faults, unknown>>): Faults {
  const d = DEFAULT_FAULTS;
  return {
    rate429: num(f.rate429, 0, 1, d.rate429),
    login429: num(f.login429, 0, 1, d.login429),
    retryAfterSeconds: Math.round(num(f.retryAfterSeconds, 0, 3600, d.retryAfterSeconds)),
    burst5xx: Math.floor(num(f.burst5xx, 0, 1e9, d.burst5xx)),
    latencyMs: num(f.latencyMs, 0, 60_000, d.latencyMs),
    partialResult: f.partialResult === true || f.partialResult === 'true',
    staleRevision: Math.floor(num(f.staleRevision, 0, 1e9, d.staleRevision)),
    htmlErrors: f.htmlErrors === true || f.htmlErrors === 'true',
    truncateBodies: Math.floor(num(f.truncateBodies, 0, 1e9, d.truncateBodies)),
    applyThen5xx: Math.floor(num(f.applyThen5xx, 0, 1e9, d.applyThen5xx)),
  };
}
