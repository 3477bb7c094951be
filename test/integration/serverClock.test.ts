// The extension on the server's clock, inside a real extension host: the emulator runs three days
// ahead of this machine's clock, and time moves only when the test moves the
// emulator's clock (no sleeping). Live Agents counts time in status, and "updated … ago", on the
// server's clock; a timeline preset ends at the server's now.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { AgentsTestHooks } from '../../src/agents';
import type { TimelineTestHooks } from '../../src/timeline';
import type { SentRecord, TimelinePanel } from '../../src/timeline/timelinePanel';
import { emulatorNow, getApi, signInToEmulator, startTestEmulator, waitFor } from './support/fixture';

const MIN = 60_000;
const AWAY_MS = 3 * 24 * 60 * MIN + 17 * MIN;

describe('server clock (the emulator days away from this machine)', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let agents: AgentsTestHooks;
  let emulator: RunningEmulator;
  const refresh = () => vscode.commands.executeCommand('liveperson.agents.refresh');

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    agents = api.agents as AgentsTestHooks;
    // days away from this machine's clock, whatever it says (even at TEST_CLOCK_START itself)
    emulator = await startTestEmulator({ clock: new Date(Date.now() + AWAY_MS) });
    agents.overrideFocused(true);
    // the tree this suite reads is grouped by status, whatever an earlier suite left
    await vscode.commands.executeCommand('liveperson.agents.groupBy', 'status');
    await vscode.commands.executeCommand('liveperson.agents.focus');
    await signInToEmulator(emulator.url);
    await waitFor(() => agents.controller.model.hasData, 'the first load', 30_000);
    await agents.whenIdle();
  });
  after(async () => {
    agents?.overrideFocused(undefined);
    for (const p of (api?.timeline as TimelineTestHooks | undefined)?.panels() ?? []) p.dispose();
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await vscode.workspace.getConfiguration('liveperson').update('agents.groupBy', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.close();
  });

  it('the emulator really is days away from this machine (else this suite proves nothing)', () => {
    assert.ok(Math.abs(emulatorNow(emulator) - Date.now()) > 60 * MIN, `emulator ${new Date(emulatorNow(emulator)).toISOString()}`);
    const c = api.session.active!.client;
    assert.ok(Math.abs(c.serverNow() - emulatorNow(emulator)) < 3000, 'the client follows the Date header');
  });

  it('time in status counts on the server clock: set Away now → "<1 min"; the clock moved 25 min → "25 min"', async () => {
    const { reasons } = await api.session.active!.client.lookups.load();
    const reason = [...reasons.values()].find(r => r.state === 'Away' && r.enabled && !r.deleted)!;
    const agentId = emulator.control.agentIds()[0];
    emulator.control.setAgentStatus(agentId, 'AWAY', reason.id);
    await refresh();
    const first = agents.controller.tree.nodesOfAgent(agentId)[0];
    assert.strictEqual(first.parent?.key, 'away');
    assert.match(first.presentation.description!, /<1 min/, first.presentation.description);
    assert.ok(first.presentation.description!.includes(reason.text));
    assert.match(String(agents.controller.view.description), /just now/);
    // 25½ min: the Date header tells the server's time to the second (the client errs early, never late)
    emulator.control.advanceClock(25.5 * MIN);
    await refresh();
    const later = agents.controller.tree.nodesOfAgent(agentId)[0];
    assert.match(later.presentation.description!, /\b25 min\b/, later.presentation.description);
    assert.match(String(agents.controller.view.description), /just now/, 'updated just now, on the same clock');
  });

  it('a timeline preset (last 24 h) ends at the server clock, not this machine\'s', async () => {
    const agentId = emulator.control.agentIds()[1];
    const panel = await vscode.commands.executeCommand<TimelinePanel>('liveperson.timeline.open', { agentIds: [agentId] });
    const data = await waitFor(() => panel.sent.filter(m => m.type === 'data').at(-1) as Extract<SentRecord, { type: 'data' }> | undefined, 'data', 45_000);
    const server = emulatorNow(emulator);
    assert.ok(data.to <= server && server - data.to < 60_000, `to ${new Date(data.to).toISOString()} vs server ${new Date(server).toISOString()}`);
    assert.strictEqual(data.to - data.from, 24 * 60 * MIN);
    const init = panel.sent.find(m => m.type === 'init') as { clockOffsetMs?: number } | undefined;
    assert.ok(init && Math.abs((init.clockOffsetMs ?? 0) - (server - Date.now())) < 60_000, 'the webview gets the offset for its own "now"');
    panel.dispose();
  });
});
