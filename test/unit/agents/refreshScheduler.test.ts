import * as assert from 'assert';
import { RefreshScheduler, retryAfterMsOf } from '../../../src/agents/refreshScheduler';
import { FakeClock, flush } from './fixtures';

function setup(opts: { fail?: (n: number) => unknown; slowMs?: number; intervalMs?: number } = {}) {
  const clock = new FakeClock();
  const calls: { at: number; trigger: string }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const s = new RefreshScheduler({
    clock,
    intervalMs: () => opts.intervalMs ?? 30_000,
    run: async (_signal, trigger) => {
      calls.push({ at: clock.now(), trigger });
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (opts.slowMs) await new Promise<void>(r => clock.setTimeout(r, opts.slowMs!));
        const err = opts.fail?.(calls.length);
        if (err) throw err;
      } finally {
        inFlight--;
      }
    },
  });
  return { clock, s, calls, maxInFlight: () => maxInFlight };
}

describe('agents: RefreshScheduler', () => {
  it('does nothing until enabled AND visible AND focused', async () => {
    const { s, calls, clock } = setup();
    s.setEnabled(true);
    await clock.advance(120_000);
    assert.strictEqual(calls.length, 0, 'hidden: no refresh');
    s.setVisible(true);
    await flush();
    assert.strictEqual(calls.length, 1, 'visible: refresh at once');
    s.setFocused(false);
    await clock.advance(120_000);
    assert.strictEqual(calls.length, 1, 'unfocused: no refresh');
    s.setFocused(true);
    await flush();
    assert.strictEqual(calls.length, 2, 'focused again: refresh at once');
  });

  it('refreshes every interval while active; hidden → none; visible again → exactly one at once', async () => {
    const { s, calls, clock } = setup();
    s.setEnabled(true);
    s.setVisible(true);
    await clock.advance(90_000);
    assert.deepStrictEqual(calls.map(c => c.trigger), ['activated', 'timer', 'timer', 'timer']);
    s.setVisible(false);
    await clock.advance(300_000);
    assert.strictEqual(calls.length, 4);
    assert.strictEqual(clock.pending, 0, 'no timer left while hidden');
    s.setVisible(true);
    await flush();
    assert.strictEqual(calls.length, 5);
    assert.strictEqual(calls[4].trigger, 'activated');
  });

  it('never runs two refreshes at once; a manual refresh joins the one in flight', async () => {
    const { s, calls, clock, maxInFlight } = setup({ slowMs: 50_000, intervalMs: 5000 });
    s.setEnabled(true);
    s.setVisible(true);
    const joined = s.refreshNow();
    await clock.advance(200_000);
    await joined;
    assert.strictEqual(maxInFlight(), 1);
    // 200 s of 50 s refreshes + 5 s gaps: at most 4
    assert.ok(calls.length <= 4, `${calls.length} calls`);
    assert.strictEqual(s.stats.byTrigger.manual, 0, 'the manual refresh joined the running one');
  });

  it('backs off exponentially on errors and resets after a success', async () => {
    let failing = true;
    const { s, calls, clock } = setup({ fail: () => (failing ? new Error('boom') : undefined) });
    s.setEnabled(true);
    s.setVisible(true);
    await clock.advance(1); // first attempt (fails)
    await clock.advance(60_000); // backoff 2 × 30 s
    await clock.advance(120_000); // 4 × 30 s
    await clock.advance(240_000); // 8 × 30 s
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i].at);
    assert.deepStrictEqual(gaps, [60_000, 120_000, 240_000]);
    assert.strictEqual(s.failures, 4);
    failing = false;
    await clock.advance(480_000);
    assert.strictEqual(s.failures, 0);
    const n = calls.length;
    await clock.advance(30_000);
    assert.strictEqual(calls.length, n + 1, 'back to the normal interval');
  });

  it('honours a longer Retry-After and caps the backoff', async () => {
    const { s, calls, clock } = setup({ fail: () => Object.assign(new Error('429'), { kind: 'rateLimit', retryAfterMs: 300_000 }), intervalMs: 5000 });
    s.setEnabled(true);
    s.setVisible(true);
    await clock.advance(1);
    await clock.advance(299_000);
    assert.strictEqual(calls.length, 1, 'waits for Retry-After');
    await clock.advance(1000);
    assert.strictEqual(calls.length, 2);
    // without a Retry-After: interval × 2^failures (2 failures so far → 5 s × 4)
    assert.strictEqual(s.backoffDelay(new Error('x')), 20_000);
    const capped = setup({ intervalMs: 300_000, fail: () => new Error('x') });
    capped.s.setEnabled(true);
    capped.s.setVisible(true);
    await capped.clock.advance(1);
    assert.strictEqual(capped.s.backoffDelay(new Error('x')), 10 * 60_000, 'capped at 10 min');
    assert.strictEqual(retryAfterMsOf({ retryAfterSeconds: 2 }), 2000);
    assert.strictEqual(retryAfterMsOf(new Error('x')), undefined);
  });

  it('visible again during a backoff waits for the backoff to end', async () => {
    const { s, calls, clock } = setup({ fail: () => new Error('boom') });
    s.setEnabled(true);
    s.setVisible(true);
    await clock.advance(1);
    s.setVisible(false);
    s.setVisible(true);
    await flush();
    assert.strictEqual(calls.length, 1);
    await clock.advance(60_000);
    assert.strictEqual(calls.length, 2);
  });

  it('pause stops the timer; resume refreshes at once; disable aborts', async () => {
    const clock = new FakeClock();
    let aborted = false;
    let runs = 0;
    const s = new RefreshScheduler({
      clock,
      intervalMs: () => 30_000,
      run: signal => {
        runs++;
        return new Promise<void>(resolve => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
          clock.setTimeout(resolve, 10);
        });
      },
    });
    s.setEnabled(true);
    s.setVisible(true);
    await clock.advance(20);
    s.setPaused(true);
    await clock.advance(600_000);
    assert.strictEqual(runs, 1);
    s.setPaused(false);
    await flush();
    assert.strictEqual(runs, 2);
    s.setEnabled(false);
    await flush();
    assert.strictEqual(aborted, true);
  });

  it('an account switch during a refresh refreshes the new account at once (not an interval later)', async () => {
    const clock = new FakeClock();
    const runs: AbortSignal[] = [];
    const s = new RefreshScheduler({
      clock,
      intervalMs: () => 30_000,
      // like the controller's run: a request that ends (rejects) when it is aborted
      run: signal => {
        runs.push(signal);
        return new Promise<void>((resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('cancelled')));
          clock.setTimeout(resolve, 5_000);
        });
      },
    });
    s.setEnabled(true);
    s.setVisible(true);
    await flush();
    assert.strictEqual(runs.length, 1);
    // the controller's accountChanged: disable (aborts the old account's refresh), enable again
    s.setEnabled(false);
    s.setEnabled(true);
    await flush();
    assert.strictEqual(runs[0].aborted, true);
    assert.strictEqual(runs.length, 2, 'the new account is fetched at once');
    assert.strictEqual(s.isRunning, true);
    const joined = s.refreshNow();
    assert.strictEqual(runs.length, 2, 'a manual refresh joins the new account\'s refresh, not the aborted one');
    await clock.advance(5_000);
    await joined;
    assert.strictEqual(s.stats.succeeded, 1);
    assert.strictEqual(s.nextDueAt, clock.now() + 30_000, 'one timer, an interval after the new refresh');
    assert.strictEqual(clock.pending, 1);
  });
});
