// Reason Usage Report and Clean Up Unused Reasons inside a real VS Code extension host, against
// the bundled emulator over HTTP. The report's rows are checked against an independent count from
// the raw Agent Activity status changes of the same window (not the extension's interval model);
// exports follow the asked order; the clean-up plan suggests exactly the reasons the raw history
// leaves unused, and applying it disables / deletes what was picked (read back through the API).
// Run: PORT=18600 GREP='usage report|clean up' npm run test:integration
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LivePersonClient, StatusChange } from '../../src/api/types';
import type { RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { PickItem } from '../../src/platform/prompter';
import type { CleanUpResult } from '../../src/statusReasons/commands/cleanUp';
import type { UsageReportPanel } from '../../src/statusReasons/usageReport/reportPanel';
import type { StatusReasonsTestHooks } from '../../src/statusReasons/testHooks';
import type { HostToReport, ReportPayload } from '../../src/shared/usageReportProtocol';
import { getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';

interface Independent { uses: number; totalMs: number; agents: Set<string> }

/**
 * Per reason id, straight from the events: an agent is in a reason from a status change (type 1)
 * carrying it until that agent's next event (any type) or the window's end; a change to the same
 * reason right after one continues the use. Exact duplicates (chunk overlaps) count once.
 */
function independentUsage(changes: readonly StatusChange[], to: number): Map<string, Independent> {
  const byAgent = new Map<string, StatusChange[]>();
  const seen = new Set<string>();
  for (const c of changes) {
    const k = [c.agentId, c.time, c.sessionId, c.sequenceNumber, c.statusType, c.statusSubType, c.statusReasonId].join('|');
    if (seen.has(k)) continue;
    seen.add(k);
    byAgent.set(c.agentId, [...(byAgent.get(c.agentId) ?? []), c]);
  }
  const out = new Map<string, Independent>();
  for (const [agent, list] of byAgent) {
    list.sort((a, b) => a.time - b.time || a.sequenceNumber - b.sequenceNumber);
    let prevReason: string | undefined;
    list.forEach((c, i) => {
      const reason = c.statusType === 1 ? c.statusReasonId : undefined;
      if (reason === undefined) { prevReason = undefined; return; }
      const end = i + 1 < list.length ? list[i + 1].time : to;
      const u = out.get(reason) ?? { uses: 0, totalMs: 0, agents: new Set<string>() };
      out.set(reason, u);
      if (end > c.time) u.totalMs += end - c.time;
      u.agents.add(agent);
      if (prevReason !== reason) u.uses++;
      prevReason = reason;
    });
  }
  return out;
}

describe('usage report and clean up', function () {
  this.timeout(120_000);
  let api: ExtensionApi;
  let hooks: StatusReasonsTestHooks;
  let emulator: RunningEmulator;
  let tmp: string;
  const client = (): LivePersonClient => { const c = api.session.active?.client; assert.ok(c, 'signed in'); return c; };
  const dataOf = (p: UsageReportPanel) => waitFor(() => (p.sent.filter(m => m.type === 'data').at(-1) as Extract<HostToReport, { type: 'data' }> | undefined), 'the report data', 60_000);

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    hooks = api.statusReasons as StatusReasonsTestHooks;
    emulator = await startTestEmulator();
    await signInToEmulator(emulator.url);
    await waitFor(() => api.session.active, 'the signed-in account');
    await hooks.load();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-usage-report-'));
  });
  after(async () => {
    api?.setPrompter(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  let report: ReportPayload;
  let panel: UsageReportPanel;

  it('usage report: the table rows equal an independent count from the raw status changes of the same window', async () => {
    panel = await vscode.commands.executeCommand<UsageReportPanel>('liveperson.statusReasons.usageReport', { range: '7d', zone: 'utc' });
    await waitFor(() => panel.isReady, 'the report app to say ready', 45_000);
    assert.ok(panel.sent.some(m => m.type === 'loading'), 'progress was shown');
    await dataOf(panel);
    assert.ok(panel.report);
    report = panel.report;
    assert.strictEqual(report.range, '7d');
    assert.strictEqual(report.timeZone, 'UTC');
    assert.strictEqual(report.to - report.from, 7 * 86_400_000);
    const raw = await client().agentActivity.statusChanges({ from: report.from, to: report.to });
    assert.strictEqual(report.changes, raw.length, 'every status change of the window was read');
    const expected = independentUsage(raw, report.to);
    assert.ok(expected.size >= 3, 'the emulator history uses several reasons');
    const used = report.rows.filter(r => r.uses > 0);
    assert.deepStrictEqual(used.map(r => r.reasonId).sort(), [...expected.keys()].sort(), 'a row with uses for exactly the reasons in the history');
    for (const r of used) {
      const e = expected.get(r.reasonId)!;
      assert.deepStrictEqual({ id: r.reasonId, uses: r.uses, totalMs: r.totalMs, agents: r.agents }, { id: r.reasonId, uses: e.uses, totalMs: e.totalMs, agents: e.agents.size }, `“${r.text}”`);
      assert.ok(r.medianMs > 0 && r.medianMs <= r.p90Ms, 'median ≤ p90');
      assert.strictEqual(r.heatmap.reduce((a, b) => a + b, 0), r.totalMs, 'the heatmap holds all of the reason’s time');
    }
    const away = [...expected.entries()].filter(([id]) => report.rows.find(r => r.reasonId === id)?.awayShare !== null).reduce((a, [, e]) => a + e.totalMs, 0);
    assert.strictEqual(report.awayTotalMs, away, 'Away total = the Away reasons’ time');
    // every reason the server lists and does not delete has a row; unused ones show zeros
    const server = (await client().statusReasons.list({ includeDeleted: true })).items;
    for (const s of server.filter(x => !x.deleted)) {
      const row = report.rows.find(r => r.reasonId === s.id);
      assert.ok(row, `a row for “${s.text}”`);
      assert.strictEqual(row.status, s.enabled ? 'enabled' : 'disabled');
      if (!expected.has(s.id)) assert.deepStrictEqual([row.uses, row.totalMs, row.lastUsedAt], [0, 0, null]);
    }
    for (const r of report.rows.filter(x => x.status === 'deleted')) assert.ok(expected.has(r.reasonId), 'deleted reasons are listed only with history');
    assert.ok(!panel.panel.webview.html.includes('unsafe-inline') && !panel.panel.webview.html.includes('unsafe-eval'));
    assert.match(panel.panel.webview.html, /script-src 'nonce-[\w-]+'/);
  });

  it('usage report: CSV follows the asked sort, holds every row, and opens; Markdown goes to the clipboard; bad messages are refused', async () => {
    const file = path.join(tmp, 'usage.csv');
    await withPrompter(api, [{ file }], async p => {
      await panel.receive({ type: 'exportCsv', sort: { column: 'uses', direction: 'ascending' } });
      p.assertDone();
    });
    const lines = fs.readFileSync(file, 'utf8').trim().split('\r\n');
    assert.match(lines[0], /^reason_id,reason,state,status,uses,total_seconds,/);
    assert.strictEqual(lines.length - 1, report.rows.length);
    const uses = lines.slice(1).map(l => Number(l.split(',').at(-9)));
    assert.deepStrictEqual(uses, [...uses].sort((a, b) => a - b), 'ascending by uses');
    const byId = new Map(report.rows.map(r => [r.reasonId, r]));
    for (const l of lines.slice(1)) {
      const id = l.split(',')[0];
      assert.ok(byId.has(id), `a known reason ${id}`);
      assert.strictEqual(Number(l.split(',').at(-8)), Math.round(byId.get(id)!.totalMs / 1000), 'total seconds');
    }
    await waitFor(() => vscode.window.visibleTextEditors.some(e => e.document.uri.fsPath === file), 'the CSV opened');
    // descending by total time: the first row is the most used by time
    await panel.receive({ type: 'copyMarkdown', sort: { column: 'totalMs', direction: 'descending' } });
    const md = panel.lastCopied ?? '';
    const top = [...report.rows].sort((a, b) => b.totalMs - a.totalMs)[0];
    assert.ok(md.split('\n')[4].includes(top.text.replace(/([*_`[\]<>|\\])/g, '\\$1')), 'the top row first');
    assert.strictEqual(md.trim().split('\n').length, 4 + report.rows.length);
    await panel.receive({ type: 'exportCsv', sort: { column: 'nope', direction: 'up' } });
    await panel.receive({ type: 'load', range: '1y', zone: 'utc' });
    assert.strictEqual(panel.refused.length, 2);
  });

  it('usage report: switching to 24h reloads; the local-zone heatmap holds the same time', async () => {
    await panel.receive({ type: 'load', range: '24h', zone: 'local' });
    await panel.whenIdle();
    const r24 = panel.report!;
    assert.strictEqual(r24.range, '24h');
    assert.strictEqual(r24.to - r24.from, 86_400_000);
    for (const r of r24.rows) assert.strictEqual(r.heatmap.reduce((a, b) => a + b, 0), r.totalMs);
  });

  it('clean up: suggests exactly the reasons the history leaves unused (and a contradicting one); applies the picked disable / delete after review', async () => {
    // a reason whose text contradicts its state
    const [lunch] = await client().statusReasons.createMany([{ text: 'Lunch', state: 'Online', enabled: true }]);
    let result: CleanUpResult | undefined;
    let deleteLabels: string[] = [];
    await withPrompter(api, [
      (items: readonly PickItem<unknown>[]) => [...items],
      (items: readonly PickItem<unknown>[]) => { const d = items.filter(i => i.value === lunch.id || i === items[0]); deleteLabels = d.map(i => String(i.value)); return d; },
      'Apply',
    ], async p => {
      result = await vscode.commands.executeCommand<CleanUpResult>('liveperson.statusReasons.cleanUp', { range: '7d', showDiff: false });
      p.assertDone();
    });
    assert.ok(result?.plan && result.results, 'confirmed and run');
    const raw = await client().agentActivity.statusChanges({ from: result.from, to: result.to });
    const usedIds = new Set(raw.filter(c => c.statusType === 1 && c.statusReasonId).map(c => c.statusReasonId!));
    const listed = (await client().statusReasons.list({ includeDeleted: true })).items;
    const unusedSuggested = result.suggested.filter(s => s.why.includes('unused')).map(s => s.id).sort();
    // what the server held (enabled, not deleted) when the plan was made = after, plus what the plan changed back
    const planned = new Map(result.plan.items.flatMap(i => (i.kind === 'update' ? [[i.before.id, i.before] as const] : i.kind === 'delete' ? [[i.reason.id, i.reason] as const] : [])));
    const heldThen = listed.map(r => planned.get(r.id) ?? r).filter(r => r.enabled && !r.deleted);
    assert.deepStrictEqual(unusedSuggested, heldThen.filter(r => !usedIds.has(r.id)).map(r => r.id).sort(), 'unused = enabled reasons without a status change in the window');
    assert.ok(result.suggested.find(s => s.id === lunch.id)?.why.includes('contradiction'), '“Lunch” under Online contradicts its state');
    assert.ok(result.results.every(r => r.status === 'applied'), JSON.stringify(result.results));
    for (const s of result.suggested) {
      const now = listed.find(r => r.id === s.id);
      if (deleteLabels.includes(s.id)) assert.ok(!now || now.deleted, `“${s.text}” deleted`);
      else assert.strictEqual(now?.enabled, false, `“${s.text}” disabled`);
    }
    assert.strictEqual(result.plan.changeCount, result.suggested.length);
  });

  it('clean up: nothing is sent when the review is cancelled', async () => {
    const [extra] = await client().statusReasons.createMany([{ text: 'Ready to chat', state: 'Away', enabled: true }]);
    const writes = () => (emulator.control.stats()['statusReasons.update'] ?? 0) + (emulator.control.stats()['statusReasons.delete'] ?? 0);
    const w0 = writes();
    await withPrompter(api, [(items: readonly PickItem<unknown>[]) => items.filter(i => i.value === extra.id), [], 'Cancel'], async p => {
      const r = await vscode.commands.executeCommand<CleanUpResult>('liveperson.statusReasons.cleanUp', { range: '7d', showDiff: false });
      p.assertDone();
      assert.ok(r?.plan && !r.results);
    });
    assert.strictEqual(writes(), w0);
    assert.strictEqual((await client().statusReasons.get(extra.id)).enabled, true, 'unchanged');
  });
});
