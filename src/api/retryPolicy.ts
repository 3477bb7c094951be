// The retry policy of every LivePerson call (liveperson-api.md §0.4), as data so tests can scale the
// delays down. Defaults are the documented values:
//   - 429: wait at least `rateLimitMinMs` (1 s), or `loginRateLimitMinMs` (5 s) for login calls,
//     or longer when the answer carries `Retry-After` (seconds or an HTTP date, capped at
//     `maxRetryAfterMs`), up to `rateLimitRetries` times;
//   - 5xx: retry after each delay of `serverErrorDelaysMs` (5 s, 10 s, 15 s), then give up;
//   - other 4xx: never retried.
// `retryAfterFactor` multiplies the server's `Retry-After` (1 = honour it as is); tests set it below 1
// together with small minimums so a 1-second `Retry-After` costs milliseconds.

export interface RetryPolicy {
  /** minimum wait after a 429 (ms) */
  rateLimitMinMs: number;
  /** minimum wait after a 429 on a login call (ms) */
  loginRateLimitMinMs: number;
  /** how many times a 429 is retried before the error is thrown */
  rateLimitRetries: number;
  /** one entry per 5xx retry: the pause before it (ms) */
  serverErrorDelaysMs: readonly number[];
  /** Retry-After seconds × 1000 × this factor */
  retryAfterFactor: number;
  /** never wait longer than this for one Retry-After (ms) */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  rateLimitMinMs: 1000,
  loginRateLimitMinMs: 5000,
  rateLimitRetries: 3,
  serverErrorDelaysMs: Object.freeze([5000, 10000, 15000]),
  retryAfterFactor: 1,
  maxRetryAfterMs: 60_000,
});

export function resolveRetryPolicy(p?: Partial<RetryPolicy>): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...(p ?? {}) };
}

/** The default policy with every delay multiplied by `factor` (e.g. 0.001 in tests). Counts stay the same. */
export function scaledRetryPolicy(factor: number, base: Partial<RetryPolicy> = {}): RetryPolicy {
  const p = resolveRetryPolicy(base);
  return {
    ...p,
    rateLimitMinMs: p.rateLimitMinMs * factor,
    loginRateLimitMinMs: p.loginRateLimitMinMs * factor,
    serverErrorDelaysMs: p.serverErrorDelaysMs.map((d) => d * factor),
    retryAfterFactor: p.retryAfterFactor * factor,
    maxRetryAfterMs: p.maxRetryAfterMs * factor,
  };
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`; undefined if absent/invalid. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** How long to wait before retrying a 429. */
export function rateLimitDelay(policy: RetryPolicy, isLogin: boolean, retryAfter: string | null | undefined, now: number): number {
  const min = isLogin ? policy.loginRateLimitMinMs : policy.rateLimitMinMs;
  const fromHeader = parseRetryAfter(retryAfter, now);
  const asked = fromHeader === undefined ? 0 : Math.min(fromHeader * policy.retryAfterFactor, policy.maxRetryAfterMs);
  return Math.max(min, asked);
}
