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
    return { ...this.current, csdsOmit: [...this.current.csdsOmit], notFoundPaths: [...this.current.notFoundPaths], forbid: [...this.current.forbid] };
  }
  set(f: Partial<Faults>): void {
    this.current = sanitize({ ...this.current, ...f });
  }
  reset(): void {
    this.current = sanitize(DEFAULT_FAULTS);
  }

  /** Does CSDS leave this service out (`csdsOmit`)? */
  omitsService(service: string): boolean {
    return this.current.csdsOmit.includes(service);
  }
  /** Is this path answered 404 as not served (`notFoundPaths`)? */
  notServed(path: string): boolean {
    return this.current.notFoundPaths.some(prefix => path.startsWith(prefix));
  }

  /** Is this route refused with 403 (`forbid`)? */
  forbids(route: string): boolean {
    return this.current.forbid.includes(route);
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
  /** How a successful status reason write's answer is lost, if it is: 504, never sent, or cut off (one knob consumed). */
  takeLostAnswer(): 'then5xx' | 'timeout' | 'reset' | undefined {
    if (this.countDown('applyThen5xx')) return 'then5xx';
    if (this.countDown('applyThenTimeout')) return 'timeout';
    if (this.countDown('applyThenReset')) return 'reset';
    return undefined;
  }
  /** Consumes one injected 412 (status reason writes with If-Match). */
  takePreconditionFailed(): boolean {
    return this.countDown('preconditionFailed');
  }
  /** Counts one authorized API call; true when this one is to be answered 401 (the knob then turns off). */
  takeUnauthorized(): boolean {
    const n = this.current.unauthorizedAfter;
    if (n === null) return false;
    this.current.unauthorizedAfter = n > 0 ? n - 1 : null;
    return n === 0;
  }
  /** Consumes one truncated body if the reply has a JSON body. */
  takeTruncateIfJson(reply: { json?: unknown; text?: string; status: number }): boolean {
    return reply.json !== undefined && reply.text === undefined && reply.status !== 304 && this.takeTruncate();
  }
  /** Consumes one truncated body, if any. */
  takeTruncate(): boolean {
    return this.countDown('truncateBodies');
  }
  private countDown(knob: CountDownKnob): boolean {
    if (this.current[knob] <= 0) return false;
    this.current[knob]--;
    return true;
  }
}

type CountDownKnob = 'applyThen5xx' | 'applyThenTimeout' | 'applyThenReset' | 'preconditionFailed' | 'truncateBodies';

const MAX_FOREIGN_HOST = 300;

/** true/'true' → true; a non-empty string (≤ 300 characters) → kept verbatim; anything else → false. */
function foreignHost(v: unknown): boolean | string {
  if (v === true || v === 'true') return true;
  return typeof v === 'string' && v !== '' && v !== 'false' && v.length <= MAX_FOREIGN_HOST ? v : false;
}

/** at most this many entries in a list knob (csdsOmit, notFoundPaths, forbid), each at most MAX_ENTRY long */
export const MAX_LIST = 20;
const MAX_ENTRY = 200;
const SERVICE_NAME = /^[A-Za-z][A-Za-z0-9_.-]*$/;

/**
 * A list knob: an array of strings, or one comma-separated string (the CLI, a hand-written control
 * call); entries trimmed, those `ok` refuses dropped, duplicates dropped, at most MAX_LIST kept.
 * Anything else → [] (off).
 */
function stringList(v: unknown, ok: (s: string) => boolean): string[] {
  const items = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : [];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const s = item.trim();
    if (s !== '' && s.length <= MAX_ENTRY && ok(s) && !out.includes(s)) out.push(s);
    if (out.length === MAX_LIST) break;
  }
  return out;
}

/** A path prefix: begins with one `/` (not `//`), no query or fragment, not the control API. */
function pathPrefix(s: string): boolean {
  return s.startsWith('/') && !s.startsWith('//') && !/[?#\s]/.test(s) && !s.startsWith('/__control');
}

function num(v: unknown, min: number, max: number, fallback: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** A count ≥ 0, or null (off) when it is not a number. */
function nullableCount(v: unknown): number | null {
  const n = num(v, 0, 1e9, NaN);
  return Number.isNaN(n) ? null : Math.floor(n);
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
    applyThenTimeout: Math.floor(num(f.applyThenTimeout, 0, 1e9, d.applyThenTimeout)),
    applyThenReset: Math.floor(num(f.applyThenReset, 0, 1e9, d.applyThenReset)),
    preconditionFailed: Math.floor(num(f.preconditionFailed, 0, 1e9, d.preconditionFailed)),
    unauthorizedAfter: f.unauthorizedAfter === null || f.unauthorizedAfter === undefined ? null : nullableCount(f.unauthorizedAfter),
    csdsForeignHost: foreignHost(f.csdsForeignHost),
    foreignNextLink: f.foreignNextLink === true || f.foreignNextLink === 'true',
    csdsOmit: stringList(f.csdsOmit, s => SERVICE_NAME.test(s)),
    notFoundPaths: stringList(f.notFoundPaths, pathPrefix),
    forbid: stringList(f.forbid, s => SERVICE_NAME.test(s)),
  };
}
