// The emulator's one clock (src/emulator/clock.ts): EmulatorClock with a manual source, the
// `clock` start option, POST/GET /__control/clock (jumps, advances, rates, 400s that change
// nothing), and what follows it: the Date header, Agent Metrics durations, the Agent Activity
// window, lag and 6-month rule, login session lifetimes, and the CLI's --clock / --clock-rate.
// No wall-clock timing is asserted: tick bounds come from performance.now(), the very source the
// in-process emulator ticks from, measured around the request (so they hold on any machine).
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEmulator, RunningEmulator } from '../../../src/emulator';
import { EmulatorClock, MAX_RATE, parseInstant, rateProblem } from '../../../src/emulator/clock';
import { ACCT, BEARER, reasonsPath, request } from './helpers';

const ROOT = path.resolve(__dirname, '../../../..');
const BUNDLE = path.join(ROOT, 'dist', 'emulator.js');
const T_ISO = '2026-12-06T03:00:00Z';
const T = Date.parse(T_ISO);
const MIN = 60_000, HOUR = 3_600_000, DAY = 86_400_000, MONTH = 31 * DAY;
const iso = (ms: number) => new Date(ms).toISOString();
const STATUS = `/messaging_history/api/account/${ACCT}/agent-view/status`;
const CHANGES = `/api/v2/account/${ACCT}/status-changes`;

/** Asserts lo ≤ actual ≤ lo + elapsed × rate (+1 ms of flooring): the emulator ticked at most that much. */
function ticked(actual: number, lo: number, elapsedMs: number, rate: number, what: string): void {
  assert.ok(actual >= lo && actual <= lo + Math.ceil(elapsedMs * rate) + 1, `${what}: ${iso(actual)} not in [${iso(lo)}, +${elapsedMs.toFixed(1)} ms × ${rate}]`);
}

/** Runs `f` between two in-process clock readings, so what the server read lies in [lo, hi]. */
async function between<T>(emu: RunningEmulator, f: () => Promise<T>): Promise<{ value: T; lo: number; hi: number }> {
  const lo = emu.control.clock().nowMs;
  const value = await f();
  return { value, lo, hi: emu.control.clock().nowMs };
}

describe('emulator clock: EmulatorClock, parseInstant, rateProblem', () => {
  it('now() = start + elapsed source time × rate; set, advance and setRate behave', () => {
    let src = 5_000;
    const c = new EmulatorClock({ start: T_ISO, rate: 60 }, () => src);
    assert.deepEqual(c.read(), { now: '2026-12-06T03:00:00.000Z', nowMs: T, rate: 60 });
    src += 1_000;
    assert.equal(c.now(), T + 60_000);
    src += 0.5;
    assert.equal(c.now(), T + 60_030);
    c.set(T - DAY); // back
    assert.equal(c.now(), T - DAY);
    src += 10;
    assert.equal(c.now(), T - DAY + 600);
    c.advance(HOUR);
    assert.equal(c.now(), T - DAY + 600 + HOUR);
    c.setRate(1); // continuous: no jump at the change of speed
    assert.equal(c.now(), T - DAY + 600 + HOUR);
    src += 10;
    assert.equal(c.now(), T - DAY + 610 + HOUR);
    assert.equal(c.rate, 1);
    assert.throws(() => c.setRate(0), /rate/);
    assert.equal(c.rate, 1, 'a refused rate changes nothing');
    assert.equal(new EmulatorClock(T, () => 0).now(), T, 'epoch ms');
    assert.equal(new EmulatorClock(new Date(T), () => 0).now(), T, 'a Date');
    assert.equal(new EmulatorClock({ rate: 2 }, () => 0).rate, 2);
  });
  it('without a start it starts at the wall clock once, then ticks from its source only', () => {
    const lo = Date.now();
    const c = new EmulatorClock(undefined, () => 42);
    const hi = Date.now();
    const start = c.now();
    assert.ok(start >= lo && start <= hi);
    assert.equal(c.rate, 1);
    assert.equal(c.now(), start, 'the source did not move');
  });
  it('refuses bad specs', () => {
    for (const spec of ['2026-12-06T03:00:00', 'nonsense', { start: T_ISO, rate: 0 }, { rate: -1 }, { rate: MAX_RATE + 1 }, new Date(NaN), Infinity]) assert.throws(() => new EmulatorClock(spec, () => 0), /clock:/, JSON.stringify(spec));
  });
  it('parseInstant: ISO-8601 with a zone only, real calendar dates, offsets across midnight', () => {
    assert.equal(parseInstant(T_ISO), T);
    assert.equal(parseInstant('2026-12-06T03:00Z'), T);
    assert.equal(parseInstant('2026-12-06T03:00:00.250Z'), T + 250);
    assert.equal(parseInstant('2026-12-06T05:00:00+02:00'), T);
    assert.equal(parseInstant('2026-03-01T01:00:00+02:00'), Date.UTC(2026, 1, 28, 23), 'local date is 1 March');
    assert.equal(parseInstant('2028-02-29T00:00:00Z'), Date.UTC(2028, 1, 29), 'leap day');
    assert.equal(parseInstant(T), T);
    for (const bad of ['2026-12-06T03:00:00', '2026-12-06', '2026-02-31T00:00:00Z', '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-12-06T24:00:00Z', 'x', '']) assert.equal(typeof parseInstant(bad), 'string', bad);
    assert.match(parseInstant('2026-12-06T03:00:00') as string, /zone/);
    for (const bad of [NaN, Infinity, null, undefined, {}, new Date(NaN)]) assert.equal(typeof parseInstant(bad), 'string', String(bad));
  });
  it('rateProblem: a number in (0, MAX_RATE]', () => {
    for (const ok of [1e-6, 1, 60, 3600, MAX_RATE]) assert.equal(rateProblem(ok), undefined, String(ok));
    for (const bad of [0, -1, MAX_RATE + 1, NaN, Infinity, '60', null]) assert.match(rateProblem(bad) ?? '', /rate/, String(bad));
  });
});

describe('emulator clock: startEmulator({ clock }) and what follows it', () => {
  let emu: RunningEmulator;
  let startElapsed: () => number;
  before(async () => {
    const p0 = performance.now();
    emu = await startEmulator({ agents: 30, seed: 1, clock: T_ISO });
    startElapsed = () => performance.now() - p0;
  });
  after(() => emu.close());

  it('GET /__control/clock reads the start instant (plus what it ticked since), rate 1', async () => {
    const r = await request(emu.url, 'GET', '/__control/clock');
    const elapsed = startElapsed();
    assert.equal(r.status, 200);
    assert.deepEqual(Object.keys(r.json).sort(), ['now', 'nowMs', 'rate']);
    assert.equal(r.json.rate, 1);
    assert.equal(r.json.now, iso(r.json.nowMs));
    ticked(r.json.nowMs, T, elapsed, 1, 'reading');
  });
  it('the Date header of an API answer is the emulator clock, to the second', async () => {
    for (const at of [T, Date.UTC(2031, 2, 1, 12, 34, 56, 789), Date.UTC(2019, 6, 1)]) {
      emu.control.setClock(at);
      const { value: r, lo, hi } = await between(emu, () => request(emu.url, 'GET', reasonsPath(), { headers: BEARER }));
      assert.equal(r.status, 200);
      const date = Date.parse(String(r.headers.date));
      assert.ok(date >= Math.floor(lo / 1000) * 1000 && date <= hi, `${r.headers.date} for ${iso(lo)}`);
      assert.match(String(r.headers.date), /^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$/);
    }
    emu.control.setClock(T);
  });
  it('Agent Metrics durations and start times are measured on the emulator clock', async () => {
    for (const at of [T, Date.UTC(2031, 2, 1, 12, 34, 56)]) {
      emu.control.setClock(at);
      const { value: r, lo, hi } = await between(emu, () => request(emu.url, 'POST', `${STATUS}?limit=1000`, { body: {}, headers: BEARER }));
      assert.equal(r.status, 200);
      assert.ok(r.json.agentStatusRecords.length >= 5);
      for (const rec of r.json.agentStatusRecords) {
        const served = rec.currentStatusStartTimeL + rec.currentStatusDuration;
        assert.ok(served >= lo && served <= hi, `start + duration = ${iso(served)}, clock ${iso(lo)}`);
        assert.ok(rec.currentStatusStartTimeL <= hi && rec.currentStatusStartTimeL > at - DAY, `${rec.agentId} since ${iso(rec.currentStatusStartTimeL)}`);
      }
    }
    emu.control.setClock(T);
  });
  it('Agent Activity: the default window ends at the emulator now, and the 60-minute lag counts from it', async () => {
    for (const at of [T, Date.UTC(2031, 2, 1, 12, 34, 56)]) {
      emu.control.setClock(at);
      const { value: r, lo, hi } = await between(emu, () => request(emu.url, 'GET', `${CHANGES}?source=x&v=2&limit=5000`, { headers: BEARER }));
      assert.equal(r.status, 200, r.text);
      const end = Number(r.json.timeframe.endTimeL);
      assert.ok(end >= lo && end <= hi, `endTimeL ${iso(end)}, clock ${iso(lo)}`);
      assert.equal(Number(r.json.timeframe.startTimeL), end - DAY);
      const times = r.json.stateChanges.map((c: { time: string }) => Date.parse(c.time));
      assert.ok(times.length > 20, `changes ${times.length}`);
      assert.ok(times.every((t: number) => t >= end - DAY && t <= end - HOUR), 'inside the window, none newer than now − lag');
      assert.ok(Math.max(...times) > end - HOUR - 30 * MIN, `latest visible ${iso(Math.max(...times))}: history reaches now − lag`);
    }
    emu.control.setClock(T);
  });
});

describe('emulator clock: POST /__control/clock', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ agents: 30, seed: 1, clock: T_ISO }); });
  after(() => emu.close());
  const post = (body: unknown) => request(emu.url, 'POST', '/__control/clock', { body });
  const postRaw = (rawBody: string) => request(emu.url, 'POST', '/__control/clock', { rawBody });
  const read = async () => (await request(emu.url, 'GET', '/__control/clock')).json as { now: string; nowMs: number; rate: number };
  async function timed<R>(f: () => Promise<R>): Promise<{ value: R; elapsed: number }> {
    const p0 = performance.now();
    const value = await f();
    return { value, elapsed: performance.now() - p0 };
  }

  it('{now} jumps forward and back (any zone, or epoch ms); GET and the Date header follow', async () => {
    for (const [now, ms] of [['2027-03-01T12:00:00Z', Date.UTC(2027, 2, 1, 12)], ['2026-01-01T00:00:00+01:00', Date.UTC(2025, 11, 31, 23)], [T, T]] as const) {
      const { value: r, elapsed } = await timed(async () => {
        const res = await post({ now });
        return { res, got: await read(), api: await request(emu.url, 'GET', reasonsPath(), { headers: BEARER }) };
      });
      assert.equal(r.res.status, 200, r.res.text);
      assert.equal(r.res.json.rate, 1);
      ticked(r.res.json.nowMs, ms, elapsed, 1, `answer to ${now}`);
      ticked(r.got.nowMs, r.res.json.nowMs, elapsed, 1, `GET after ${now}`);
      ticked(Date.parse(String(r.api.headers.date)), Math.floor(r.got.nowMs / 1000) * 1000, elapsed, 1, `Date header after ${now}`);
    }
  });
  it('{advanceMs} moves forward by that much (0 allowed)', async () => {
    for (const ms of [3 * HOUR, 0, 45 * DAY]) {
      const lo = emu.control.clock().nowMs;
      const { value: r, elapsed } = await timed(() => post({ advanceMs: ms }));
      assert.equal(r.status, 200, r.text);
      ticked(r.json.nowMs, lo + ms, elapsed + 1, 1, `advance ${ms}`);
    }
    emu.control.setClock(T);
  });
  it('{rate} changes the speed without a jump; 3600× runs an hour a second; {now, rate} and {advanceMs, rate} do both', async () => {
    const lo = emu.control.clock().nowMs;
    const { value: r, elapsed } = await timed(() => post({ rate: 3600 }));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.rate, 3600);
    ticked(r.json.nowMs, lo, elapsed, 3600, 'no jump at the change of speed');
    // reads a and b bracket a third request, so the server read b at least `gap` real ms after a
    const p0 = performance.now();
    const a = await read();
    const p1 = performance.now();
    await request(emu.url, 'GET', reasonsPath(), { headers: BEARER });
    const p2 = performance.now();
    const b = await read();
    const p3 = performance.now();
    assert.equal(b.rate, 3600);
    const diff = b.nowMs - a.nowMs;
    assert.ok(diff >= Math.floor((p2 - p1) * 3600) - 1 && diff <= Math.ceil((p3 - p0) * 3600) + 1, `moved ${diff} ms in ${(p2 - p1).toFixed(2)}..${(p3 - p0).toFixed(2)} real ms`);
    const fast = await post({ rate: MAX_RATE });
    assert.equal(fast.json.rate, MAX_RATE);
    const c = await read(), d = await read();
    assert.ok(d.nowMs >= c.nowMs);
    const pBoth = performance.now();
    const both = await timed(() => post({ now: '2026-12-07T21:00:00Z', rate: 60 }));
    assert.equal(both.value.json.rate, 60);
    // the jump lands first, then the new rate: in between the clock ticked at the old (maximal) rate
    ticked(both.value.json.nowMs, Date.UTC(2026, 11, 7, 21), both.elapsed, MAX_RATE, 'now + rate');
    const adv = await timed(() => post({ advanceMs: DAY, rate: 1 }));
    assert.equal(adv.value.json.rate, 1);
    ticked(adv.value.json.nowMs, both.value.json.nowMs + DAY, performance.now() - pBoth, 60, 'advance + rate');
    emu.control.setClock(T);
  });
  it('invalid bodies → 400 naming the problem; a refused request changes nothing (not even half of it)', async () => {
    const before = emu.control.clock();
    const p0 = performance.now();
    const GENERIC = /"now".*"advanceMs".*"rate"/;
    const cases: [string, RegExp][] = [
      ['{bad', /JSON/], ['', GENERIC], ['null', GENERIC], ['[1]', GENERIC], ['"2026-12-06T03:00:00Z"', GENERIC], ['{}', GENERIC],
      ['{"now":"2026-12-06T03:00:00"}', /^now:.*zone/], ['{"now":"2026-02-31T00:00:00Z"}', /^now:.*not a valid/], ['{"now":true}', /^now:/],
      ['{"advanceMs":-5}', /^advanceMs:/], ['{"advanceMs":"x"}', /^advanceMs:/], ['{"advanceMs":1e400}', /^advanceMs:/],
      ['{"now":"2027-01-01T00:00:00Z","advanceMs":5}', GENERIC], ['{"when":"2027-01-01T00:00:00Z"}', /^unknown field "when":.*"now".*"advanceMs"/], ['{"now":"2027-01-01T00:00:00Z","speed":2}', /^unknown field "speed"/],
      ['{"rate":0}', /^rate:/], ['{"rate":-2}', /^rate:/], ['{"rate":100001}', /^rate:/], ['{"rate":"60"}', /^rate:/],
      // valid parts are not applied when another part is refused
      ['{"now":"2027-01-01T00:00:00Z","rate":0}', /^rate:/], ['{"advanceMs":3600000,"rate":1e9}', /^rate:/], ['{"now":"2027-01-01T00:00:00","rate":60}', /^now:/],
    ];
    for (const [raw, re] of cases) {
      const r = await postRaw(raw);
      assert.equal(r.status, 400, `${raw} → ${r.status} ${r.text}`);
      assert.match(String(r.json?.message), re, raw);
    }
    const after = emu.control.clock();
    assert.equal(after.rate, before.rate);
    ticked(after.nowMs, before.nowMs, performance.now() - p0, before.rate, 'clock after refused requests');
  });
});

describe('emulator clock: range rules and sessions follow it', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ agents: 30, seed: 1, clock: T_ISO, idleTimeoutMs: 10 * MIN, sessionTtlMs: HOUR }); });
  after(() => emu.close());
  const changes = (from: number, to: number) => request(emu.url, 'GET', `${CHANGES}?source=x&v=2&from=${iso(from)}&to=${iso(to)}`, { headers: BEARER });
  const advance = (ms: number) => request(emu.url, 'POST', '/__control/clock', { body: { advanceMs: ms } });

  it('Agent Activity: from beyond 6 months of the emulator now → 400, inside → 200; a jump of 2 months moves the line', async () => {
    const old = await changes(T - 6 * MONTH - DAY, T - 6 * MONTH);
    assert.equal(old.status, 400);
    assert.match(old.text, /6 months/);
    const inside = T - 5 * MONTH;
    assert.equal((await changes(inside, inside + DAY)).status, 200);
    assert.equal((await advance(2 * MONTH)).status, 200);
    const now = await changes(inside, inside + DAY);
    assert.equal(now.status, 400, 'the same window, 7 months back now');
    assert.match(now.text, /6 months/);
    assert.equal((await changes(inside + 2 * MONTH, inside + 2 * MONTH + DAY)).status, 200);
    emu.control.setClock(T);
    assert.equal((await changes(inside, inside + DAY)).status, 200, 'and back');
  });
  it('Agent Activity shows nothing after the emulator now − lag, whatever the window asks', async () => {
    const r = await changes(T - 2 * HOUR, T + 5 * HOUR);
    assert.equal(r.status, 200, r.text);
    for (const c of r.json.stateChanges) assert.ok(Date.parse(c.time) <= emu.control.clock().nowMs - HOUR, c.time);
    const ahead = await changes(T + HOUR, T + 3 * HOUR);
    assert.equal(ahead.status, 200, ahead.text);
    assert.deepEqual(ahead.json.stateChanges, []);
  });
  it('login sessions: idle timeout and absolute TTL are counted on the emulator clock', async () => {
    const login = async () => {
      const { value: r, lo, hi } = await between(emu, () => request(emu.url, 'POST', `/api/account/${ACCT}/login?v=1.3`, { body: { username: 'admin', password: 'demo-password' } }));
      assert.equal(r.status, 200, r.text);
      assert.ok(r.json.config.serverCurrentTime >= lo && r.json.config.serverCurrentTime <= hi, 'serverCurrentTime is the emulator clock');
      return { authorization: `Bearer ${r.json.bearer}` };
    };
    const ac = async (auth: Record<string, string>) => (await request(emu.url, 'GET', reasonsPath(), { headers: auth })).status;
    const idle = await login();
    assert.equal(await ac(idle), 200);
    await advance(9 * MIN);
    assert.equal(await ac(idle), 200, 'within the idle timeout (and the call resets it)');
    await advance(9 * MIN);
    assert.equal(await ac(idle), 200, '18 min after login, 9 min idle');
    await advance(10 * MIN + 1);
    assert.equal(await ac(idle), 401, 'idle for more than 10 min');
    const ttl = await login();
    for (let i = 0; i < 6; i++) {
      await advance(9 * MIN);
      assert.equal(await ac(ttl), 200, `${(i + 1) * 9} min`);
    }
    await advance(7 * MIN);
    assert.equal(await ac(ttl), 401, '61 min after login: past the 1 h TTL');
    assert.equal(await ac(BEARER), 200, 'the demo bearer does not expire');
    emu.control.setClock(T);
  });
});

describe('emulator clock: CLI --clock and --clock-rate (dist/emulator.js)', function () {
  this.timeout(60_000);
  before(() => {
    execFileSync(process.execPath, ['esbuild.js', '--only=emulator'], { cwd: ROOT, stdio: 'pipe' });
  });
  const run = (args: string[]) => spawnSync(process.execPath, [BUNDLE, ...args], { encoding: 'utf8', timeout: 20_000 });

  it('bad --clock / --clock-rate values exit 2 with a message on stderr', () => {
    for (const [args, re] of [
      [['--clock', 'nonsense'], /--clock/], [['--clock', '2026-12-06T03:00:00'], /--clock.*zone/], [['--clock', '2026-02-31T00:00:00Z'], /--clock/], [['--clock'], /--clock/],
      [['--clock-rate', '0'], /--clock-rate/], [['--clock-rate', '-5'], /--clock-rate/], [['--clock-rate', '100001'], /--clock-rate/], [['--clock-rate', 'fast'], /--clock-rate/],
    ] as [string[], RegExp][]) {
      const r = run([...args, '--port', '0', '--quiet']);
      assert.equal(r.status, 2, `${args.join(' ')}: status ${r.status} ${r.stdout}`);
      assert.match(r.stderr, re, args.join(' '));
      assert.equal(r.stdout, '', 'nothing started');
    }
  });
  it('--help documents --clock, --clock-rate and /__control/clock', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0);
    for (const s of ['--clock ISO', '--clock-rate N', '/__control/clock', 'advanceMs']) assert.ok(r.stdout.includes(s), s);
  });
  for (const [args, rateText] of [[['--clock', T_ISO], 'ticking in real time'], [['--clock', '2026-12-06T04:00:00+01:00', '--clock-rate', '3600'], 'running 3600× real time']] as [string[], string][]) {
    it(`${args.join(' ')}: prints the clock line, serves that clock; SIGTERM stops it`, async () => {
      const child = spawn(process.execPath, [BUNDLE, ...args, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        let out = '';
        await new Promise<void>((resolve, reject) => {
          child.stdout.on('data', (c: Buffer) => { out += c.toString(); if (out.includes('Ctrl+C')) resolve(); });
          child.once('exit', code => reject(new Error(`exited ${code}: ${out}`)));
        });
        const m = /Clock:\s+(\S+) \((.*)\)/.exec(out);
        assert.ok(m, out);
        assert.equal(m[2], rateText);
        const printed = Date.parse(m[1]);
        assert.ok(printed >= T && printed < T + (rateText.includes('3600') ? 30 * DAY : HOUR), m[1]);
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
        const clock = (await request(url, 'GET', '/__control/clock')).json;
        assert.ok(clock.nowMs >= printed, 'the served clock ticks on from the printed instant');
        assert.equal(clock.rate, rateText.includes('3600') ? 3600 : 1);
      } finally {
        const code = await new Promise<number | null>(resolve => {
          if (child.exitCode !== null) return resolve(child.exitCode);
          child.once('exit', c => resolve(c));
          child.kill('SIGTERM');
        });
        assert.equal(code, 0);
      }
    });
  }
});
