// Reason usage inside a real VS Code extension host, against the bundled emulator (fixed clock start,
// seed 7): Show Reason Usage's descriptions, group totals and deleted reasons checked against an
// independent count over the raw Agent Activity status changes of the same window (a plain walk
// over each agent's events, not computeReasonUsage), the equality with the timeline's per-reason
// totals (computeTotals over buildTimelines of the same changes), `unused in 7 days`, the delete /
// disable confirmation with usage (fast, and the 3 s limit under the emulator's latency), and the
// explanation a username/password session gets.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LivePersonClient, StatusChange } from '../../src/api/types';
import type { RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { StatusReasonsTestHooks, TreeRow } from '../../src/statusReasons/testHooks';
import { buildTimelines } from '../../src/domain/timeline';
import { computeTotals } from '../../src/domain/timelineTotals';
import { formatAgo, formatDuration } from '../../src/statusReasons/usage/usageLook';
import { DEMO } from '../../src/emulator';
import { getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';

const C = (verb: string) => `liveperson.statusReasons.${verb}`;

interface Tally { uses: number; ms: number; agents: Set<string>; last: number }

/**
 * The independent count: per agent, events in time order (duplicates dropped); a stretch in a
 * reason starts at a status change carrying it and lasts until the agent's next event that is not
 * the same reason (another status, a login, a logout) or the window's end; clipped to the window.
 */
function tallyByReason(changes: readonly StatusChange[], from: number, to: number): Map<string, Tally> {
  const byAgent = new Map<string, StatusChange[]>();
  for (const c of changes) byAgent.set(c.agentId, [...(byAgent.get(c.agentId) ?? []), c]);
  const out = new Map<string, Tally>();
  for (const [agent, list] of byAgent) {
    list.sort((a, b) => a.time - b.time || a.sequenceNumber - b.sequenceNumber);
    let open: { id: string; start: number } | undefined;
    const close = (end: number) => {
      if (!open) return;
      const s = Math.max(open.start, from);
      const e = Math.min(end, to);
      if (e > s) {
        const t = out.get(open.id) ?? { uses: 0, ms: 0, agents: new Set<string>(), last: -Infinity };
        t.uses++;
        t.ms += e - s;
        t.agents.add(agent);
        t.last = Math.max(t.last, s);
        out.set(open.id, t);
      }
      open = undefined;
    };
    for (const c of list) {
      if (c.time >= to) break;
      const reason = c.statusType === 1 ? c.statusReasonId : undefined;
      if (open && reason === open.id) continue; // the same stretch goes on
      close(c.time);
      if (reason !== undefined) open = { id: reason, start: c.time };
    }
    close(to);
  }
  return out;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

describe('reason usage', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let hooks: StatusReasonsTestHooks;
  let emulator: RunningEmulator;
  let changes: StatusChange[];
  let window: { from: number; to: number };
  let tally: Map<string, Tally>;

  const client = (): LivePersonClient => {
    const c = api.session.active?.client;
    if (!c) throw new Error('not signed in');
    return c;
  };
  const reasonRows = (all: TreeRow[]) => all.flatMap(g => g.children ?? []);
  const idOf = (row: TreeRow) => row.id.replace(/^statusReason:/, '');

  before(async () => {
    api = await getApi();
    hooks = api.statusReasons as StatusReasonsTestHooks;
    emulator = await startTestEmulator();
    // usage loads for a view that shows (never at activation, nor for a hidden view)
    await vscode.commands.executeCommand('liveperson.statusReasons.focus');
    await waitFor(() => hooks.visible(), 'the Status Reasons view to show');
    await signInToEmulator(emulator.url);
    await waitFor(() => api.session.active, 'the signed-in account');
    await hooks.load();
  });
  after(async () => {
    api?.setPrompter(undefined);
    if (hooks?.usage.isOn()) await vscode.commands.executeCommand(C('showUsage'), { show: false });
    await vscode.workspace.getConfiguration('liveperson').update('statusReasons.usageRange', undefined, vscode.ConfigurationTarget.Global);
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
  });

  it('Show Reason Usage: each reason says its uses, time and agents over the last 7 days, as counted from the raw status changes', async () => {
    // a reason nobody can have used yet
    const fresh = await client().statusReasons.create({ text: `Unused ${Date.now() % 100_000}`, state: 'Away', enabled: true });
    await hooks.load();
    assert.strictEqual(await vscode.commands.executeCommand(C('showUsage'), { show: true }), true);
    assert.strictEqual(api.contextKey('liveperson.statusReasons.showUsage'), true);
    await hooks.usage.whenIdle();
    const result = hooks.usage.result();
    assert.ok(result, `usage loaded (${hooks.usage.problem() ?? 'no problem reported'})`);
    window = { from: result.from, to: result.to };
    assert.strictEqual(window.to - window.from, 7 * 86_400_000);
    changes = await client().agentActivity.statusChanges(window);
    tally = tallyByReason(changes, window.from, window.to);
    assert.ok(tally.size >= 3, `the seeded history uses several reasons (${tally.size})`);
    console.log(`      (${changes.length} status changes, ${tally.size} reasons used, ${result.agents} agents active)`);

    const all = await hooks.rows();
    let checked = 0;
    for (const row of reasonRows(all)) {
      const t = tally.get(idOf(row));
      const expected = t ? `${plural(t.uses, 'use')} · ${formatDuration(t.ms)} · ${plural(t.agents.size, 'agent')}` : 'unused in 7 days';
      assert.ok(row.description.endsWith(expected), `${row.label}: “${row.description}” should end with “${expected}”`);
      if (t) {
        assert.match(row.tooltip, /Median duration: .+ · 90th percentile: /);
        assert.match(row.tooltip, /Last used: \d{4}-\d\d-\d\d \d\d:\d\d \((UTC|local time)\) by /);
        assert.match(row.tooltip, /Busiest hour: \d\d:00–\d\d:00/);
        checked++;
      }
    }
    assert.ok(checked >= 3);
    const freshRow = reasonRows(all).find(r => idOf(r) === fresh.id);
    assert.strictEqual(freshRow?.description, 'unused in 7 days');
    // a state group shows its total (uses, time) over what it lists
    for (const g of all) {
      const ts = (g.children ?? []).map(r => tally.get(idOf(r))).filter((t): t is Tally => !!t);
      const uses = ts.reduce((n, t) => n + t.uses, 0);
      const ms = ts.reduce((n, t) => n + t.ms, 0);
      const expected = uses ? `${plural(uses, 'use')} · ${formatDuration(ms)}` : 'unused in 7 days';
      assert.ok(g.description.endsWith(` · ${expected}`), `${g.label}: “${g.description}”`);
    }
    assert.match(hooks.usage.message() ?? '', /^Usage in the last 7 days \(.*\), computed (just now|\d+ min ago)\. Refresh recomputes it\.$/);
  });

  it('a reason’s time equals the timeline’s per-reason total for the same range', () => {
    const result = hooks.usage.result()!;
    const totals = computeTotals(buildTimelines(changes, window), window).overall.byReason;
    for (const [id, u] of result.byReason) {
      assert.strictEqual(u.totalMs, totals[id]?.ms, `reason ${id}`);
      assert.strictEqual(u.totalMs, tally.get(id)?.ms, `reason ${id}, independent`);
      assert.strictEqual(u.uses, tally.get(id)?.uses, `reason ${id} uses`);
      assert.strictEqual(u.agents, tally.get(id)?.agents.size, `reason ${id} agents`);
    }
    assert.deepStrictEqual([...result.byReason.keys()].sort(), [...tally.keys()].sort());
  });

  it('deleted reasons that still appear in the history are listed with their usage, even while deleted ones are hidden', async () => {
    assert.strictEqual(vscode.workspace.getConfiguration('liveperson').get('statusReasons.showDeleted'), false);
    const all = await hooks.rows();
    const shown = new Set(reasonRows(all).map(idOf));
    const deleted = hooks.reasons().filter(r => r.deleted);
    for (const r of deleted) {
      const t = tally.get(r.id);
      assert.strictEqual(shown.has(r.id), !!t, `deleted “${r.text}” is listed only with usage`);
      if (t) assert.ok(reasonRows(all).find(x => idOf(x) === r.id)!.description.startsWith('deleted'));
    }
    if (!deleted.some(r => tally.has(r.id))) console.log('      (no deleted reason has usage in this history: only the hidden side was checked)');
  });

  it('the delete / disable confirmation says the usage, computed on demand when usage is off', async () => {
    await vscode.commands.executeCommand(C('showUsage'), { show: false });
    assert.strictEqual(hooks.usage.message(), undefined);
    hooks.usage.clear();
    const [id, t] = [...tally].filter(([rid]) => hooks.reasons().some(r => r.id === rid && !r.deleted && r.enabled)).sort((a, b) => b[1].uses - a[1].uses)[0];
    await withPrompter(api, [false], async p => {
      const started = Date.now();
      assert.strictEqual(await vscode.commands.executeCommand(C('disable'), { id }), undefined, 'cancelled');
      const msg = p.prompts.find(x => x.kind === 'confirm')!.message!;
      const now = client().serverNow();
      const options = [now, now - 60_000, now + 60_000].map(n => `Used ${plural(t.uses, 'time')} by ${plural(t.agents.size, 'agent')} in the last 7 days, last ${formatAgo(n - t.last)}.`);
      assert.ok(options.some(o => msg.includes(o)), `${msg}\n— expected one of —\n${options.join('\n')}`);
      assert.ok(Date.now() - started < 10_000);
    });
  });

  it('a slow Agent Activity never holds the confirmation longer than ~3 s: it says “still loading” and lets the user decide', async () => {
    hooks.usage.clear();
    const id = [...tally.keys()].find(rid => hooks.reasons().some(r => r.id === rid && !r.deleted && r.enabled))!;
    emulator.control.setFaults({ latencyMs: 6_000 }); // the whole server: the live-agent count waits at most 3 s too
    try {
      await withPrompter(api, [false], async p => {
        const started = Date.now();
        await vscode.commands.executeCommand(C('delete'), { id });
        const waited = Date.now() - started;
        const msg = p.prompts.find(x => x.kind === 'confirm')!.message!;
        assert.match(msg, /Usage in the last 7 days: still loading \(no answer within 3 s\)/);
        assert.match(msg, /right now is unknown \(no answer within 3 s\)/);
        assert.ok(waited >= 2_900 && waited < 5_500, `the dialog came after ${waited} ms`);
      });
    } finally {
      emulator.control.resetFaults();
    }
  });

  it('signed in with a username and password, Show Reason Usage explains that Agent Activity needs an API key and offers to sign in with one', async () => {
    await signInToEmulator(emulator.url, 'login');
    try {
      await waitFor(() => api.session.active?.method === 'login', 'the login session');
      await withPrompter(api, [{ action: 'Sign In with an API Key…' }, undefined], async p => {
        await vscode.commands.executeCommand(C('showUsage'), { show: true });
        await hooks.usage.whenIdle();
        assert.match(hooks.usage.problem() ?? '', /^Reason usage needs an API key: You are signed in to account \S+ with a username and password\. Agent Activity does not accept that login/);
        assert.strictEqual(hooks.usage.message(), hooks.usage.problem(), 'the view says it too');
        const warn = await waitFor(() => p.messages.find(m => m.level === 'warn'), 'the explanation');
        assert.deepStrictEqual(warn.actions[0], 'Sign In with an API Key…');
        // the action signs in to THIS account: its id comes pre-filled (cancelled here)
        const input = await waitFor(() => p.prompts.find(x => x.kind === 'input'), 'the sign-in prompt');
        assert.strictEqual(input.value, DEMO.accountId);
      });
    } finally {
      await signInToEmulator(emulator.url);
    }
    // signed in with a key again, usage loads by itself (the toggle stayed on)
    await waitFor(async () => { await hooks.usage.whenIdle(); return hooks.usage.result(); }, 'usage after signing in with a key', 30_000);
  });
});
