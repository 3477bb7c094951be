// Activity Timeline inside a real VS Code extension host, against the bundled emulator: the panel
// opens for a selection (explicit args, tree nodes, the palette), its webview app says `ready`, the
// host sends the right agents and range, the serializer restores a panel (UI state only, data
// refetched), a key without the Agent Activity permission gets a 403 explained in the panel,
// cancellation stops a slow load, bad messages are refused, exports write files, time over the
// limits (liveperson.agents.timeLimits) is marked and totalled, and re-marked when the setting changes.
// Run: PORT=18104 GREP='timeline' npm run test:integration
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEMO, LIMITED_KEY, type RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { PickItem } from '../../src/platform/prompter';
import type { PanelUiState } from '../../src/shared/protocol';
import type { TimelineTestHooks } from '../../src/timeline';
import type { SentRecord, TimelinePanel } from '../../src/timeline/timelinePanel';
import { emulatorNow, getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';

const OPEN = 'liveperson.timeline.open';
const HOUR = 3_600_000;
type DataRecord = Extract<SentRecord, { type: 'data' }>;

describe('timeline', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let hooks: TimelineTestHooks;
  let emulator: RunningEmulator;
  let tmp: string;

  const stat = (route: string) => emulator.control.stats()[route] ?? 0;
  /** ranges are the server's: the emulator runs at TEST_CLOCK_START, days away from this machine's clock */
  const emuNow = () => emulatorNow(emulator);
  const records = (p: TimelinePanel, type: SentRecord['type']) => p.sent.filter(m => m.type === type);
  const dataOf = (p: TimelinePanel) => waitFor(() => records(p, 'data').at(-1) as DataRecord | undefined, 'a data message', 45_000);
  const open = async (args: unknown, ...more: unknown[]) => {
    const panel = await vscode.commands.executeCommand<TimelinePanel | undefined>(OPEN, args, ...more);
    assert.ok(panel, 'the command returns the panel it opened');
    return panel;
  };

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    hooks = api.timeline as TimelineTestHooks;
    emulator = await startTestEmulator();
    await signInToEmulator(emulator.url);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-timeline-'));
  });
  afterEach(() => {
    emulator.control.resetFaults();
    for (const p of hooks.panels()) p.dispose();
  });
  after(async () => {
    await vscode.workspace.getConfiguration('liveperson').update('agents.timeLimits', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('opens for explicit agents, answers ready, and receives those agents over the asked range', async () => {
    const ids = emulator.control.agentIds().slice(0, 3);
    const to = emuNow() - 60_000;
    const from = to - 12 * HOUR;
    const before = stat('statusChanges');
    const panel = await open({ agentIds: ids, from, to });
    assert.strictEqual(panel.panel.viewType, 'liveperson.timeline');
    assert.match(panel.panel.title, /^Activity Timeline — 3 agents, /);
    await waitFor(() => panel.isReady, 'the webview app to say ready', 45_000);
    const init = records(panel, 'init')[0];
    assert.ok(init, 'init is sent after ready');
    const data = await dataOf(panel);
    assert.deepStrictEqual([...data.agentIds].sort(), [...ids].sort(), 'one lane per selected agent, no others');
    assert.strictEqual(data.from, from);
    assert.strictEqual(data.to, to);
    assert.ok(data.intervals > 0, 'the emulator has activity for these agents');
    assert.ok(records(panel, 'loading').length >= 1, 'progress was reported');
    assert.ok(stat('statusChanges') - before >= ids.length, 'one activity query per agent (agentId filter)');
    // the data the panel holds is consistent with what was sent
    const current = panel.current;
    assert.ok(current);
    assert.strictEqual(current.dataset.start.length, data.intervals);
    for (let i = 0; i < current.dataset.start.length; i++) assert.ok(current.dataset.start[i] >= from && current.dataset.end[i] <= to, 'intervals are clipped to the range');
  });

  it('opens from Live Agents tree nodes: the union of the selected nodes’ agents, with the live "now" segment', async () => {
    const ids = emulator.control.agentIds();
    emulator.control.setAgentStatus(ids[4], 'ONLINE');
    emulator.control.setAgentStatus(ids[5], 'AWAY');
    const a = { agentIds: [ids[4]], label: 'Agent A' };
    const group = { kind: 'group', agentIds: [ids[5], ids[6], ids[4]], label: 'Billing' };
    const panel = await open(a, [a, group]);
    assert.match(panel.panel.title, /3 agents, last/);
    const data = await dataOf(panel);
    assert.deepStrictEqual([...data.agentIds].sort(), [ids[4], ids[5], ids[6]].sort());
    assert.ok(data.to >= emuNow() - 5 * 60_000, 'a preset ends now');
    assert.strictEqual(data.to, data.now);
    const ds = panel.current?.dataset;
    assert.ok(ds);
    // every agent the live view knows ends with an open interval reaching "now"
    const client = api.session.active?.client;
    assert.ok(client);
    const live = await client.agentMetrics.allAgents({ agentIds: [ids[4], ids[5], ids[6]] });
    assert.ok(live.records.some(r => r.agentId === ids[4]) && live.records.some(r => r.agentId === ids[5]), 'the live view knows the agents set online/away');
    for (const r of live.records) {
      const lane = ds.lanes.findIndex(l => l.agentId === r.agentId);
      const last: number = ds.laneOffsets[lane + 1] - 1;
      assert.ok(last >= ds.laneOffsets[lane], `lane of ${r.agentId} has intervals`);
      assert.strictEqual(ds.end[last], data.now, `lane of ${r.agentId} reaches now`);
      assert.strictEqual(ds.flags[last] & 1, 1, `lane of ${r.agentId} ends open`);
    }
    const group1 = await open(group);
    assert.match(group1.panel.title, /Billing \(3 agents\)/);
  });

  it('survives a reload through the serializer: UI state restored, data fetched again', async () => {
    const ids = emulator.control.agentIds().slice(10, 12);
    const panel = await open({ agentIds: ids });
    await dataOf(panel);
    // what the webview would have saved: zoomed in, UTC, grouped
    const saved: PanelUiState = { ...panel.state, timeZone: 'utc', groupByGroup: true, view: { start: emuNow() - 3 * HOUR, end: emuNow() - HOUR } };
    await panel.receive({ type: 'uiState', state: saved });
    const state = JSON.parse(JSON.stringify(panel.state)) as unknown;
    panel.dispose();
    const before = stat('statusChanges');
    const fresh = vscode.window.createWebviewPanel('liveperson.timeline', 'Activity Timeline', vscode.ViewColumn.Active, {});
    const opened = new Promise<TimelinePanel>(resolve => { const d = hooks.onDidOpen(p => { d.dispose(); resolve(p); }); });
    await hooks.serializer.deserializeWebviewPanel(fresh, state);
    const restored = await opened;
    assert.strictEqual(restored.panel, fresh);
    assert.deepStrictEqual(restored.state, saved, 'range, zoom, options and agents come back');
    await waitFor(() => restored.isReady, 'the restored webview to say ready', 45_000);
    const init = records(restored, 'init')[0];
    assert.ok(init && init.type === 'init');
    assert.deepStrictEqual(init.state.view, saved.view, 'the webview gets its zoom back');
    const data = await dataOf(restored);
    assert.deepStrictEqual([...data.agentIds].sort(), [...ids].sort());
    assert.ok(stat('statusChanges') > before, 'the data was fetched again, not restored');
    // a broken saved state still gives a working panel
    const broken = vscode.window.createWebviewPanel('liveperson.timeline', 'Activity Timeline', vscode.ViewColumn.Active, {});
    const opened2 = new Promise<TimelinePanel>(resolve => { const d = hooks.onDidOpen(p => { d.dispose(); resolve(p); }); });
    await hooks.serializer.deserializeWebviewPanel(broken, { version: 99, scope: '<script>' });
    assert.deepStrictEqual((await opened2).state.scope, { kind: 'all' });
  });

  it('explains a 403 in the panel when the key lacks the Agent Activity permission', async () => {
    await vscode.commands.executeCommand('liveperson.signIn', {
      accountId: DEMO.accountId,
      credentials: { kind: 'oauth1', appKey: LIMITED_KEY.appKey, secret: LIMITED_KEY.appSecret, accessToken: LIMITED_KEY.accessToken, accessTokenSecret: LIMITED_KEY.accessTokenSecret },
      csdsUrl: emulator.url,
    });
    try {
      const panel = await open({ agentIds: emulator.control.agentIds().slice(0, 1) });
      const err = await waitFor(() => records(panel, 'error').at(-1), 'an error message', 45_000);
      assert.ok(err.type === 'error');
      assert.strictEqual(err.error.kind, 'permission');
      assert.match(`${err.error.title} ${err.error.message} ${err.error.hint}`, /Agent Activity/);
      assert.ok(err.error.actions.some(a => a.id === 'signIn'), 'offers to sign in with another key');
      assert.strictEqual(records(panel, 'data').length, 0);
      assert.ok(!JSON.stringify(err).includes(LIMITED_KEY.appSecret) && !JSON.stringify(err).includes(LIMITED_KEY.accessTokenSecret), 'no secret reaches the webview');
    } finally {
      await signInToEmulator(emulator.url);
    }
  });

  it('cancels a slow load: no data, a cancelled answer, and the next load works', async () => {
    emulator.control.setFaults({ latencyMs: 700 });
    const panel = await open({ agentIds: 'all', from: emuNow() - 7 * 24 * HOUR, to: emuNow() });
    await waitFor(() => records(panel, 'loading').length > 0, 'loading to start', 45_000);
    await panel.receive({ type: 'cancel' });
    const cancelled = await waitFor(() => records(panel, 'cancelled').at(-1), 'the cancelled answer', 30_000);
    await panel.whenIdle();
    assert.strictEqual(records(panel, 'data').length, 0, 'nothing was drawn for the cancelled request');
    assert.ok(cancelled.type === 'cancelled');
    emulator.control.resetFaults();
    await panel.receive({ type: 'load', range: { kind: 'preset', preset: '24h' } });
    const data = await dataOf(panel);
    assert.ok(data.requestId > cancelled.requestId);
    assert.match(panel.panel.title, /all agents, last 24 h/);
  });

  it('refuses malformed webview messages and ranges that break the API rules, before sending', async () => {
    const panel = await open({ agentIds: emulator.control.agentIds().slice(0, 1) });
    await dataOf(panel);
    const sent = panel.sent.length;
    const calls = stat('statusChanges');
    await panel.receive({ type: 'load', range: { kind: 'custom', from: 10, to: 5 } });
    await panel.receive({ type: 'export', format: 'xlsx' });
    await panel.receive({ type: 'launch', url: 'https://example.invalid' });
    await panel.receive('ready');
    assert.strictEqual(panel.refused.length, 4);
    assert.strictEqual(panel.sent.length, sent, 'nothing was answered');
    // a custom window longer than a month is refused in the panel, with no request
    await panel.receive({ type: 'load', range: { kind: 'custom', from: emuNow() - 40 * 24 * HOUR, to: emuNow() - HOUR } });
    const err = await waitFor(() => records(panel, 'error').at(-1), 'a validation error');
    assert.ok(err.type === 'error' && err.error.kind === 'validation');
    assert.match(err.error.message, /one month/);
    // and the command refuses an old range before anything is sent
    await withPrompter(api, [], async p => {
      const result = await vscode.commands.executeCommand(OPEN, { agentIds: 'all', from: emuNow() - 200 * 24 * HOUR, to: emuNow() - 190 * 24 * HOUR });
      assert.strictEqual(result, undefined);
      assert.match(p.messages.at(-1)?.message ?? '', /6 months/);
    });
    assert.strictEqual(stat('statusChanges'), calls);
  });

  it('exports CSV and JSON through the save dialog and copies totals as Markdown', async () => {
    const ids = emulator.control.agentIds().slice(20, 22);
    const panel = await open({ agentIds: ids });
    const data = await dataOf(panel);
    const csv = path.join(tmp, 'intervals.csv');
    const json = path.join(tmp, 'timeline.json');
    await withPrompter(api, [{ file: csv }, { file: json }], async p => {
      await panel.receive({ type: 'export', format: 'csv' });
      await panel.receive({ type: 'export', format: 'json' });
      p.assertDone();
    });
    const lines = fs.readFileSync(csv, 'utf8').trim().split('\r\n');
    assert.strictEqual(lines[0], 'agentId,agentName,loginName,group,state,reason,start,end,durationSeconds,sessionId,open');
    assert.strictEqual(lines.length, data.intervals + 1);
    const doc = JSON.parse(fs.readFileSync(json, 'utf8')) as { agents: { agentId: string; intervals: unknown[] }[] };
    assert.deepStrictEqual(doc.agents.map(a => a.agentId).sort(), [...ids].sort());
    await panel.receive({ type: 'copyTotals' });
    const md = panel.lastCopied ?? '';
    assert.match(md, /^\*\*Agent activity\*\*/);
    assert.match(md, /\| Agent \| Online \| Back soon \| Away \| Offline \| Logged in \|/);
    assert.match(md, /\*\*All agents\*\*/);
  });

  it('an empty range still answers with the agent’s (empty) lane, and the time-zone setting reaches open panels', async () => {
    const from = emuNow() - 3 * 24 * HOUR;
    const panel = await open({ agentIds: ['999999001'], from, to: from + HOUR });
    const data = await dataOf(panel);
    assert.deepStrictEqual(data.agentIds, ['999999001']);
    assert.strictEqual(data.intervals, 0, 'no activity and no live segment for a past range');
    const config = vscode.workspace.getConfiguration('liveperson');
    const tz = panel.state.timeZone === 'utc' ? 'local' : 'utc';
    await config.update('timeline.timeZone', tz, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => panel.state.timeZone === tz, 'the panel to follow the setting');
      const msg = records(panel, 'state').at(-1);
      assert.ok(msg && msg.type === 'state' && msg.state.timeZone === tz, 'the webview is told');
    } finally {
      await config.update('timeline.timeZone', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a panel belongs to its account: another account’s agents load nothing, "all agents" follows the active account', async () => {
    const ids = emulator.control.agentIds().slice(30, 32);
    const calls = stat('statusChanges');
    const restore = async (state: PanelUiState) => {
      const fresh = vscode.window.createWebviewPanel('liveperson.timeline', 'Activity Timeline', vscode.ViewColumn.Active, {});
      const opened = new Promise<TimelinePanel>(resolve => { const d = hooks.onDidOpen(p => { d.dispose(); resolve(p); }); });
      await hooks.serializer.deserializeWebviewPanel(fresh, JSON.parse(JSON.stringify(state)));
      return opened;
    };
    const base: PanelUiState = { version: 1, accountId: '87654321', scope: { kind: 'agents', agentIds: ids, label: '2 agents' }, range: { kind: 'preset', preset: '24h' }, timeZone: 'utc', groupByGroup: false, density: 'comfortable' };
    const theirs = await restore(base);
    assert.strictEqual(theirs.state.accountId, '87654321', 'the serializer state remembers the account');
    assert.match(theirs.panel.title, /account 87654321$/);
    const err = await waitFor(() => records(theirs, 'error').at(-1), 'the other-account message', 45_000);
    assert.ok(err.type === 'error');
    assert.strictEqual(err.error.kind, 'account');
    assert.match(err.error.title, /belongs to account 87654321/);
    assert.match(`${err.error.message} ${err.error.hint}`, new RegExp(`signed in to account ${DEMO.accountId}`));
    assert.deepStrictEqual(err.error.actions.map(a => a.id).slice(0, 2), ['switchAccount', 'openNew']);
    // Refresh does not load those ids from the active account
    await theirs.receive({ type: 'load', range: { kind: 'preset', preset: '7d' } });
    await theirs.whenIdle();
    assert.strictEqual(records(theirs, 'error').filter(m => m.type === 'error' && m.error.kind === 'account').length, 2);
    assert.strictEqual(records(theirs, 'data').length, 0);
    assert.strictEqual(stat('statusChanges'), calls, 'nothing was requested for another account’s agents');
    // a webview cannot move the panel to another account
    await theirs.receive({ type: 'uiState', state: { ...base, accountId: DEMO.accountId } });
    assert.strictEqual(theirs.state.accountId, '87654321');
    // the demo account shares its id with the real one but holds other people: it is another account
    const demoPanel = await restore({ ...base, accountId: `demo:${DEMO.accountId}` });
    assert.match(demoPanel.panel.title, new RegExp(`account ${DEMO.accountId} \\(demo\\)$`));
    const demoErr = await waitFor(() => records(demoPanel, 'error').at(-1), 'the other-account message for the demo panel', 45_000);
    assert.ok(demoErr.type === 'error' && demoErr.error.kind === 'account');
    assert.match(demoErr.error.title, new RegExp(`belongs to account ${DEMO.accountId} \\(demo\\)`));
    assert.strictEqual(stat('statusChanges'), calls);
    // an "all agents" panel follows the active account, and says so in its title
    const all = await restore({ ...base, scope: { kind: 'all' } });
    await dataOf(all);
    assert.strictEqual(all.state.accountId, DEMO.accountId);
    assert.match(all.panel.title, new RegExp(`^Activity Timeline — all agents, last 24 h · account ${DEMO.accountId}$`));
  });

  it('sign-out clears an open panel and shows the signed-out state; signing in again reloads it', async () => {
    const panel = await open({ agentIds: emulator.control.agentIds().slice(0, 2) });
    const first = await dataOf(panel);
    assert.match(panel.panel.title, new RegExp(`account ${DEMO.accountId}$`));
    try {
      await vscode.commands.executeCommand('liveperson.signOut');
      const err = await waitFor(() => records(panel, 'error').at(-1), 'the signed-out state', 15_000);
      assert.ok(err.type === 'error');
      assert.strictEqual(err.error.title, 'Signed out');
      assert.match(err.error.message, new RegExp(`account ${DEMO.accountId}.*cleared`));
      assert.strictEqual(panel.current, undefined, 'the old account’s data is gone');
      await panel.whenIdle();
      assert.ok(!records(panel, 'cancelled').length, 'no “cancelled” hides the signed-out state');
    } finally {
      await signInToEmulator(emulator.url);
    }
    const again = await waitFor(() => (records(panel, 'data') as DataRecord[]).filter(m => m.requestId > first.requestId).at(-1), 'the reload after signing in', 45_000);
    assert.ok(again.intervals > 0);
  });

  it('a username/password session: Agent Activity asks for an API key for the same account', async () => {
    await signInToEmulator(emulator.url, 'login');
    try {
      const panel = await open({ agentIds: emulator.control.agentIds().slice(0, 1) });
      const err = await waitFor(() => records(panel, 'error').at(-1), 'the API key message', 45_000);
      assert.ok(err.type === 'error');
      assert.strictEqual(err.error.title, 'Agent Activity needs an API key');
      assert.ok(!/signed out/i.test(err.error.title));
      assert.match(err.error.message, /Data → Workforce Management → Agent Status Changes \(older pages: “Agent Activity API”\)/);
      assert.deepStrictEqual(err.error.actions[0], { id: 'signInWithKey', label: 'Sign In with an API Key…' });
      // the button signs in to THIS account: the account id comes pre-filled (cancelled here)
      await withPrompter(api, [undefined], async p => {
        await panel.receive({ type: 'action', action: 'signInWithKey' });
        assert.strictEqual(p.prompts[0]?.kind, 'input');
        assert.strictEqual(p.prompts[0]?.value, DEMO.accountId);
      });
      assert.strictEqual(api.session.active?.accountId, DEMO.accountId, 'still signed in');
    } finally {
      await signInToEmulator(emulator.url);
    }
  });

  it('refuses a custom range ending in the future instead of silently cutting it', async () => {
    const panel = await open({ agentIds: emulator.control.agentIds().slice(0, 1) });
    await dataOf(panel);
    const calls = stat('statusChanges');
    await panel.receive({ type: 'load', range: { kind: 'custom', from: emuNow() - 2 * HOUR, to: emuNow() + 2 * HOUR } });
    const err = await waitFor(() => records(panel, 'error').at(-1), 'a validation error');
    assert.ok(err.type === 'error' && err.error.kind === 'validation');
    assert.match(err.error.message, /in the future/);
    // the command's from/to follow the same rule
    await withPrompter(api, [], async p => {
      const result = await vscode.commands.executeCommand(OPEN, { agentIds: 'all', from: emuNow() - HOUR, to: emuNow() + HOUR });
      assert.strictEqual(result, undefined);
      assert.match(p.messages.at(-1)?.message ?? '', /in the future/);
    });
    assert.strictEqual(stat('statusChanges'), calls);
  });

  it('a lone agent whose name another agent of the account shares is labelled like its tree row', async () => {
    const client = api.session.active?.client;
    assert.ok(client);
    const users = [...(await client.lookups.load()).users.values()];
    const twin = users.find(u => u.loginName && !u.deleted && users.some(o => o.id !== u.id && o.displayName.trim().toLowerCase() === u.displayName.trim().toLowerCase()));
    assert.ok(twin, 'the emulator seed has agents sharing a display name');
    const panel = await open({ agentIds: [twin.id] });
    await dataOf(panel);
    const lane = panel.current?.dataset.lanes[0];
    assert.strictEqual(lane?.label, `${twin.displayName} (${twin.loginName.split('@')[0]})`);
  });

  it('marks and totals the time over a limit; a change of the setting re-marks the open panel without a refetch', async () => {
    const config = vscode.workspace.getConfiguration('liveperson');
    const reason = emulator.control.reasons().find(r => r.state === 'Away' && r.enabled && !r.deleted);
    assert.ok(reason, 'the emulator seed has an enabled Away reason');
    const id = emulator.control.agentIds()[40];
    const client = api.session.active?.client;
    assert.ok(client);
    const LIMIT = (minutes: number) => [{ state: 'Away', reason: reason.text, minutes }];
    try {
      await config.update('agents.timeLimits', LIMIT(5), vscode.ConfigurationTarget.Global);
      // the agent goes away with the reason, and 20 minutes pass on the server's clock
      emulator.control.setAgentStatus(id, 'ONLINE');
      emulator.control.advanceClock(60_000);
      emulator.control.setAgentStatus(id, 'AWAY', reason.id);
      emulator.control.advanceClock(20 * 60_000);
      // when the away time began, as the live view (the panel's "now" segment) reports it
      const live = (await client.agentMetrics.allAgents({ agentIds: [id] })).records.find(r => r.agentId === id);
      assert.ok(live && live.currentStatus === 'AWAY' && live.currentStatusReason === reason.id, 'the agent is away with the reason');
      const since = live.currentStatusStartTime;
      assert.ok(since !== undefined);
      // a window from the start of the away time to a moment ago: one away interval, [since, to)
      const to = emuNow() - 30_000;
      assert.ok(to - since > 19 * 60_000, 'about 20 minutes away');
      const panel = await open({ agentIds: [id], from: since, to });
      const data = await dataOf(panel);
      assert.strictEqual(data.overLimitParts, 1, 'one interval ran over');
      const totalsOf = () => { const t = panel.current?.totals; assert.ok(t); return t; };
      const mine = totalsOf().perAgent[id];
      assert.strictEqual(mine.byState.away, to - since, 'the whole window is away');
      // over a reason rule: from the reason's start + 5 minutes to the end of the window
      const over5 = to - since - 5 * 60_000;
      assert.strictEqual(mine.overMs, over5);
      assert.strictEqual(mine.byReason[reason.id]?.overMs, over5);
      assert.strictEqual(totalsOf().overall.overMs, over5);

      // a longer limit: the open panel is re-marked, nothing is fetched again
      const calls = stat('statusChanges');
      const marks = records(panel, 'overLimit').length;
      await config.update('agents.timeLimits', LIMIT(12), vscode.ConfigurationTarget.Global);
      const remarked = await waitFor(() => records(panel, 'overLimit')[marks], 'the panel to be re-marked');
      assert.ok(remarked.type === 'overLimit' && remarked.requestId === data.requestId);
      assert.deepStrictEqual(remarked.rules, [`Away · ${reason.text}: 12 min`]);
      assert.strictEqual(remarked.totals.perAgent[id].overMs, to - since - 12 * 60_000);
      assert.strictEqual(totalsOf().perAgent[id].overMs, to - since - 12 * 60_000, 'what the panel holds (copy, export) follows');
      // a state rule longer than the away time: nothing is over
      await config.update('agents.timeLimits', [{ state: 'Away', minutes: 30 }], vscode.ConfigurationTarget.Global);
      const none = await waitFor(() => records(panel, 'overLimit')[marks + 1], 'the panel to be re-marked again');
      assert.ok(none.type === 'overLimit');
      assert.strictEqual(none.parts, 0);
      assert.strictEqual(none.totals.overall.overMs, 0);
      assert.strictEqual(stat('statusChanges'), calls, 'no refetch');
      assert.strictEqual(records(panel, 'data').length, 1);
    } finally {
      await config.update('agents.timeLimits', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('opens from the palette: agents picked, then a preset range', async () => {
    const ids = emulator.control.agentIds();
    const pickTwo = (items: readonly PickItem<unknown>[]) => items.filter(i => i.value === ids[1] || i.value === ids[2]);
    await withPrompter(api, ['Choose agents…', pickTwo, 'Last 7 days'], async p => {
      const panel = await vscode.commands.executeCommand<TimelinePanel>(OPEN);
      p.assertDone();
      assert.ok(panel);
      assert.deepStrictEqual(panel.state.range, { kind: 'preset', preset: '7d' });
      const data = await dataOf(panel);
      assert.deepStrictEqual([...data.agentIds].sort(), [ids[1], ids[2]].sort());
    });
  });
});
