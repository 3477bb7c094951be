// The one wrapper over node-fetch used by every LivePerson call. It is injected (`fetch` option) so
// tests run the real thing against the emulator. Per request: a timeout, the caller's AbortSignal
// (→ CancelledError), authorization before each attempt, one re-login + retry on 401, retries per
// RetryPolicy (429 ≥ 1 s / login ≥ 5 s / Retry-After; 5xx 5-10-15 s; other 4xx never), JSON parsing
// that turns an HTML page, an empty or a truncated body into a typed `badResponse` error, and log
// lines that all went through redact(). Every answer's Date header keeps `serverClock` up to date.
import nodeFetch from 'node-fetch';
import type { RequestInit as NodeFetchInit, Response as NodeFetchResponse } from 'node-fetch';
import type { Authorizer, OutgoingRequest } from './auth/authorizer';
import { CancelledError, LivePersonError } from './errors';
import { badResponseError, errorFromStatus, networkError, timeoutError, type ApiLabel, type FailedRequest } from './httpErrors';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import { redact } from './redact';
import { cutWatchingAgent } from './cutAnswers';
import { ServerClock } from './serverClock';
import { rateLimitDelay, resolveRetryPolicy, type RetryPolicy } from './retryPolicy';

export type FetchLike = (url: string, init?: NodeFetchInit) => Promise<NodeFetchResponse>;

export interface HttpOptions {
  fetch?: FetchLike;
  logger?: Logger;
  /** per-request timeout, default 30 s */
  timeoutMs?: number;
  retryPolicy?: Partial<RetryPolicy>;
  now?: () => number;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** serialised as JSON */
  body?: unknown;
  /** sent as an application/x-www-form-urlencoded body instead of `body` (OAuth 2.0 token requests) */
  form?: Record<string, string>;
  signal?: AbortSignal;
  auth?: Authorizer;
  /** login calls wait ≥ 5 s after a 429 */
  isLogin?: boolean;
  /** 'json': a JSON body is required; 'empty': the body is ignored; 'optionalJson': parsed when present */
  expect?: 'json' | 'empty' | 'optionalJson';
  /** statuses that are returned instead of thrown (e.g. 304) */
  acceptStatus?: readonly number[];
  api?: ApiLabel;
  /**
   * A write whose lost answer is read back (statusReasons.ts): its connection is watched so an answer
   * cut off mid-way is seen at once (cutAnswers.ts). Off for everything else, which keeps the shared
   * keep-alive connections (Live Agents pages are POSTs too).
   */
  watchForCutAnswer?: boolean;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: { get(name: string): string | null; raw(): Record<string, string[]> };
  body: T;
}

interface RawAnswer {
  status: number;
  headers: NodeFetchResponse['headers'];
  text: string;
}

export class Http {
  readonly fetch: FetchLike;
  readonly logger: Logger;
  readonly timeoutMs: number;
  readonly policy: RetryPolicy;
  readonly now: () => number;
  /** the server's clock, from the Date header of every answer */
  readonly serverClock: ServerClock;

  constructor(opts: HttpOptions = {}) {
    this.fetch = opts.fetch ?? (nodeFetch as unknown as FetchLike);
    this.logger = opts.logger ?? silentLogger;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.policy = resolveRetryPolicy(opts.retryPolicy);
    this.now = opts.now ?? Date.now;
    this.serverClock = new ServerClock(this.now);
  }

  private operations = 0;
  private idle: (() => void)[] = [];

  /**
   * Runs one operation that must finish before this client is closed (a write and its read-back):
   * `settled()` waits for every one under way.
   */
  async hold<T>(operation: () => Promise<T>): Promise<T> {
    this.operations++;
    try {
      return await operation();
    } finally {
      if (--this.operations === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  }
  settled(): Promise<void> {
    return this.operations === 0 ? Promise.resolve() : new Promise(resolve => this.idle.push(resolve));
  }

  async request<T = unknown>(req: HttpRequest): Promise<HttpResponse<T>> {
    const u = new URL(req.url);
    const failed: FailedRequest = { method: req.method, path: u.pathname, api: req.api, isLogin: req.isLogin };
    let rateLimited = 0;
    let serverErrors = 0;
    let reauthorized = false;
    for (;;) {
      if (req.signal?.aborted) throw new CancelledError();
      const out: OutgoingRequest = {
        method: req.method,
        url: req.url,
        headers: { Accept: 'application/json', ...contentType(req), ...(req.headers ?? {}) },
      };
      if (req.auth) await req.auth.authorize(out, { signal: req.signal });
      const answer = await this.sendOnce(out, req, failed, u.host);

      if (answer.status === 401 && req.auth && !reauthorized) {
        reauthorized = true;
        this.logger.info(redact(`401 from ${req.method} ${u.pathname}: renewing credentials and retrying once`));
        if (await req.auth.onUnauthorized(out, { signal: req.signal })) continue;
      }
      if (answer.status === 429 && rateLimited < this.policy.rateLimitRetries) {
        rateLimited++;
        const wait = rateLimitDelay(this.policy, !!req.isLogin, answer.headers.get('retry-after'), this.now());
        this.logger.warn(redact(`429 from ${req.method} ${u.pathname}: waiting ${Math.round(wait)} ms (retry ${rateLimited}/${this.policy.rateLimitRetries})`));
        await sleep(wait, req.signal);
        continue;
      }
      if (answer.status >= 500 && serverErrors < this.policy.serverErrorDelaysMs.length) {
        const wait = this.policy.serverErrorDelaysMs[serverErrors++];
        this.logger.warn(redact(`${answer.status} from ${req.method} ${u.pathname}: waiting ${Math.round(wait)} ms (retry ${serverErrors}/${this.policy.serverErrorDelaysMs.length})`));
        await sleep(wait, req.signal);
        continue;
      }
      const ok = (answer.status >= 200 && answer.status < 300) || (req.acceptStatus?.includes(answer.status) ?? false);
      if (!ok) {
        const err = errorFromStatus(answer.status, answer.text, answer.headers.get('content-type'), failed);
        if (answer.status === 429) err.retryAfterMs = rateLimitDelay(this.policy, !!req.isLogin, answer.headers.get('retry-after'), this.now());
        if (serverErrors > 0) err.afterServerError = true;
        this.logger.warn(redact(`${req.method} ${u.pathname} failed: ${err.message}`));
        throw err;
      }
      return { status: answer.status, headers: answer.headers, body: this.parseBody(answer, req, failed) as T };
    }
  }

  private parseBody(answer: RawAnswer, req: HttpRequest, failed: FailedRequest): unknown {
    const expect = req.expect ?? 'json';
    if (expect === 'empty' || answer.status === 304) return undefined;
    const text = answer.text.trim();
    if (!text) {
      if (expect === 'optionalJson') return undefined;
      throw badResponseError('an empty answer', answer.status, failed);
    }
    const type = answer.headers.get('content-type') ?? '';
    if (/html/i.test(type) || text.startsWith('<')) throw badResponseError('an HTML page', answer.status, failed);
    try {
      return JSON.parse(text);
    } catch {
      throw badResponseError(`a truncated or malformed JSON answer (${text.length} characters)`, answer.status, failed);
    }
  }

  private async sendOnce(out: OutgoingRequest, req: HttpRequest, failed: FailedRequest, host: string): Promise<RawAnswer> {
    const controller = new AbortController();
    let timedOut = false;
    let cut = false;
    // a write's answer cut off mid-way must be noticed now, not at the timeout (cutAnswers.ts)
    const agent = !req.watchForCutAnswer ? undefined : cutWatchingAgent(out.url, () => {
      cut = true;
      controller.abort();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    const started = this.now();
    try {
      const res = await this.fetch(out.url, {
        method: out.method,
        headers: out.headers,
        body: req.form ? new URLSearchParams(req.form).toString() : req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal as NodeFetchInit['signal'],
        redirect: 'manual',
        ...(agent ? { agent } : {}),
      });
      const text = await res.text();
      this.serverClock.observe(res.headers.get('date'), this.now());
      this.logger.debug(redact(`${out.method} ${out.url} → ${res.status} (${this.now() - started} ms, ${text.length} B)`));
      return { status: res.status, headers: res.headers, text };
    } catch (e) {
      if (req.signal?.aborted) throw new CancelledError();
      if (cut) {
        const err = networkError(Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ECONNRESET' }), host, failed);
        this.logger.warn(redact(`${out.method} ${out.url}: ${err.message}`));
        throw err;
      }
      if (timedOut) {
        this.logger.warn(redact(`${out.method} ${out.url} timed out after ${this.timeoutMs} ms`));
        throw timeoutError(this.timeoutMs, failed);
      }
      if (e instanceof LivePersonError) throw e;
      const err = networkError(e, host, failed);
      this.logger.warn(redact(`${out.method} ${out.url}: ${err.message}`));
      throw err;
    } finally {
      clearTimeout(timer);
      agent?.destroy();
      req.signal?.removeEventListener('abort', onAbort);
    }
  }
}

function contentType(req: HttpRequest): Record<string, string> {
  if (req.form) return { 'Content-Type': 'application/x-www-form-urlencoded' };
  return req.body !== undefined ? { 'Content-Type': 'application/json' } : {};
}

/** Waits `ms`, or throws CancelledError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new CancelledError());
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(t);
      reject(new CancelledError());
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * `promise`, or a CancelledError as soon as `signal` aborts. For work shared by several callers (one
 * CSDS lookup, one lookups load): one caller cancelling must not fail the others, so the shared work
 * runs without any caller's signal and each caller races its own.
 */
export function withSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * One run of `start` shared by every caller until it settles (one login, one token request, one CSDS
 * lookup): it runs without any caller's signal, and each caller races its own (withSignal).
 */
export class SharedCall<T> {
  private pending: Promise<T> | undefined;
  constructor(private readonly start: () => Promise<T>) {}

  /** Joins the run under way, or starts one. */
  join(signal?: AbortSignal): Promise<T> {
    this.pending ??= this.start().finally(() => {
      this.pending = undefined;
    });
    return withSignal(this.pending, signal);
  }

  /** The run under way, if any. */
  get current(): Promise<T> | undefined {
    return this.pending;
  }
}

/** Builds `base + path` with query parameters (undefined values skipped). */
export function buildUrl(base: string, path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
  const u = new URL(path, base.endsWith('/') ? base : `${base}/`);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}
