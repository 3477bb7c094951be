// Live Agents benchmark: a refresh of 10,000 agents where 1% changed. Runs in plain Node against
// the bundled emulator (--agents 10000, a frozen clock so only our own changes move), through the
// same code the tree provider uses: AgentsModel.apply (join + diff) → AgentsTree.update (grouping,
// node reuse, presentation of re-rendered rows, the list of nodes to fire).
// Prints one table; "re-rendered" = TreeItem presentations rebuilt; "fired" = elements passed to
// onDidChangeTreeData; "VS Code re-queries" = what the workbench then asks back (a fired group
// re-reads its children, served from the provider's per-version TreeItem cache).
import { performance } from 'perf_hooks';
import { startEmulator, DEMO } from '../../src/emulator';
import { createLivePersonClient } from '../../src/api/client';
import { MAX_CONCURRENCY } from '../../src/api/agentMetrics';
import type { AgentStatusRecord, AllAgentsResult, LookupTables } from '../../src/api/types';
import { AgentsModel } from '../../src/agents/agentsModel';
import { AgentsTree, type GroupBy } from '../../src/agents/agentsTree';
import { compileLimits, DEFAULT_TIME_LIMITS, DEFAULT_DISCONNECTED_LIMIT_MINUTES, type LimitPolicy } from '../../src/domain/timeLimits';

const AGENTS = 10_000;
const CHANGED_FRACTION = 0.01;
const REPEATS = 7;

interface Row {
  scenario: string;
  groupBy: GroupBy;
  agents: number;
  changedAgents: number;
  applyMs: number;
  treeMs: number;
  totalMs: number;
  rerendered: number;
  aged: number;
  firedAgents: number;
  firedGroups: number;
  rootRefresh: boolean;
  requeried: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(scenario: string, groupBy: GroupBy, before: AllAgentsResult, after: AllAgentsResult, lookups: LookupTables, t: number, changedAgents: number, limits?: LimitPolicy, later = 0): Row {
  const applyTimes: number[] = [];
  const treeTimes: number[] = [];
  let last: Omit<Row, 'applyMs' | 'treeMs' | 'totalMs'> | undefined;
  for (let i = 0; i < REPEATS; i++) {
    const model = new AgentsModel();
    const tree = new AgentsTree();
    model.apply(before, lookups, t);
    tree.update({ rows: model.all(), groupBy, filter: {}, now: t, limits });
    const t0 = performance.now();
    model.apply(after, lookups, t);
    const t1 = performance.now();
    const delta = tree.update({ rows: model.all(), groupBy, filter: {}, now: t + later, limits });
    const t2 = performance.now();
    applyTimes.push(t1 - t0);
    treeTimes.push(t2 - t1);
    const firedGroups = delta.nodes.filter(n => n.kind === 'group');
    const firedAgents = delta.nodes.filter(n => n.kind === 'agent');
    const requeried = delta.root ? model.size : firedAgents.length + firedGroups.reduce((n, g) => n + 1 + (g.kind === 'group' ? g.children.length : 0), 0);
    last = { scenario, groupBy, agents: model.size, changedAgents, rerendered: delta.rerendered, aged: delta.aged, firedAgents: firedAgents.length, firedGroups: firedGroups.length, rootRefresh: delta.root, requeried };
  }
  const applyMs = median(applyTimes);
  const treeMs = median(treeTimes);
  return { ...last!, applyMs, treeMs, totalMs: applyMs + treeMs };
}

async function main(): Promise<void> {
  // The emulator's clock only moves when we move it (1 s per step), so the answer changes by what we do.
  let emuNow = Date.now();
  const emu = await startEmulator({ port: 0, agents: AGENTS, seed: 1, now: () => emuNow });
  const client = createLivePersonClient({ accountId: DEMO.accountId, csdsUrl: emu.url, credentials: { kind: 'bearer', token: DEMO.bearerToken } });
  try {
    const lookups = await client.lookups.load();
    // The emulator logs in about a quarter of its users; log in the rest so the answer holds all 10,000.
    const awayReasons = [...lookups.reasons.values()].filter(r => r.state === 'Away' && !r.deleted);
    const loggedIn = new Set((await client.agentMetrics.allAgents({})).records.map(r => r.agentId));
    emu.control.agentIds().forEach((id, i) => {
      if (loggedIn.has(id)) return;
      const status = (['ONLINE', 'ONLINE', 'AWAY', 'BACK_SOON'] as const)[i % 4];
      emu.control.setAgentStatus(id, status, status === 'AWAY' && awayReasons.length ? awayReasons[i % awayReasons.length].id : undefined);
    });
    emuNow += 1000;
    let f0 = performance.now();
    const before = await client.agentMetrics.allAgents({});
    const firstFetchMs = performance.now() - f0;

    // 1% of the logged-in agents change status (through the emulator, as a supervisor would see it).
    const awayReason = awayReasons[0];
    const n = Math.round(before.records.length * CHANGED_FRACTION);
    const step = Math.floor(before.records.length / n);
    const cycle: Record<string, 'ONLINE' | 'AWAY' | 'BACK_SOON'> = { ONLINE: 'AWAY', AWAY: 'BACK_SOON', BACK_SOON: 'ONLINE', OFFLINE: 'ONLINE' };
    emuNow += 1000;
    for (let i = 0; i < n; i++) {
      const r = before.records[i * step];
      const next = cycle[r.currentStatus];
      emu.control.setAgentStatus(r.agentId, next, next === 'AWAY' ? awayReason?.id : undefined);
    }
    emuNow += 1000;
    emu.control.resetStats();
    f0 = performance.now();
    const after = await client.agentMetrics.allAgents({}, { knownCount: before.count });
    const refreshFetchMs = performance.now() - f0;
    const requests = emu.control.stats()['agentView.status'] ?? 0;

    // The same answer with 1% of agents changed in place (load/slots only: no agent changes group).
    const inPlace: AllAgentsResult = {
      ...before,
      records: before.records.map((r: AgentStatusRecord, i) => (i % Math.round(1 / CHANGED_FRACTION) === 0 ? { ...r, busySlots: (r.busySlots ?? 0) + 1, load: (r.load ?? 0) + 0.01 } : r)),
    };
    const inPlaceChanged = before.records.filter((_, i) => i % Math.round(1 / CHANGED_FRACTION) === 0).length;

    const t = emuNow;
    const probe = new AgentsModel();
    probe.apply(before, lookups, t);
    const d = probe.apply(after, lookups, t);
    const emulatorChanged = d.added.length + d.removed.length + d.changed.length;
    const rows: Row[] = [];
    for (const groupBy of ['status', 'group', 'skill', 'none'] as GroupBy[]) rows.push(measure('1% changed status (emulator)', groupBy, before, after, lookups, t, emulatorChanged));
    for (const groupBy of ['status', 'group', 'skill', 'none'] as GroupBy[]) rows.push(measure('1% changed load (in place)', groupBy, before, inPlace, lookups, t, inPlaceChanged));
    rows.push(measure('nothing changed', 'status', before, before, lookups, t, 0));
    // the same refreshes with the default time limits on (Away 15, Back soon 10, disconnected 2):
    // who is over is computed for every row on every update
    const limits = compileLimits(DEFAULT_TIME_LIMITS, DEFAULT_DISCONNECTED_LIMIT_MINUTES);
    // off and on alternate, several rounds, so the machine's other load hits both alike
    const pairs: [Row, Row][] = [];
    for (const groupBy of ['status', 'none'] as GroupBy[]) {
      const offs: Row[] = [];
      const ons: Row[] = [];
      for (let round = 0; round < 5; round++) {
        offs.push(measure('1% changed status, limits off', groupBy, before, after, lookups, t, emulatorChanged));
        ons.push(measure('1% changed status, limits on', groupBy, before, after, lookups, t, emulatorChanged, limits));
      }
      const mid = (xs: Row[]) => [...xs].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(xs.length / 2)];
      const off = mid(offs);
      const on = mid(ons);
      rows.push(off, on);
      pairs.push([off, on]);
    }
    rows.push(measure('1 min later, no answer, limits on', 'status', before, before, lookups, t, 0, limits, 60_000));
    const overNow = (() => {
      const m = new AgentsModel();
      m.apply(after, lookups, t);
      const tr = new AgentsTree();
      tr.update({ rows: m.all(), groupBy: 'status', filter: {}, now: t, limits });
      return tr.overLimit.size;
    })();

    console.log(`Live Agents refresh — ${before.records.length} logged-in agents of ${AGENTS} (emulator, seed 1, clock moved 1 s per step); median of ${REPEATS} runs`);
    console.log(`network: first load ${firstFetchMs.toFixed(0)} ms (${before.pages} pages); refresh with knownCount ${refreshFetchMs.toFixed(0)} ms (${requests} agent-view requests, at most ${MAX_CONCURRENCY} in flight)`);
    const head = ['scenario', 'groupBy', 'agents', 'changed', 'model ms', 'tree ms', 'total ms', 're-rendered', 'aged', 'fired agents', 'fired groups', 'root', 'VS Code re-queries'];
    const table = rows.map(r => [r.scenario, r.groupBy, r.agents, r.changedAgents, r.applyMs.toFixed(1), r.treeMs.toFixed(1), r.totalMs.toFixed(1), r.rerendered, r.aged, r.firedAgents, r.firedGroups, r.rootRefresh ? 'yes' : 'no', r.requeried].map(String));
    const widths = head.map((h, i) => Math.max(h.length, ...table.map(r => r[i].length)));
    const line = (cells: string[]) => '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
    console.log(line(head));
    console.log('|' + widths.map(w => '-'.repeat(w + 2)).join('|') + '|');
    for (const r of table) console.log(line(r));
    console.log(`limits on ÷ off (total ms, median of 5 alternating rounds of ${REPEATS} runs, same answers, ${overNow} agents over a limit): ${pairs.map(([off, on]) => `${off.groupBy} ${(on.totalMs / off.totalMs).toFixed(2)}×`).join(', ')} — the goal is ≤ 1.10×`);
  } finally {
    await client.dispose();
    await emu.close();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
