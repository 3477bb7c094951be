// Open as JSON inside a real VS Code extension host, against the bundled emulator: a reason, a
// multi-selection of reasons (the tree's (node, selectedNodes) arguments), an agent, a status node
// of Live Agents and the palette's quick pick open read-only `liveperson:` documents whose JSON is
// what the API returns for those ids (fetched independently), with no secret in them (one the server echoes in a reason text is masked); running the
// command again after a rename refreshes the open document in place.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AgentStatusRecord, LivePersonClient } from '../../src/api/types';
import type { RunningEmulator } from '../../src/emulator';
import { DEMO } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { AgentsTestHooks } from '../../src/agents';
import type { GroupNode } from '../../src/agents/agentsTree';
import type { StatusReasonsTestHooks } from '../../src/statusReasons/testHooks';
import { getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';

const LUNCH = '3201442712';
const TEAM_MEETING = '3201442912';
const SMOKING = '3201443812'; // seeded deleted
const SECRETS = [DEMO.password, DEMO.appKey, DEMO.appSecret, DEMO.accessToken, DEMO.accessTokenSecret, DEMO.clientSecret, DEMO.bearerToken];

describe('open as json', function () {
  let api: ExtensionApi;
  let reasons: StatusReasonsTestHooks;
  let agents: AgentsTestHooks;
  let emulator: RunningEmulator;

  const client = (): LivePersonClient => {
    const c = api.session.active?.client;
    if (!c) throw new Error('not signed in');
    return c;
  };
  const open = async (...args: unknown[]): Promise<vscode.TextDocument> => {
    const uri = await vscode.commands.executeCommand<string | undefined>('liveperson.openAsJson', ...args);
    assert.ok(uri, 'the command returns the document URI');
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri);
    assert.ok(doc, `the document ${uri} is open`);
    return doc;
  };
  /** the document is in memory (not a file), JSON, and names no secret */
  const checkSafe = (doc: vscode.TextDocument) => {
    assert.strictEqual(doc.uri.scheme, 'liveperson');
    assert.strictEqual(doc.languageId, 'json');
    const text = doc.getText();
    for (const s of SECRETS) assert.ok(!text.includes(s), `no “${s}” in the document`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const serverReasons = async (ids: string[]) => {
    const { items } = await client().statusReasons.list({ includeDeleted: true });
    return ids.map(id => items.find(r => r.id === id));
  };
  const serverAgents = async (ids: string[]): Promise<AgentStatusRecord[]> => {
    const { records } = await client().agentMetrics.allAgents({ agentIds: ids });
    return ids.map(id => records.find(r => r.agentId === id)!).filter(Boolean);
  };

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    reasons = api.statusReasons as StatusReasonsTestHooks;
    agents = api.agents as AgentsTestHooks;
    emulator = await startTestEmulator();
    emulator.control.setClockRate(1e-9); // (almost) stopped: agent durations stay put between the document's fetch and the test's
    await signInToEmulator(emulator.url);
    await waitFor(() => api.session.active, 'the signed-in account');
    await reasons.load();
  });
  after(async () => {
    api?.setPrompter(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (api?.session.active) await vscode.commands.executeCommand('liveperson.signOut');
    await emulator?.close();
  });

  it('a reason node: its record, read-only at liveperson:/<account>/status-reasons/<id>.json, no secret', async () => {
    const doc = await open(reasons.node(LUNCH), [reasons.node(LUNCH)]);
    assert.strictEqual(doc.uri.path, `/${DEMO.accountId}/status-reasons/${LUNCH}.json`);
    const json = checkSafe(doc);
    assert.match(String(json._source), /Status Reasons API.*parsed by the extension’s client/);
    assert.strictEqual(json.accountId, DEMO.accountId);
    assert.deepStrictEqual(json.statusReasons, await serverReasons([LUNCH]));
    assert.notStrictEqual(doc.uri.scheme, 'file');
    assert.strictEqual(doc.isUntitled, false, 'a provider’s document, not an untitled (saveable) one');
  });

  it('a multi-selection: every selected record, in selection order; a deleted reason by id', async () => {
    const ids = [TEAM_MEETING, LUNCH];
    const doc = await open(reasons.node(LUNCH), ids.map(id => reasons.node(id)));
    assert.strictEqual(doc.uri.path, `/${DEMO.accountId}/status-reasons/${ids.join(',')}.json`);
    assert.deepStrictEqual(checkSafe(doc).statusReasons, await serverReasons(ids));
    const deleted = checkSafe(await open({ reasons: [SMOKING] }));
    assert.deepStrictEqual(deleted.statusReasons, await serverReasons([SMOKING]));
    assert.strictEqual((deleted.statusReasons as { deleted: boolean }[])[0].deleted, true);
  });

  it('refreshes: after a rename through the API, running it again updates the open document', async () => {
    const doc = await open({ reasons: [LUNCH] });
    const before = doc.getText();
    const [lunch] = await serverReasons([LUNCH]);
    await client().statusReasons.update({ ...lunch!, text: 'Lunch (renamed for JSON)' });
    await open({ reasons: [LUNCH] });
    await waitFor(() => doc.getText() !== before && doc.getText().includes('Lunch (renamed for JSON)'), 'the open document to show the new text');
    const json = checkSafe(doc);
    assert.deepStrictEqual(json.statusReasons, await serverReasons([LUNCH]));
    assert.strictEqual((json.statusReasons as { text: string }[])[0].text, 'Lunch (renamed for JSON)');
  });

  it('a secret the server echoes in a record (a reason text holding the API key’s token secret) is masked', async () => {
    const [meeting] = await serverReasons([TEAM_MEETING]);
    await client().statusReasons.update({ ...meeting!, text: `Meeting ${DEMO.accessTokenSecret}` });
    const doc = await open({ reasons: [TEAM_MEETING] });
    const json = checkSafe(doc);
    assert.strictEqual((json.statusReasons as { text: string }[])[0].text, 'Meeting ‹redacted›');
    const [echoed] = await serverReasons([TEAM_MEETING]);
    await client().statusReasons.update({ ...echoed!, text: meeting!.text }); // the suites after this one see the seeded text
  });

  it('an agent node and a status node of Live Agents: the agent-view records of those agents', async function () {
    this.timeout(60_000);
    agents.overrideFocused(true);
    await vscode.commands.executeCommand('liveperson.agents.focus');
    await waitFor(() => agents.controller.model.hasData, 'Live Agents loaded', 30_000);
    await agents.whenIdle();
    const group = agents.controller.provider.getChildren().find((n): n is GroupNode => n.kind === 'group' && n.children.length > 1);
    assert.ok(group, 'a status node with agents');
    const agent = group.children[0];
    const one = await open(agent, [agent]);
    assert.strictEqual(one.uri.path, `/${DEMO.accountId}/agents/${agent.agentIds[0]}.json`);
    let json = checkSafe(one);
    assert.match(String(json._source), /Agent Metrics API/);
    assert.deepStrictEqual(json.agents, await serverAgents([...agent.agentIds]));
    const all = await open(group, [group]);
    json = checkSafe(all);
    assert.deepStrictEqual((json.agents as AgentStatusRecord[]).map(a => a.agentId), [...group.agentIds]);
    assert.deepStrictEqual(json.agents, await serverAgents([...group.agentIds]));
    agents.overrideFocused(undefined);
  });

  it('from the palette: a quick pick of what to open (every status reason of the account)', async () => {
    const doc = await withPrompter(api, ['Status reasons'], async p => {
      const d = await open();
      p.assertDone();
      return d;
    });
    assert.strictEqual(doc.uri.path, `/${DEMO.accountId}/status-reasons.json`);
    const json = checkSafe(doc);
    assert.deepStrictEqual(json.statusReasons, (await client().statusReasons.list({ includeDeleted: true })).items);
  });
});
