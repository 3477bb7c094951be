// Live Agents supervision inside a real VS Code extension host, against the bundled emulator: time
// limits per state and reason and the disconnected limit (icon, "over by", Over limit group, badge,
// status bar, filter, ticking without requests, one notification per episode), Set Time Limit… on
// agents and reasons, staffing floors, and the account summary (LivePerson's, or computed).
// The account is frozen first: every agent is pinned to its current state through the control API
// (the schedule stops moving it), so only what a test stages changes as the emulator clock moves.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LivePersonClient, StatusReason } from '../../src/api/types';
import type { RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { AgentsTestHooks } from '../../src/agents';
import type { AgentNode, GroupNode, TreeNode } from '../../src/agents/agentsTree';
import type { StatusReasonsTestHooks } from '../../src/statusReasons/testHooks';
import { systemClock } from '../../src/agents/refreshScheduler';
import { getApi, signInToEmulator, startTestEmulator, waitFor } from './support/fixture';
import { type Answer, ScriptedPrompter } from './support/scriptedPrompter';
import { FakeClock } from '../unit/agents/fixtures';

const MIN = 60_000;
const config = () => vscode.workspace.getConfiguration('liveperson');
const SETTINGS = ['agents.timeLimits', 'agents.disconnectedLimitMinutes', 'agents.notifyOverLimit', 'agents.minimumOnline', 'agents.groupBy'];

describe('agents: time limits, staffing floors, account summary', function () {
  let api: ExtensionApi;
  let hooks: AgentsTestHooks;
  let emulator: RunningEmulator;
  let prompter: ScriptedPrompter;
  let lunch: StatusReason;
  let ids: { reason: string; away: string; disconnected: string };

  const ctl = () => hooks.controller;
  const client = (): LivePersonClient => api.session.active!.client;
  const roots = () => ctl().provider.getChildren().filter(n => n.kind === 'agent' || n.kind === 'group') as TreeNode[];
  const shown = (): AgentNode[] => roots().flatMap(n => (n.kind === 'group' ? n.children : [n]));
  const node = (agentId: string) => ctl().tree.nodesOfAgent(agentId).find(n => n.parent?.key !== 'overLimit') ?? ctl().tree.nodesOfAgent(agentId)[0];
  const refresh = () => vscode.commands.executeCommand('liveperson.agents.refresh');
  const warnings = () => prompter.messages.filter(m => m.level === 'warn');
  /** answers for one command, then back to the suite's recording prompter (which the notifications reach) */
  const withAnswers = async <T>(answers: Answer[], fn: (p: ScriptedPrompter) => Promise<T>): Promise<T> => {
    const p = new ScriptedPrompter(answers);
    api.setPrompter(p);
    try {
      return await fn(p);
    } finally {
      api.setPrompter(prompter);
    }
  };
  /** the view's clock restarted at the real now (the server offset then keeps it on the emulator's time) */
  const resyncClock = () => {
    const clock = new FakeClock(Date.now());
    hooks.useClock(clock);
    return clock;
  };

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    hooks = api.agents as AgentsTestHooks;
    emulator = await startTestEmulator();
    hooks.overrideFocused(true);
    resyncClock();
    prompter = new ScriptedPrompter([]);
    api.setPrompter(prompter);
    // the reason rule's reason: an enabled Away reason of the seed
    lunch = emulator.control.reasons().find(r => r.state === 'Away' && r.enabled && !r.deleted) as unknown as StatusReason;
    await config().update('agents.timeLimits', [{ state: 'Away', minutes: 15 }, { state: 'Back soon', minutes: 10 }, { state: 'Away', reason: lunch.text.toUpperCase(), minutes: 30 }], vscode.ConfigurationTarget.Global);
    await config().update('agents.disconnectedLimitMinutes', 2, vscode.ConfigurationTarget.Global);
    await config().update('agents.notifyOverLimit', true, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('liveperson.agents.focus');
    await waitFor(() => ctl().view.visible, 'the Live Agents view to be visible');
    await signInToEmulator(emulator.url);
    await waitFor(() => ctl().model.hasData, 'the first load', 30_000);
    await hooks.whenIdle();
    ctl().setPaused(true); // only the tests refresh (and the fake clock's ticks re-render)
    // freeze the account: everyone logged in goes Online and connected, everyone else stays logged out
    const live = new Set((await client().agentMetrics.allAgents({})).records.map(r => String(r.agentId)));
    for (const id of emulator.control.agentIds()) emulator.control.setAgentStatus(id, live.has(id) ? 'ONLINE' : 'OFFLINE');
    const [a, b, c] = [...live];
    ids = { reason: a, away: b, disconnected: c };
    await refresh();
    assert.strictEqual(ctl().tree.overLimit.size, 0, 'frozen Online: nobody over');
  });

  after(async () => {
    api?.setPrompter(undefined);
    ctl()?.setPaused(false);
    hooks?.overrideFocused(undefined);
    hooks?.useClock(systemClock);
    await vscode.commands.executeCommand('liveperson.agents.clearFilter');
    for (const key of SETTINGS) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
      await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
  });

  it('each kind of limit, crossed on the emulator clock: icon, "over by", rule in the tooltip, Over limit group first, badge, status bar; one batched notification', async () => {
    emulator.control.setAgentStatus(ids.reason, 'AWAY', lunch.id);
    emulator.control.setAgentStatus(ids.away, 'AWAY');
    emulator.control.setAgentStatus(ids.disconnected, 'ONLINE', undefined, { connected: false });
    const before = warnings().length;
    emulator.control.advanceClock(20 * MIN + 30_000);
    resyncClock();
    await refresh();
    // Away 15 → over by 5; Lunch (its own rule, 30) not over; disconnected 2 → over by 18
    const away = node(ids.away), reason = node(ids.reason), disc = node(ids.disconnected);
    assert.match(away.presentation.description!, /^over by 5 min · /);
    assert.strictEqual(away.presentation.iconId, 'warning');
    assert.strictEqual(away.presentation.colorId, 'list.warningForeground');
    assert.match(disc.presentation.description!, /^over by 18 min · disconnected/);
    assert.doesNotMatch(reason.presentation.description!, /over by/, 'the reason rule (30 min) beats the Away rule (15 min)');
    assert.notStrictEqual(reason.presentation.iconId, 'warning');
    const tip = (n: AgentNode) => (ctl().provider.resolveTreeItem(ctl().provider.getTreeItem(n), n).tooltip as vscode.MarkdownString).value;
    assert.match(tip(away), /over by 5 min — rule Away\\?: 15 min/);
    assert.match(tip(disc), /rule logged in but disconnected\\?: 2 min/);
    const first = roots()[0] as GroupNode;
    assert.strictEqual(first.presentation.label, 'Over limit (2)');
    assert.deepStrictEqual(first.children.map(n => n.agentId).sort(), [ids.away, ids.disconnected].sort());
    assert.deepStrictEqual(ctl().view.badge, { value: 2, tooltip: '2 agents over their time limit' });
    assert.match(ctl().statusBar.text, / \$\(warning\) 2$/);
    const fresh = warnings().slice(before);
    assert.strictEqual(fresh.length, 1, fresh.map(m => m.message).join(' | '));
    assert.match(fresh[0].message, /^2 agents over their time limit: /);
    assert.deepStrictEqual(fresh[0].actions, ['Show', 'Open Timeline']);
    for (const id of [ids.away, ids.disconnected]) assert.ok(fresh[0].message.includes(ctl().model.get(id)!.displayName));
  });

  it('time ticks between refreshes without a request: the reason limit is crossed on the view clock alone; no second notification for the same episode', async function () {
    this.timeout(30_000);
    const clock = resyncClock();
    await refresh(); // the offset to the emulator's clock, fresh
    const requests = emulator.control.stats()['agentView.status'] ?? 0;
    const before = warnings().length;
    await clock.advance(11 * MIN + 30_000); // Lunch at 20.5 + 11.5 min = 32 → over by 1 (2 min of margin for the real seconds)
    assert.strictEqual(emulator.control.stats()['agentView.status'] ?? 0, requests, 'no request');
    assert.match(node(ids.reason).presentation.description!, /^over by [12] min · /);
    assert.match(node(ids.away).presentation.description!, /^over by 1[67] min/, 'the others tick on');
    assert.strictEqual(ctl().view.badge?.value, 3);
    const fresh = warnings().slice(before);
    assert.strictEqual(fresh.length, 1, 'one notification: the new episode only');
    assert.match(fresh[0].message, /is over their time limit\.$/);
    assert.ok(fresh[0].message.startsWith(ctl().model.get(ids.reason)!.displayName));
  });

  it('a new state is a new episode (notified again); Show reveals the agent', async () => {
    resyncClock();
    emulator.control.setAgentStatus(ids.away, 'BACK_SOON');
    emulator.control.advanceClock(10 * MIN + 30_000);
    await withAnswers([{ action: 'Show' }], async p => {
      await refresh();
      await waitFor(() => p.messages.length && (ctl().view.selection[0] as AgentNode | undefined)?.agentId === ids.away, 'Show to reveal the agent');
      assert.match(p.messages[0].message, new RegExp(`^${escapeRe(ctl().model.get(ids.away)!.displayName)} is over their time limit`));
      assert.match(node(ids.away).presentation.description!, /^over by <1 min/);
    });
  });

  it('Show Only Agents Over Limit: only they are listed, the description says so; Clear Filter lists everyone again', async () => {
    await vscode.commands.executeCommand('liveperson.agents.showOverLimit');
    const over = [...ctl().tree.overLimit.keys()].sort();
    assert.ok(over.length >= 3);
    assert.deepStrictEqual([...new Set(shown().map(n => n.agentId))].sort(), over);
    assert.match(String(ctl().view.description), /filter: over limit/);
    await vscode.commands.executeCommand('liveperson.agents.clearFilter');
    assert.strictEqual(new Set(shown().map(n => n.agentId)).size, ctl().model.size);
  });

  it('Set Time Limit… on a status group: bad minutes refused in the box (typed value kept), saved at the scope picked; empty removes it', async () => {
    const awayGroup = roots().find(n => n.kind === 'group' && n.key === 'away') as GroupNode;
    await withAnswers(['0', '1441', '25', 'Workspace settings'], async p => {
      const r = await vscode.commands.executeCommand('liveperson.agents.setTimeLimit', awayGroup);
      assert.deepStrictEqual(r, { state: 'Away', minutes: 25, scope: 'workspace' });
      assert.strictEqual(p.validationMessages.length, 2, 'two refused values');
      assert.match(p.validationMessages[0], /1 to 1440/);
      assert.match(p.validationMessages[1], /out of range/);
    });
    const ws = config().inspect('agents.timeLimits')?.workspaceValue as unknown[];
    assert.deepStrictEqual(ws[0], { state: 'Away', minutes: 25 }, 'from the rules in force, the Away one replaced in place');
    assert.strictEqual(ws.length, 3, 'the other rules kept');
    await withAnswers(['', 'Workspace settings'], async p => {
      const r = await vscode.commands.executeCommand<{ minutes?: number; scope: string }>('liveperson.agents.setTimeLimit', { state: 'Away' });
      assert.strictEqual(r.minutes, undefined, 'removed');
      assert.strictEqual(p.inputOptions[0].value, '25', 'the box opened with the limit in force there');
    });
    assert.strictEqual((config().inspect('agents.timeLimits')?.workspaceValue as unknown[]).length, 2);
    await config().update('agents.timeLimits', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('Set Time Limit… on a reason (Status Reasons): its tooltip shows the limit', async () => {
    const reasons = api.statusReasons as StatusReasonsTestHooks;
    await vscode.commands.executeCommand('liveperson.statusReasons.refresh');
    await withAnswers(['45', 'User settings'], async () => {
      assert.deepStrictEqual(await vscode.commands.executeCommand('liveperson.statusReasons.setTimeLimit', { id: lunch.id }), { state: 'Away', reason: lunch.text, minutes: 45, scope: 'user' });
    });
    const user = config().inspect('agents.timeLimits')?.globalValue as { reason?: string; minutes: number }[];
    assert.strictEqual(user.filter(r => r.reason !== undefined).length, 1, 'one rule for the reason (matched case-insensitively), replaced');
    assert.deepStrictEqual(user.find(r => r.reason !== undefined), { state: 'Away', reason: lunch.text, minutes: 45 });
    const tooltip = async () => (await reasons.rows()).flatMap(g => g.children ?? []).find(r => r.id === `statusReason:${lunch.id}`)?.tooltip ?? '';
    await waitFor(async () => (await tooltip()).includes('Time limit: 45 min (its own)'), 'the reason tooltip to show its limit');
  });

  it('staffing floors: "N online · needs M" on the group node, the status bar warns, one notification; an unknown group is reported, not a crash', async () => {
    const rows = ctl().model.all();
    const group = rows.find(r => r.groupId !== undefined && r.groupName)!;
    const online = rows.filter(r => r.groupId === group.groupId && r.state === 'online' && r.connected).length;
    const before = warnings().length;
    await config().update('agents.minimumOnline', [{ group: group.groupName!.toLowerCase(), online: online + 2 }, { group: 'No Such Group', online: 1 }], vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('liveperson.agents.groupBy', 'group');
    const g = await waitFor(() => roots().find(n => n.kind === 'group' && n.key === group.groupId) as GroupNode | undefined, 'the group node');
    await waitFor(() => g.presentation.description === `${online} online · needs ${online + 2}`, `the floor on the node (${g.presentation.description})`);
    assert.strictEqual(g.presentation.colorId, 'list.warningForeground');
    assert.match(ctl().statusBar.text, new RegExp(`\\$\\(organization\\) ${escapeRe(group.groupName!.toLowerCase())} ${online}/${online + 2}`));
    const fresh = warnings().slice(before);
    assert.strictEqual(fresh.length, 1);
    assert.match(fresh[0].message, /^Below the staffing floor — /);
    assert.deepStrictEqual(ctl().supervision.problems.filter(p => /No Such Group/.test(p)).length, 1, 'reported once');
    await refresh();
    assert.strictEqual(warnings().length, before + 1, 'not again while it stays short');
    assert.strictEqual(ctl().supervision.problems.filter(p => /No Such Group/.test(p)).length, 1);
    await config().update('agents.minimumOnline', [{ group: group.groupName!, online }], vscode.ConfigurationTarget.Global);
    await waitFor(() => g.presentation.description === `${online} online · needs ${online}`, 'the floor met');
    assert.notStrictEqual(g.presentation.colorId, 'list.warningForeground');
    assert.doesNotMatch(ctl().statusBar.text, /organization/);
    await config().update('agents.minimumOnline', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('liveperson.agents.groupBy', 'status');
  });

  it('the account summary: LivePerson’s (agentManagerWorkspace) when the account has it, else computed from the agents, and the tooltip says which', async function () {
    this.timeout(30_000);
    await refresh();
    const s = await waitFor(() => (ctl().provider.summary?.summary.source === 'agentManagerWorkspace' ? ctl().provider.summary : undefined), 'the server summary');
    assert.strictEqual(ctl().provider.getChildren()[0], s, 'the first row');
    const raw = await client().agentMetrics.summary({});
    const logged = (raw.results.numOnlineAgents ?? 0) + (raw.results.numAwayAgents ?? 0) + (raw.results.numBackSoonAgents ?? 0);
    assert.strictEqual(s.summary.loggedIn, logged);
    assert.strictEqual(s.summary.overLimit, ctl().tree.overLimit.size);
    const item = ctl().provider.resolveTreeItem(ctl().provider.getTreeItem(s), s);
    assert.match(String(item.label), new RegExp(`^${logged} logged in · \\d+% online$`));
    assert.match(String(item.description), new RegExp(`· ${ctl().tree.overLimit.size} over limit$`));
    assert.match((item.tooltip as vscode.MarkdownString).value, /Agent Metrics summary \(agentManagerWorkspace\)/);
    emulator.control.setFaults({ notFoundPaths: ['/manager_workspace/', '/messaging_history/api/account/'.concat(api.session.active!.accountId, '/agent-view/summary')] });
    try {
      await refresh();
      const c = await waitFor(() => (ctl().provider.summary?.summary.source === 'computed' ? ctl().provider.summary : undefined), 'the computed summary');
      const rows = ctl().model.all().filter(r => r.state !== 'offline');
      assert.strictEqual(c.summary.loggedIn, rows.length);
      assert.strictEqual(c.summary.open, rows.reduce((n, r) => n + (r.openConversations ?? 0), 0));
      const tipText = (ctl().provider.resolveTreeItem(ctl().provider.getTreeItem(c), c).tooltip as vscode.MarkdownString).value;
      assert.match(tipText, /computed from the agents fetched — this account has no Agent Metrics summary service/);
    } finally {
      emulator.control.resetFaults();
    }
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
