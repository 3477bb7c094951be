// Benchmark: reason usage for 1,000 agents × 30 days. (1) Over HTTP from the bundled emulator (in
// a child process, 1,000 agents): fetch every status change of the month (the client's pages and
// month windows), then the interval model and per-reason usage (ReasonUsageSource, as the report
// and the tree use it). (2) Compute only, on a synthetic 1,000,000 changes. Each row: changes,
// fetch and compute time, peak heap (sampled every 20 ms) and peak RSS growth.
// Run: npm run bench reasonUsage
import { createLivePersonClient } from '../../src/api/client';
import type { StatusChange } from '../../src/api/types';
import { buildTimelines } from '../../src/domain/timeline';
import { computeReasonUsage } from '../../src/domain/reasonUsage';
import { DEMO } from '../../src/emulator';
import { ReasonUsageSource } from '../../src/statusReasons/usage/usageSource';
import { startEmulatorProcess } from './emulatorProcess';

const AGENTS = 1000;
const DAY = 86_400_000;
const MB = 1024 * 1024;
const fmt = (n: number) => n.toLocaleString('en-US');

function memoryWatch(): { stop(): { heapMb: number; rssGrowthMb: number } } {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let heap = base.heapUsed;
  let rss = base.rss;
  const timer = setInterval(() => { const m = process.memoryUsage(); heap = Math.max(heap, m.heapUsed); rss = Math.max(rss, m.rss); }, 20);
  return { stop: () => { clearInterval(timer); const m = process.memoryUsage(); heap = Math.max(heap, m.heapUsed); rss = Math.max(rss, m.rss); return { heapMb: heap / MB, rssGrowthMb: (rss - base.rss) / MB }; } };
}

function synthetic(target: number, from: number): StatusChange[] {
  let seed = 4242;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed / 0x7fffffff);
  const out: StatusChange[] = [];
  const per = Math.ceil(target / AGENTS);
  for (let a = 0; a < AGENTS && out.length < target; a++) {
    const agentId = String(3_700_000_000 + a * 100 + 10);
    let t = from + Math.floor(rnd() * 3_600_000);
    let session = 95_000_000 + a * 10_000;
    for (let n = 0; n < per && out.length < target;) {
      session++;
      out.push({ agentId, time: t, sequenceNumber: -1, statusType: 3, statusSubType: 0 }, { agentId, time: t, sequenceNumber: 1, statusType: 1, statusSubType: 2 });
      n += 2;
      let seq = 2;
      for (let i = 0; i < 30 && n < per - 1; i++, n++) {
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

async function main(): Promise<void> {
  const rows: string[][] = [];
  const emu = await startEmulatorProcess(AGENTS);
  const client = createLivePersonClient({ accountId: DEMO.accountId, csdsUrl: emu.url, credentials: { kind: 'bearer', token: DEMO.bearerToken } });
  try {
    // (1) fetch, then the source's compute (timed apart: the fetch alone, then fetch + compute)
    const now = client.serverNow();
    const mem1 = memoryWatch();
    const t0 = performance.now();
    const changes = await client.agentActivity.statusChanges({ from: now - 30 * DAY, to: now });
    const fetchMs = performance.now() - t0;
    const window = { from: now - 30 * DAY, to: now };
    const t1 = performance.now();
    const usage = computeReasonUsage(buildTimelines(changes, window), window, { timeZone: 'UTC' });
    const computeMs = performance.now() - t1;
    const m1 = mem1.stop();
    rows.push([`emulator over HTTP, ${fmt(AGENTS)} agents × 30 days`, fmt(changes.length), `${(fetchMs / 1000).toFixed(1)} s`, `${computeMs.toFixed(0)} ms`, String(usage.length), `${m1.heapMb.toFixed(0)} MB`, `${m1.rssGrowthMb.toFixed(0)} MB`]);
    // the same through ReasonUsageSource (what the report runs): one get, end to end
    const mem2 = memoryWatch();
    const t2 = performance.now();
    const r = await new ReasonUsageSource(() => 'UTC').get(client, '30d');
    const m2 = mem2.stop();
    rows.push(['ReasonUsageSource.get(30d), end to end', fmt(r.changes), `${((performance.now() - t2) / 1000).toFixed(1)} s (fetch + compute)`, '—', String(r.byReason.size), `${m2.heapMb.toFixed(0)} MB`, `${m2.rssGrowthMb.toFixed(0)} MB`]);
  } finally {
    await client.dispose();
    emu.child.kill();
  }
  // (2) compute only, 1M synthetic changes, UTC and a zone with DST
  const from = Date.UTC(2026, 9, 1);
  const window = { from, to: from + 30 * DAY };
  const input = synthetic(1_000_000, from);
  for (const timeZone of ['UTC', 'Europe/Berlin']) {
    const mem = memoryWatch();
    const t = performance.now();
    const usage = computeReasonUsage(buildTimelines(input, window), window, { timeZone });
    const ms = performance.now() - t;
    const m = mem.stop();
    rows.push([`synthetic, compute only (${timeZone})`, fmt(input.length), '—', `${ms.toFixed(0)} ms`, String(usage.length), `${m.heapMb.toFixed(0)} MB`, `${m.rssGrowthMb.toFixed(0)} MB`]);
  }
  console.log(`Reason usage for ${fmt(AGENTS)} agents × 30 days: fetch (Agent Activity over HTTP), interval model + per-reason usage, peak memory.`);
  console.log('| source | changes | fetch | compute | reasons | peak heap | peak RSS growth |');
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().catch(e => { console.error(e); process.exit(1); });
