// Benchmark (b): 1,000,000 Agent Activity status changes → per-agent intervals (goal < 1 s in Node).
// A synthetic month: 1,000 agents, daily sessions (login, default state, status changes with and
// without reasons, logout), about 1,000 changes each, delivered in time order (as the API pages
// them) and, as a worst case, shuffled. Prints the median of 3 runs per case.
import type { StatusChange } from '../../src/api/types';
import { buildTimelines } from '../../src/domain/timeline';
import { computeTotals } from '../../src/domain/timelineTotals';

const AGENTS = 1000;
const TARGET = 1_000_000;
const FROM = Date.UTC(2026, 9, 1);
const TO = FROM + 31 * 86_400_000;

function generate(): StatusChange[] {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
  const perAgent = Math.ceil(TARGET / AGENTS);
  const out: StatusChange[] = [];
  for (let a = 0; a < AGENTS; a++) {
    const agentId = String(3_700_000_000 + a * 100 + 10);
    let t = FROM + Math.floor(rnd() * 3_600_000);
    let session = 95_000_000 + a * 10_000;
    let n = 0;
    while (n < perAgent) {
      session++;
      out.push({ agentId, time: t, sequenceNumber: -1, statusType: 3, statusSubType: 0 });
      out.push({ agentId, time: t, sequenceNumber: 1, statusType: 1, statusSubType: 2 });
      n += 2;
      const changes = 20 + Math.floor(rnd() * 20);
      let seq = 2;
      for (let i = 0; i < changes && n < perAgent - 1; i++, n++) {
        t += 60_000 + Math.floor(rnd() * 900_000);
        const sub = [2, 2, 3, 4, 4][Math.floor(rnd() * 5)];
        const reason = sub === 4 && rnd() < 0.8 ? String(3201442712 + 100 * Math.floor(rnd() * 8)) : undefined;
        out.push({ agentId, time: t, sessionId: String(session), sequenceNumber: seq++, statusType: 1, statusSubType: sub, statusReasonId: reason, statusReasonText: reason ? `Reason ${reason.slice(-3)}` : undefined });
      }
      t += 60_000;
      out.push({ agentId, time: t, sessionId: String(session), sequenceNumber: seq, statusType: 4, statusSubType: 0 });
      n++;
      t += 3_600_000 + Math.floor(rnd() * 10 * 3_600_000);
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown): number {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function main(): void {
  const byAgent = generate();
  const inTimeOrder = byAgent.slice().sort((a, b) => a.time - b.time);
  const shuffled = byAgent.slice();
  let s = 7;
  for (let i = shuffled.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const window = { from: FROM, to: TO };
  const rows: [string, string, string, string][] = [];
  for (const [name, input] of [['time order (as paged by the API)', inTimeOrder], ['shuffled (worst case)', shuffled]] as const) {
    let intervals = 0;
    const build = median([1, 2, 3].map(() => time(() => (intervals = buildTimelines(input, window).reduce((n, t) => n + t.intervals.length, 0)))));
    const tls = buildTimelines(input, window);
    const totals = median([1, 2, 3].map(() => time(() => computeTotals(tls, window))));
    rows.push([name, input.length.toLocaleString('en'), `${intervals.toLocaleString('en')}`, `${build.toFixed(0)} ms build, ${totals.toFixed(0)} ms totals`]);
  }
  console.log(`1,000,000 status changes → intervals (${AGENTS} agents, one month). Goal: build < 1000 ms.`);
  console.log('| input | changes | intervals | median of 3 |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

main();
