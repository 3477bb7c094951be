// Live Agents inside a real VS Code extension host, against the bundled emulator: grouping modes,
// filters (argument and the five-step prompt), the reason-text join incl. a deleted reason, a
// partial answer, a page that never arrives (its agents kept stale, the warning counts them), a 429 storm, hidden view → no requests / visible again → one refresh (the real
// TreeView, its time driven by an injected fake clock), pause/resume, the status bar, copy id; and a
// server whose Agent Metrics refuses a login (--agent-metrics-needs-key): the view asks for an API key.
// Tests run in order; each describe starts its own emulator.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LivePersonClient, StatusReason } from '../../src/api/types';
import type { RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { AgentsTestHooks } from '../../src/agents';
import type { AgentNode, GroupNode, TreeNode } from '../../src/agents/agentsTree';
import { statusBarText } from '../../src/agents/statusBarText';
import { systemClock } from '../../src/agents/refreshScheduler';
import { getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';
import { BACK } from './support/scriptedPrompter';
import { FakeClock } from '../unit/agents/fixtures';
import { PAGE_ATTEMPTS } from '../../src/api/agentMetrics';

const C = (verb: string) => `liveperson.agents.${verb}`;

describe('agents (Live Agents)', function () {
  let api: ExtensionApi;
  let hooks: AgentsTestHooks;
  let emulator: RunningEmulator;
  let clock: FakeClock;

  const ctl = () => hooks.controller;
  const client = (): LivePersonClient => {
    const c = api.session.active?.client;
    if (!c) throw new Error('not signed in');
    return c;
  };
  // the agents' nodes (not the account summary row above them)
  const roots = () => ctl().provider.getChildren().filter(n => n.kind === 'agent' || n.kind === 'group') as TreeNode[];
  const groups = () => roots() as GroupNode[];
  const agentsShown = (): AgentNode[] => roots().flatMap(n => (n.kind === 'group' ? n.children : [n]));
  const statusRequests = () => emulator.control.stats()['agentView.status'] ?? 0;
  const interval = () => ctl().scheduler.intervalMs;
  const refresh = () => vscode.commands.executeCommand(C('refresh'));

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    hooks = api.agents as AgentsTestHooks;
    // this suite is about the view without time limits (agentsLimits.test.ts has them)
    await vscode.workspace.getConfiguration('liveperson').update('agents.timeLimits', [], vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('liveperson').update('agents.disconnectedLimitMinutes', 0, vscode.ConfigurationTarget.Global);
    emulator = await startTestEmulator();
    // Headless Chromium may not report a focused window: pin focus; visibility stays real.
    hooks.overrideFocused(true);
    clock = new FakeClock(Date.now());
    hooks.useClock(clock);
    await vscode.commands.executeCommand('liveperson.agents.focus');
    await waitFor(() => ctl().view.visible, 'the Live Agents view to be visible');
    await signInToEmulator(emulator.url);
    await waitFor(() => api.session.active, 'the signed-in account');
    await waitFor(() => ctl().model.hasData, 'the first load (visible + focused → at once)', 30_000);
    await hooks.whenIdle();
  });
  after(async () => {
    api?.setPrompter(undefined);
    hooks?.overrideFocused(undefined);
    hooks?.overrideVisible(undefined);
    hooks?.useClock(systemClock);
    for (const key of ['agents.groupBy', 'agents.timeLimits', 'agents.disconnectedLimitMinutes']) await vscode.workspace.getConfiguration('liveperson').update(key, undefined, vscode.ConfigurationTarget.Global);
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
  });

  it('loads every logged-in agent (all pages), grouped by status with counts; status bar matches', async () => {
    const direct = await client().agentMetrics.allAgents({});
    assert.strictEqual(ctl().model.size, direct.records.length);
    assert.ok(direct.records.length > 5, 'the emulator has logged-in agents');
    assert.deepStrictEqual(groups().map(g => g.label), ['Online', 'Back soon', 'Away', 'Offline']);
    const counts = ctl().model.counts();
    assert.deepStrictEqual(groups().map(g => g.presentation.label), [`Online (${counts.online})`, `Back soon (${counts.backSoon})`, `Away (${counts.away})`, `Offline (${counts.offline})`]);
    assert.strictEqual(groups().reduce((n, g) => n + g.children.length, 0), direct.records.length);
    assert.strictEqual(ctl().statusBar.text, statusBarText(counts));
    assert.strictEqual(ctl().statusBar.visible, true);
    assert.strictEqual(api.contextKey('liveperson.agents.state'), 'ready');
    assert.match(String(ctl().view.description), /just now/);
    assert.ok(!String(ctl().view.description).includes(api.session.active!.label), 'the account is not repeated in Live Agents (Status Reasons shows it)');
    // stable, unique ids; getParent works (reveal needs it)
    const ids = agentsShown().map(n => n.id);
    assert.strictEqual(new Set(ids).size, ids.length);
    const some = agentsShown()[0];
    assert.strictEqual(ctl().provider.getParent(some), some.parent);
    await ctl().view.reveal(some, { select: true, focus: false });
    await waitFor(() => ctl().view.selection[0]?.id === some.id, 'the revealed agent selected'); // reported by the workbench asynchronously
  });

  it('joins the reason id to its text, a deleted reason marked "(deleted)"; tooltip escaped', async () => {
    const { reasons } = await client().lookups.load();
    const deleted = [...reasons.values()].find(r => r.deleted && r.state === 'Away') as StatusReason;
    const fancy = [...reasons.values()].find(r => !r.deleted && /\*\*/.test(r.text)) as StatusReason;
    assert.ok(deleted, 'the emulator seeds a deleted Away reason');
    assert.ok(fancy, 'the emulator seeds a reason whose text holds Markdown (**)');
    const [a, b] = agentsShown().map(n => n.agentId);
    emulator.control.setAgentStatus(a, 'AWAY', deleted.id);
    emulator.control.setAgentStatus(b, 'AWAY', fancy.id);
    await refresh();
    const nodeA = ctl().tree.nodesOfAgent(a)[0];
    const nodeB = ctl().tree.nodesOfAgent(b)[0];
    assert.strictEqual(nodeA.parent?.key, 'away');
    assert.match(nodeA.presentation.description!, new RegExp(`${escapeRe(deleted.text)} \\(deleted\\)`));
    assert.ok(nodeB.presentation.description!.includes(fancy.text), nodeB.presentation.description);
    const item = ctl().provider.resolveTreeItem(ctl().provider.getTreeItem(nodeB), nodeB);
    const md = (item.tooltip as vscode.MarkdownString).value;
    assert.ok(md.includes(`| Agent id | ${b} |`), md);
    assert.ok(md.includes('\\*\\*') && !/[^\\]\*\*now/.test(md), md);
    assert.strictEqual((item.tooltip as vscode.MarkdownString).isTrusted, false);
  });

  it('a change refreshes only the touched nodes; node objects (and the selection) survive', async () => {
    const keep = agentsShown().find(n => n.parent?.key === 'online')!;
    await ctl().view.reveal(keep, { select: true, focus: false });
    const victim = agentsShown().find(n => n.parent?.key === 'online' && n !== keep)!;
    const before = ctl().provider.stats.firedNodes;
    emulator.control.setAgentStatus(victim.agentId, 'BACK_SOON');
    await refresh();
    const d = ctl().lastTreeDelta!;
    assert.strictEqual(d.root, false);
    assert.deepStrictEqual(d.nodes.map(n => n.id).sort(), ['agentGroup:status:backSoon', 'agentGroup:status:online']);
    await ctl().provider.whenFlushed();
    assert.ok(ctl().provider.stats.firedNodes - before <= 3, 'the two groups (and the account summary row)');
    assert.strictEqual(ctl().tree.node(keep.id), keep, 'same node object');
    await waitFor(() => ctl().view.selection[0]?.id === keep.id, 'the selection to survive');
  });

  it('groups by group, skill and none (command argument and quick pick); the setting follows', async () => {
    const total = ctl().model.size;
    await vscode.commands.executeCommand(C('groupBy'), 'group');
    assert.ok(groups().every(g => g.id.startsWith('agentGroup:group:')));
    assert.strictEqual(groups().reduce((n, g) => n + g.children.length, 0), total);
    assert.strictEqual(vscode.workspace.getConfiguration('liveperson').get('agents.groupBy'), 'group');
    await vscode.commands.executeCommand(C('groupBy'), 'skill');
    const ids = agentsShown().map(n => n.id);
    assert.strictEqual(new Set(ids).size, ids.length, 'unique ids under skill grouping');
    const multi = ctl().model.all().find(r => r.skills.length > 1);
    assert.ok(multi, 'the emulator seeds agents with several skills');
    assert.strictEqual(ctl().tree.nodesOfAgent(multi.agentId).length, multi.skills.length);
    assert.ok(ids.length >= total);
    await vscode.commands.executeCommand(C('groupBy'), 'none');
    assert.strictEqual(roots().length, total);
    assert.ok(roots().every(n => n.kind === 'agent' && n.id === `agent:${n.agentId}`));
    await withPrompter(api, ['Status'], async p => {
      assert.strictEqual(await vscode.commands.executeCommand(C('groupBy')), 'status');
      p.assertDone();
    });
    assert.deepStrictEqual(groups().map(g => g.label), ['Online', 'Back soon', 'Away', 'Offline']);
    await withPrompter(api, [], async p => {
      await vscode.commands.executeCommand(C('groupBy'), 'colour');
      assert.match(p.lastMessage('error')?.message ?? '', /Unknown grouping "colour"/);
    });
  });

  it('filters by argument and through the five steps (with Back); description and context key follow; clear', async () => {
    await vscode.commands.executeCommand(C('filter'), { statuses: ['AWAY'] });
    assert.ok(agentsShown().length > 0 && agentsShown().every(n => n.row.state === 'away'));
    assert.deepStrictEqual(groups().map(g => g.label), ['Away'], 'a status filter shows only its status groups');
    assert.match(String(ctl().view.description), /^filter: Away · /);
    assert.strictEqual(api.contextKey('liveperson.agents.filtered'), true);
    const someSkill = ctl().model.all().find(r => r.skills.length)!.skills[0];
    const needle = ctl().model.all().find(r => r.skills.some(s => s.id === someSkill.id))!.displayName.slice(0, 3);
    await withPrompter(api, [
      ['Online', 'Back soon', 'Away'], // step 1
      BACK, // step 2 → back to 1
      ['Online', 'Back soon', 'Away'],
      (items: readonly { value: unknown }[]) => items.filter(i => i.value === someSkill.id) as never, // skills
      [], // groups: any
      'Any connection state',
      needle,
    ], async p => {
      const f = await vscode.commands.executeCommand<{ skillIds?: string[]; nameContains?: string }>(C('filter'));
      p.assertDone();
      assert.deepStrictEqual(f?.skillIds, [someSkill.id]);
    });
    assert.ok(agentsShown().length > 0);
    for (const n of agentsShown()) {
      assert.ok(n.row.skills.some(s => s.id === someSkill.id));
      assert.ok(n.row.displayName.toLowerCase().includes(needle.toLowerCase()) || (n.row.loginName ?? '').toLowerCase().includes(needle.toLowerCase()));
    }
    await vscode.commands.executeCommand(C('filter'), { nameContains: 'no agent is called this' });
    assert.deepStrictEqual(roots(), []);
    assert.strictEqual(api.contextKey('liveperson.agents.state'), 'empty');
    await vscode.commands.executeCommand(C('clearFilter'));
    assert.strictEqual(api.contextKey('liveperson.agents.filtered'), false);
    assert.strictEqual(agentsShown().length, ctl().model.size);
    assert.doesNotMatch(String(ctl().view.description), /filter/);
  });

  it('agents with the same display name are told apart by login name; the filter wizard shows agent counts; "name contains" ignores the login domain', async () => {
    await vscode.commands.executeCommand(C('clearFilter'));
    const all = ctl().model.all();
    // namesakes are found among every user of the account (as the timeline does), not only the logged-in ones
    const users = [...(await api.session.active!.client.lookups.load()).users.values()].filter(u => !u.deleted);
    const namesById = new Map(users.map(u => [u.id, u.displayName.toLowerCase()]));
    for (const r of all) namesById.set(r.agentId, r.displayName.toLowerCase());
    const holders = (name: string) => [...namesById.values()].filter(n => n === name.toLowerCase()).length;
    const byName = new Map<string, typeof all>();
    for (const r of all) byName.set(r.displayName.toLowerCase(), [...(byName.get(r.displayName.toLowerCase()) ?? []), r]);
    const twins = all.filter(r => holders(r.displayName) > 1);
    assert.ok([...byName.values()].some(l => l.length > 1), 'the seed has logged-in agents sharing a display name');
    assert.ok(twins.some(r => byName.get(r.displayName.toLowerCase())!.length === 1), 'and one whose namesake is not logged in');
    for (const r of twins) {
      const label = ctl().tree.nodesOfAgent(r.agentId)[0].presentation.label;
      assert.strictEqual(label, `${r.displayName} (${r.loginName!.split('@')[0]})`);
    }
    const twinLabels = twins.map(r => ctl().tree.nodesOfAgent(r.agentId)[0].presentation.label);
    assert.strictEqual(new Set(twinLabels).size, twinLabels.length, 'every twin has a label of its own');
    const single = all.find(r => holders(r.displayName) === 1)!;
    assert.strictEqual(ctl().tree.nodesOfAgent(single.agentId)[0].presentation.label, single.displayName);

    // every login ends in @example.com: the domain matches nobody, a login's local part still matches
    assert.ok(all.every(r => r.loginName?.endsWith('@example.com')));
    await vscode.commands.executeCommand(C('filter'), { nameContains: 'example' });
    assert.deepStrictEqual(agentsShown(), []);
    const local = twins[0].loginName!.split('@')[0];
    await vscode.commands.executeCommand(C('filter'), { nameContains: local });
    assert.deepStrictEqual(agentsShown().map(n => n.agentId), [twins[0].agentId]);

    let skillRows: { label: string; description?: string }[] = [];
    let groupRows: { label: string; description?: string }[] = [];
    await withPrompter(api, [
      [],
      (items: readonly { label: string; description?: string }[]) => { skillRows = [...items]; return [] as never; },
      (items: readonly { label: string; description?: string }[]) => { groupRows = [...items]; return [] as never; },
      undefined,
    ], async () => {
      await vscode.commands.executeCommand(C('filter'));
    });
    assert.ok(skillRows.length > 0 && groupRows.length > 0);
    for (const row of [...skillRows, ...groupRows]) assert.match(row.description ?? '', /^\d+ agents? now$/, `${row.label}: ${row.description}`);
    const someSkill = all.find(r => r.skills.length)!.skills[0];
    const expected = all.filter(r => r.skills.some(s => s.id === someSkill.id)).length;
    assert.strictEqual(skillRows.find(r => r.label === someSkill.name)?.description, `${expected} agent${expected === 1 ? '' : 's'} now`);
    await vscode.commands.executeCommand(C('clearFilter'));
  });

  it('a partial answer keeps known agents (marked stale) and shows a warning message', async () => {
    const before = ctl().model.size;
    emulator.control.setFaults({ partialResult: true });
    try {
      await refresh();
      assert.strictEqual(ctl().model.lastAnswer?.partial, true);
      assert.strictEqual(ctl().model.size, before, 'nobody dropped');
      const stale = ctl().model.all().filter(r => r.stale);
      assert.ok(stale.length > 0, 'the emulator omitted some agents');
      assert.match(String(ctl().view.message), new RegExp(`Partial answer.*${stale.length} agents? missing from it`));
      assert.match(ctl().tree.nodesOfAgent(stale[0].agentId)[0].presentation.description!, /^stale/);
    } finally {
      emulator.control.resetFaults();
    }
    await refresh();
    assert.strictEqual(ctl().model.all().filter(r => r.stale).length, 0);
    assert.ok(!ctl().view.message);
  });

  it('a page that fails after its retries: the agents that arrived are shown, the rest kept stale; the warning says how many are missing', async function () {
    this.timeout(60_000);
    await hooks.whenIdle();
    const count = ctl().model.size;
    const pageSize = Math.ceil(count / 5);
    const pages = Math.ceil(count / pageSize);
    assert.ok(pages >= 2 && pages <= 6, `${pages} pages of ${pageSize}`);
    hooks.usePageSize(pageSize);
    try {
      client().lookups.invalidate();
      await client().lookups.load(); // fresh names: the refresh below sends agent-view requests only
      // Cut-off answers are not retried by Http; all pages are in flight together, round after round
      // (the page retries wait 1 s, 2 s, 4 s): three rounds cut every page, the fourth cuts only the
      // first answer → exactly one page never arrives.
      emulator.control.resetStats();
      emulator.control.setFaults({ truncateBodies: (PAGE_ATTEMPTS - 1) * pages + 1 });
      await refresh();
      assert.strictEqual(statusRequests(), PAGE_ATTEMPTS * pages);
      const last = ctl().model.lastAnswer!;
      assert.strictEqual(last.failedPages, 1);
      assert.strictEqual(ctl().model.size, count, 'nobody dropped');
      const stale = ctl().model.all().filter(r => r.stale);
      assert.ok(stale.length > 0 && stale.length <= pageSize);
      assert.strictEqual(last.missingAgents, stale.length);
      const n = stale.length;
      assert.strictEqual(
        ctl().view.message,
        `⚠ Partial answer: 1 of ${pages} pages failed (≈ ${n} agent${n === 1 ? '' : 's'} missing); showing ${count - n}. ${n} agent${n === 1 ? '' : 's'} missing from it ${n === 1 ? 'is' : 'are'} kept and marked stale.`,
      );
      assert.match(ctl().tree.nodesOfAgent(stale[0].agentId)[0].presentation.description!, /^stale/);
      assert.strictEqual(api.contextKey('liveperson.agents.state'), 'ready');
      assert.strictEqual(ctl().scheduler.failures, 0, 'a partial answer is not a failed refresh');
    } finally {
      emulator.control.resetFaults();
      hooks.usePageSize(undefined);
    }
    await refresh();
    assert.strictEqual(ctl().model.all().filter(r => r.stale).length, 0);
    assert.ok(!ctl().view.message);
  });

  it('hidden view → no requests however long; visible again → exactly one refresh at once', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await waitFor(() => !ctl().view.visible, 'the view to be hidden');
    await hooks.whenIdle();
    emulator.control.resetStats();
    const started = ctl().scheduler.stats.started;
    await clock.advance(30 * 60_000);
    assert.strictEqual(statusRequests(), 0);
    assert.strictEqual(ctl().scheduler.stats.started, started);
    await vscode.commands.executeCommand('liveperson.agents.focus');
    await waitFor(() => ctl().view.visible, 'the view to be visible again');
    await waitFor(() => ctl().scheduler.stats.started > started, 'a refresh on becoming visible');
    await hooks.whenIdle();
    assert.strictEqual(ctl().scheduler.stats.started, started + 1);
    assert.strictEqual(statusRequests(), 1, 'one page for this account');
    // and then the timer: one more per interval
    await clock.advance(interval() - 1);
    assert.strictEqual(ctl().scheduler.stats.started, started + 1);
    await clock.advance(1);
    await hooks.whenIdle();
    assert.strictEqual(ctl().scheduler.stats.started, started + 2);
  });

  it('a 429 storm: no more requests than the backoff allows; the view keeps its data and says so', async function () {
    this.timeout(120_000);
    await hooks.whenIdle();
    const shown = agentsShown().length;
    const stats0 = { ...ctl().scheduler.stats };
    emulator.control.setFaults({ rate429: 1, retryAfterSeconds: 1 });
    emulator.control.resetStats();
    try {
      // 15 virtual minutes: attempts at +0, then +2i, +4i, +8i, … (i = the interval), capped at 10 min.
      const end = clock.now() + 15 * 60_000;
      const attempts: number[] = [];
      for (;;) {
        const next = ctl().scheduler.nextDueAt;
        if (next === undefined || next > end) break;
        await clock.advance(next - clock.now());
        await hooks.whenIdle(); // the client's own 429 retries wait in real time (Retry-After 1 s)
        attempts.push(next);
      }
      assert.strictEqual(ctl().scheduler.stats.started - stats0.started, attempts.length);
      const gaps = attempts.slice(1).map((t, i) => t - attempts[i]);
      assert.deepStrictEqual(gaps, gaps.map((_, i) => Math.min(10 * 60_000, interval() * 2 ** (i + 1))), 'exponential backoff between attempts');
      assert.ok(attempts.length >= 3, `${attempts.length} attempts in 15 virtual minutes`);
      const failed = ctl().scheduler.stats.failed - stats0.failed;
      assert.ok(failed >= 2, `${failed} failed attempts`);
      // each attempt: one page, the first try + the client's 3 retries on 429
      assert.ok(statusRequests() <= attempts.length * 4, `${statusRequests()} requests for ${attempts.length} attempts`);
      assert.strictEqual(agentsShown().length, shown, 'the view keeps its last data');
      assert.match(String(ctl().view.message), /throttling/);
      assert.strictEqual(api.contextKey('liveperson.agents.state'), 'ready');
    } finally {
      emulator.control.resetFaults();
    }
    await refresh();
    assert.ok(!ctl().view.message);
    assert.strictEqual(ctl().scheduler.failures, 0);
  });

  it('pause stops auto-refresh (context key, description); resume refreshes at once', async () => {
    await hooks.whenIdle();
    assert.deepStrictEqual(await vscode.commands.executeCommand(C('toggleAutoRefresh')), { paused: true });
    assert.strictEqual(api.contextKey('liveperson.agents.autoRefreshPaused'), true);
    assert.match(String(ctl().view.description), /^⏸ paused · /, 'paused comes first, so a narrow sidebar still shows it');
    assert.match(ctl().statusBar.text, /^\$\(debug-pause\) /, 'the status bar shows the pause too');
    emulator.control.resetStats();
    await clock.advance(20 * 60_000);
    assert.strictEqual(statusRequests(), 0);
    assert.deepStrictEqual(await vscode.commands.executeCommand(C('toggleAutoRefresh'), false), { paused: false });
    await hooks.whenIdle();
    assert.strictEqual(statusRequests(), 1);
    assert.strictEqual(api.contextKey('liveperson.agents.autoRefreshPaused'), false);
    assert.doesNotMatch(String(ctl().view.description), /paused/);
    assert.doesNotMatch(ctl().statusBar.text, /debug-pause/);
    // the title's pause / play buttons (two menu entries switched by the context key)
    const manifest = vscode.extensions.getExtension('liveperson-tools.liveperson-agent-status')!.packageJSON as { contributes: { commands: { command: string; icon: string }[]; menus: Record<string, { command: string; when?: string }[]> } };
    const inTitle = manifest.contributes.menus['view/title'];
    assert.match(inTitle.find(m => m.command === C('pauseAutoRefresh'))!.when!, /&& !liveperson\.agents\.autoRefreshPaused$/);
    assert.match(inTitle.find(m => m.command === C('resumeAutoRefresh'))!.when!, /&& liveperson\.agents\.autoRefreshPaused$/);
    assert.deepStrictEqual(['pauseAutoRefresh', 'resumeAutoRefresh'].map(v => manifest.contributes.commands.find(c => c.command === C(v))?.icon), ['$(debug-pause)', '$(debug-start)']);
    assert.deepStrictEqual(await vscode.commands.executeCommand(C('pauseAutoRefresh')), { paused: true });
    assert.strictEqual(api.contextKey('liveperson.agents.autoRefreshPaused'), true);
    assert.match(String(ctl().view.description), /^⏸ paused/);
    assert.deepStrictEqual(await vscode.commands.executeCommand(C('resumeAutoRefresh')), { paused: false });
    await hooks.whenIdle();
    assert.strictEqual(api.contextKey('liveperson.agents.autoRefreshPaused'), false);
  });

  it('copies agent ids: a node, a selection, a group, and from the palette via a quick pick', async () => {
    const [n1, n2] = agentsShown();
    assert.strictEqual(await vscode.commands.executeCommand(C('copyId'), n1), n1.agentId);
    assert.strictEqual(await vscode.env.clipboard.readText(), n1.agentId);
    assert.strictEqual(await vscode.commands.executeCommand(C('copyId'), n1, [n1, n2]), `${n1.agentId}\n${n2.agentId}`);
    const away = groups().find(g => g.key === 'away')!;
    assert.deepStrictEqual(await vscode.commands.executeCommand(C('copyId'), away), away.children.map(c => c.agentId).join('\n'));
    await withPrompter(api, [(items: readonly { detail?: string }[]) => items.find(i => i.detail === n2.agentId) as never], async p => {
      assert.strictEqual(await vscode.commands.executeCommand(C('copyId')), n2.agentId);
      p.assertDone();
    });
  });

  it('agent and group nodes are AgentSelections for the timeline; contextValues match the menus', () => {
    const away = groups().find(g => g.key === 'away')!;
    assert.strictEqual(away.label, 'Away');
    assert.deepStrictEqual([...away.agentIds], away.children.map(c => c.agentId));
    assert.match(ctl().provider.getTreeItem(away).contextValue!, /^agentGroup\b/);
    const n = away.children[0];
    assert.deepStrictEqual([...n.agentIds], [n.agentId]);
    assert.match(ctl().provider.getTreeItem(n).contextValue!, /^agent away\b/);
  });

  it('signing out hides the status bar and empties the tree', async () => {
    await vscode.commands.executeCommand('liveperson.signOut');
    await waitFor(() => !api.session.active, 'signed out');
    assert.strictEqual(ctl().statusBar.visible, false);
    assert.deepStrictEqual(roots(), []);
    assert.strictEqual(ctl().model.size, 0);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
