// Benchmark: the Live Agents refresh under load — an account of 25,000 agents, 50 ms of injected
// latency per answer, and the emulator answering a share of all API calls 429 (Retry-After: 1 s).
// For each 429 rate, 10 refreshes as the view makes them (all pages at once with the count known
// from the first load; the client's documented retry policy: 429 waits ≥ 1 s or Retry-After, 3
// retries, then a failed page is tried again on its own): how many completed with every agent, how
// many came back partial (pages still missing: shown with a warning) or failed, the agent-view
// requests sent, the most in flight at once, and the time. Measured, printed, never asserted. The
// emulator runs in its own process, as a real server would.
import nodeFetch from 'node-fetch';
import { createLivePersonClient } from '../../src/api/client';
import { DEMO } from '../../src/emulator';
import { countingFetch } from '../support/countingFetch';
import { startEmulatorProcess } from './emulatorProcess';

const AGENTS = 25_000;
const LATENCY_MS = 50;
const REFRESHES = 10;
const RATES = [0, 0.3, 0.6];


async function control(url: string, what: string, body?: Record<string, unknown>): Promise<Record<string, number>> {
  const res = await nodeFetch(`${url}/__control/${what}`, body ? { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : { method: what.startsWith('reset') ? 'POST' : 'GET' });
  if (!res.ok) throw new Error(`control ${what}: ${res.status}`);
  return (await res.json()) as Record<string, number>;
}


const fmt = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  const emu = await startEmulatorProcess(AGENTS);
  const counting = countingFetch();
  const client = createLivePersonClient({ accountId: DEMO.accountId, csdsUrl: emu.url, credentials: { kind: 'bearer', token: DEMO.bearerToken }, fetch: counting.fetch });
  try {
    await control(emu.url, 'faults', { latencyMs: LATENCY_MS });
    const first = await client.agentMetrics.allAgents();
    const count = first.count;
    const pages = Math.ceil(count / 1000);
    console.log(`Refresh under load: ${fmt(AGENTS)} agents in the account, ${fmt(count)} logged in (${pages} pages of 1000), ${LATENCY_MS} ms latency per answer, Retry-After 1 s, ${REFRESHES} refreshes per row.`);
    console.log('| 429 rate | complete | partial (pages missing) | failed | agent-view requests (per refresh) | most in flight | time per refresh: median (max) | agents short of the count (max) |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const rate of RATES) {
      await control(emu.url, 'reset-faults');
      await control(emu.url, 'faults', { latencyMs: LATENCY_MS, rate429: rate, retryAfterSeconds: 1 });
      await control(emu.url, 'reset-stats');
      counting.peak = 0;
      let complete = 0;
      let partial = 0;
      let failed = 0;
      let missingPages = 0;
      let short = 0;
      const times: number[] = [];
      for (let i = 0; i < REFRESHES; i++) {
        const t0 = process.hrtime.bigint();
        try {
          const r = await client.agentMetrics.allAgents({}, { knownCount: count });
          const failedPages = (r as { failedPages?: number }).failedPages ?? 0;
          // complete = every page answered. Pages fetched seconds apart (429 backoff) page a live set:
          // an agent logging in or out between two pages shifts the offsets by one (counted apart)
          short = Math.max(short, r.count - r.records.length);
          if (failedPages === 0 && !r.serverPartial) complete++;
          else {
            partial++;
            missingPages += failedPages;
          }
        } catch {
          failed++;
        }
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      const requests = (await control(emu.url, 'stats'))['agentView.status'] ?? 0;
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      console.log(
        `| ${rate} | ${complete}/${REFRESHES} | ${partial}${partial ? ` (${missingPages} pages)` : ''} | ${failed} | ${fmt(requests)} (${(requests / REFRESHES).toFixed(1)}) | ${counting.peak} | ${(median / 1000).toFixed(1)} s (${(sorted[sorted.length - 1] / 1000).toFixed(1)} s) | ${short} |`,
      );
    }
  } finally {
    await client.dispose();
    emu.child.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
