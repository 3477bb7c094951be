// When Live Agents refreshes: every interval, only while the view is visible AND the window is
// focused AND auto-refresh is not paused AND an account is signed in; at once when it becomes
// active again; never two requests at a time; exponential backoff on errors, honouring a 429's
// Retry-After. The clock/timer is injected so tests drive time. No `vscode` import.

export type TimerHandle = unknown;
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: h => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type RefreshTrigger = 'timer' | 'activated' | 'manual';

export interface SchedulerOptions {
  clock?: Clock;
  /** the refresh interval in ms (read at every arm, so a settings change applies at the next tick) */
  intervalMs: () => number;
  /** does the work; throws on failure. `signal` aborts when the scheduler is disabled or disposed. */
  run: (signal: AbortSignal, trigger: RefreshTrigger) => Promise<void>;
  /** ceiling of the exponential backoff (default 10 min) */
  maxBackoffMs?: number;
  /** called after every state change (running, backoff, paused…) so the UI can follow */
  onDidChangeState?: () => void;
}

export interface SchedulerStats {
  started: number;
  succeeded: number;
  failed: number;
  byTrigger: Record<RefreshTrigger, number>;
}

/** A delay the server asked for (Retry-After), read defensively from any error shape. */
export function retryAfterMsOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { retryAfterMs?: unknown; retryAfterSeconds?: unknown; retryAfter?: unknown };
  if (typeof e.retryAfterMs === 'number' && Number.isFinite(e.retryAfterMs)) return Math.max(0, e.retryAfterMs);
  if (typeof e.retryAfterSeconds === 'number' && Number.isFinite(e.retryAfterSeconds)) return Math.max(0, e.retryAfterSeconds * 1000);
  if (typeof e.retryAfter === 'number' && Number.isFinite(e.retryAfter)) return Math.max(0, e.retryAfter * 1000);
  return undefined;
}

export class RefreshScheduler {
  private clock: Clock;
  private visible = false;
  private focused = true;
  private paused = false;
  private enabled = false;
  private timer: TimerHandle | undefined;
  private timerDueAt: number | undefined;
  private inFlight: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private consecutiveFailures = 0;
  private backoffUntilAt: number | undefined;
  private lastError: unknown;
  private disposed = false;
  readonly stats: SchedulerStats = { started: 0, succeeded: 0, failed: 0, byTrigger: { timer: 0, activated: 0, manual: 0 } };

  constructor(private readonly opts: SchedulerOptions) {
    this.clock = opts.clock ?? systemClock;
  }

  /** visible && focused && !paused && enabled */
  get active(): boolean {
    return this.enabled && this.visible && this.focused && !this.paused && !this.disposed;
  }
  /** the refresh interval now (ms) */
  get intervalMs(): number {
    return this.opts.intervalMs();
  }
  get isPaused(): boolean {
    return this.paused;
  }
  get isRunning(): boolean {
    return this.inFlight !== undefined;
  }
  get failures(): number {
    return this.consecutiveFailures;
  }
  get error(): unknown {
    return this.lastError;
  }
  /** epoch ms of the next automatic refresh, if one is armed */
  get nextDueAt(): number | undefined {
    return this.timerDueAt;
  }
  get backoffUntil(): number | undefined {
    return this.backoffUntilAt;
  }

  setVisible(v: boolean): void {
    this.update(() => (this.visible = v));
  }
  setFocused(v: boolean): void {
    this.update(() => (this.focused = v));
  }
  setPaused(v: boolean): void {
    this.update(() => (this.paused = v));
  }
  /** false while signed out: also aborts a request in flight and forgets the backoff */
  setEnabled(v: boolean): void {
    if (!v) {
      // The aborted refresh settles on its own; it is no longer "the" refresh, so enabling again
      // (an account switch) starts one for the new account at once instead of waiting for it.
      this.abort?.abort();
      this.abort = undefined;
      this.inFlight = undefined;
      this.consecutiveFailures = 0;
      this.backoffUntilAt = undefined;
      this.lastError = undefined;
    }
    this.update(() => (this.enabled = v));
  }

  /**
   * Refresh now (the Refresh command, or a changed account). Joins a request already in flight
   * instead of starting a second one. Resolves when that refresh settled (never rejects).
   */
  refreshNow(trigger: RefreshTrigger = 'manual'): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (!this.enabled || this.disposed) return Promise.resolve();
    return this.start(trigger);
  }

  /** Re-arm after the interval setting changed. */
  intervalChanged(): void {
    if (this.active && !this.inFlight && this.backoffUntilAt === undefined) this.arm(this.lastStartAt + this.opts.intervalMs());
  }

  /** Resolves once no refresh is in flight. */
  async whenIdle(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  /** Swap the clock (tests): the pending timer is re-armed on the new clock. */
  useClock(clock: Clock): void {
    const due = this.timerDueAt;
    this.disarm();
    this.clock = clock;
    if (due !== undefined && this.active) this.arm(clock.now());
  }

  dispose(): void {
    this.disposed = true;
    this.disarm();
    this.abort?.abort();
  }

  private lastStartAt = 0;

  private update(change: () => void): void {
    const wasActive = this.active;
    change();
    const isActive = this.active;
    if (wasActive && !isActive) this.disarm();
    if (!wasActive && isActive && !this.inFlight) {
      // Became visible/focused/resumed: refresh at once — unless a backoff still runs.
      if (this.backoffUntilAt !== undefined && this.backoffUntilAt > this.clock.now()) this.arm(this.backoffUntilAt);
      else void this.start('activated');
    }
    this.opts.onDidChangeState?.();
  }

  private start(trigger: RefreshTrigger): Promise<void> {
    this.disarm();
    const abort = new AbortController();
    this.abort = abort;
    this.lastStartAt = this.clock.now();
    this.stats.started++;
    this.stats.byTrigger[trigger]++;
    const run = (async () => {
      try {
        await this.opts.run(abort.signal, trigger);
        if (abort.signal.aborted) return;
        this.stats.succeeded++;
        this.consecutiveFailures = 0;
        this.backoffUntilAt = undefined;
        this.lastError = undefined;
      } catch (e) {
        if (abort.signal.aborted) return;
        this.stats.failed++;
        this.consecutiveFailures++;
        this.lastError = e;
        this.backoffUntilAt = this.clock.now() + this.backoffDelay(e);
      } finally {
        // Only the current refresh may clear the in-flight mark and arm the next one; one aborted
        // by setEnabled(false) has been replaced already.
        if (this.abort === abort) {
          this.abort = undefined;
          this.inFlight = undefined;
          if (this.active) this.arm(this.backoffUntilAt ?? this.clock.now() + this.opts.intervalMs());
        }
        this.opts.onDidChangeState?.();
      }
    })();
    this.inFlight = run;
    this.opts.onDidChangeState?.();
    return run;
  }

  /** interval × 2^failures (capped), and never sooner than the server's Retry-After. */
  backoffDelay(error: unknown): number {
    const max = this.opts.maxBackoffMs ?? 10 * 60_000;
    const exp = Math.min(max, this.opts.intervalMs() * 2 ** Math.min(this.consecutiveFailures, 16));
    const retryAfter = retryAfterMsOf(error);
    return Math.max(exp, retryAfter ?? 0);
  }

  private arm(at: number): void {
    this.disarm();
    if (!this.active) return;
    const delay = Math.max(0, at - this.clock.now());
    this.timerDueAt = this.clock.now() + delay;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.timerDueAt = undefined;
      if (this.active && !this.inFlight) void this.start('timer');
    }, delay);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDueAt = undefined;
  }
}
