// Deep links inside a real VS Code extension host, against the bundled emulator: the registered
// URI handler's logic (api.deepLinks.open, the same object window.registerUriHandler got) opens the
// timeline a link names, refuses bad links with one message, asks before switching to a saved
// account and offers Sign In for an unknown one, and reveals a status reason; Copy Link (panel and
// agent) produces links that open the same view again.
// Run: HOST_ROOT=/work/main/.vscode-test PORT=19000 GREP='deep link' npm run test:integration
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO, type RunningEmulator } from '../../src/emulator';
import type { DeepLinksTestHooks, LinkOutcome } from '../../src/deepLinks';
import type { ExtensionApi } from '../../src/extensionApi';
import { buildDeepLink, parseDeepLinkText, type TimelineLink } from '../../src/shared/deepLink';
import type { StatusReasonsTestHooks } from '../../src/statusReasons/testHooks';
import type { TimelineTestHooks } from '../../src/timeline';
import type { TimelinePanel } from '../../src/timeline/timelinePanel';
import { emulatorNow, getApi, signInToEmulator, startTestEmulator, waitFor, withPrompter } from './support/fixture';

const HOUR = 3_600_000;

describe('deep links', function () {
  this.timeout(90_000);
  let api: ExtensionApi;
  let links: DeepLinksTestHooks;
  let timeline: TimelineTestHooks;
  let reasons: StatusReasonsTestHooks;
  let emulator: RunningEmulator;

  const uri = (text: string) => vscode.Uri.parse(text, true);
  const link = (l: Omit<TimelineLink, 'kind' | 'account'> & { account?: string }) => uri(buildDeepLink({ kind: 'timeline', account: DEMO.accountId, ...l }, vscode.env.uriScheme));
  const panelOf = (o: LinkOutcome): TimelinePanel => {
    assert.strictEqual(o.kind, 'timeline', 'message' in o ? o.message : o.kind);
    return (o as { panel: TimelinePanel }).panel;
  };

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    links = api.deepLinks as DeepLinksTestHooks;
    timeline = api.timeline as TimelineTestHooks;
    reasons = api.statusReasons as StatusReasonsTestHooks;
    emulator = await startTestEmulator();
    await signInToEmulator(emulator.url);
  });
  afterEach(() => {
    for (const p of timeline.panels()) p.dispose();
  });
  after(async () => {
    await emulator?.close();
  });

  it('opens the timeline a link names: account, agents, range and zone, with no question asked', async () => {
    const ids = emulator.control.agentIds().slice(0, 2);
    const to = emulatorNow(emulator) - 60_000;
    const from = to - 6 * HOUR;
    const panel = await withPrompter(api, [], async p => {
      const o = await links.open(link({ agents: ids, from, to, tz: 'utc' }));
      p.assertDone();
      assert.deepStrictEqual(p.messages, [], 'no popup');
      return panelOf(o);
    });
    assert.deepStrictEqual(timeline.panels(), [panel]);
    assert.strictEqual(panel.state.accountId, DEMO.accountId);
    assert.deepStrictEqual(panel.state.scope.kind === 'agents' && [...panel.state.scope.agentIds].sort(), [...ids].sort());
    assert.deepStrictEqual(panel.state.range, { kind: 'custom', from, to });
    assert.strictEqual(panel.state.timeZone, 'utc');
    const data = await waitFor(() => panel.sent.find(m => m.type === 'data'), 'the data of the link’s range', 45_000);
    assert.ok(data.type === 'data' && data.from === from && data.to === to);

    // ISO times with an offset, epoch ms, `all` — as a person would type them
    const typed = `${vscode.env.uriScheme}://liveperson-tools.liveperson-agent-status/timeline?account=${DEMO.accountId}&agents=all&from=${new Date(from).toISOString().replace('Z', '+00:00')}&to=${to}`;
    const all = panelOf(await withPrompter(api, [], () => links.open(uri(typed))));
    assert.deepStrictEqual(all.state.scope, { kind: 'all' });
    assert.deepStrictEqual(all.state.range, { kind: 'custom', from, to });
  });

  it('refuses a bad link with one message naming the problem, and opens nothing', async () => {
    const now = emulatorNow(emulator);
    const base = `${vscode.env.uriScheme}://liveperson-tools.liveperson-agent-status`;
    const cases: [vscode.Uri, RegExp][] = [
      [uri(`${base}/agents?account=${DEMO.accountId}`), /cannot be opened: “\/agents” is not a known link/],
      [uri(`${base}/timeline?account=${DEMO.accountId}&agents=all&from=yesterday&to=${now}`), /cannot be opened: from “yesterday” is not a time/],
      [uri(`${base}/timeline?account=${DEMO.accountId}&agents=all&to=${now}`), /cannot be opened: “from” is missing/],
      [link({ agents: 'all', from: now - 40 * 24 * HOUR, to: now - HOUR }), /cannot be opened: its range is refused: .*longer than one month/],
      [link({ agents: 'all', from: now - HOUR, to: now + 3 * HOUR }), /cannot be opened: its range is refused: .*in the future/],
      [link({ agents: 'all', from: now - 400 * 24 * HOUR, to: now - 399 * 24 * HOUR }), /cannot be opened: its range is refused: .*months ago/],
    ];
    for (const [u, expected] of cases) {
      await withPrompter(api, [], async p => {
        const o = await links.open(u);
        assert.strictEqual(o.kind, 'refused', u.toString(true));
        assert.strictEqual(p.messages.length, 1, `one message for ${u.toString(true)}`);
        assert.strictEqual(p.messages[0].level, 'error');
        assert.match(p.messages[0].message, expected);
        assert.strictEqual((o as { message: string }).message, p.messages[0].message);
      });
    }
    assert.deepStrictEqual(timeline.panels(), [], 'no panel for a bad link');
  });

  it('a link for an account not signed in here says whose it is and offers Sign In; nothing opens', async () => {
    const now = emulatorNow(emulator);
    await withPrompter(api, [], async p => {
      const o = await links.open(link({ account: '99887766', agents: 'all', from: now - HOUR, to: now - 60_000 }));
      assert.strictEqual(o.kind, 'notSwitched');
      assert.deepStrictEqual(p.messages.map(m => [m.level, m.actions]), [['warn', ['Sign In…']]]);
      assert.match(p.messages[0].message, new RegExp(`for LivePerson account 99887766, which is not signed in here; the active account is ${DEMO.accountId}`));
    });
    assert.deepStrictEqual(timeline.panels(), []);
    assert.strictEqual(api.session.active?.accountId, DEMO.accountId, 'the active account is unchanged');
  });

  it('reveals the status reason a link names (selected in the tree); a missing id gets a clear message', async () => {
    await reasons.load();
    const target = reasons.reasons().find(r => !r.deleted)!;
    const reasonLink = (id: string) => uri(buildDeepLink({ kind: 'reason', account: DEMO.accountId, id }, vscode.env.uriScheme));
    await withPrompter(api, [], async p => {
      const o = await links.open(reasonLink(target.id));
      assert.deepStrictEqual(o, { kind: 'reason', id: target.id });
      assert.deepStrictEqual(p.messages, []);
    });
    await waitFor(() => reasons.selection().includes(target.id) || undefined, 'the reason selected in the Status Reasons view');
    assert.deepStrictEqual(reasons.selection(), [target.id]);
    await withPrompter(api, [], async p => {
      const o = await links.open(reasonLink('424242'));
      assert.strictEqual(o.kind, 'refused');
      assert.deepStrictEqual(p.messages.map(m => m.level), ['error']);
      assert.match(p.messages[0].message, new RegExp(`Account ${DEMO.accountId} has no status reason with id 424242`));
    });
  });

  it('Copy Link to This View and on an agent: links that open the same view again', async () => {
    const ids = emulator.control.agentIds().slice(0, 3);
    const to = emulatorNow(emulator) - 60_000;
    const from = to - 3 * HOUR;
    const panel = await vscode.commands.executeCommand<TimelinePanel>('liveperson.timeline.open', { agentIds: ids, from, to, timeZone: 'utc' });
    await waitFor(() => panel.isReady, 'the webview app to say ready', 45_000);
    const copied = await vscode.commands.executeCommand<string>('liveperson.timeline.copyLink');
    assert.ok(copied?.startsWith(`${vscode.env.uriScheme}://liveperson-tools.liveperson-agent-status/timeline?`), copied);
    assert.strictEqual(await vscode.env.clipboard.readText(), copied);
    assert.doesNotMatch(copied, new RegExp([DEMO.appSecret, DEMO.accessTokenSecret, DEMO.accessToken].join('|')), 'no secret in a link');
    assert.deepStrictEqual(parseDeepLinkText(copied), { ok: true, link: { kind: 'timeline', account: DEMO.accountId, agents: ids, from, to, tz: 'utc' } });
    // the webview's button posts copyLink; the host answers with a notice
    await panel.receive({ type: 'copyLink' });
    assert.strictEqual(panel.lastLink, copied);
    assert.ok(panel.sent.some(m => m.type === 'notice' && /Copied a link to this view/.test(m.text)));
    panel.dispose();
    const again = panelOf(await withPrompter(api, [], () => links.open(uri(copied))));
    assert.deepStrictEqual({ ...again.state.scope, label: '' }, { ...panel.state.scope, label: '' });
    assert.deepStrictEqual([again.state.range, again.state.timeZone], [panel.state.range, 'utc']);

    const agentLink = await vscode.commands.executeCommand<string>('liveperson.agents.copyLink', { agentIds: [ids[0]], label: 'Someone' });
    const parsed = parseDeepLinkText(agentLink ?? '');
    assert.ok(parsed.ok && parsed.link.kind === 'timeline', agentLink);
    assert.deepStrictEqual(parsed.link.agents, [ids[0]]);
    const now = api.session.active!.client.serverNow();
    assert.ok(Math.abs(parsed.link.to - now) < 60_000 && parsed.link.to - parsed.link.from === 24 * HOUR, 'the default range (24 h) ending now on the server’s clock');
  });

  it('a link for a saved account that is not active asks before switching; declined, nothing opens; accepted, it opens there', async () => {
    await vscode.commands.executeCommand('liveperson.openDemo');
    assert.strictEqual(api.session.active?.isDemo, true);
    const now = emulatorNow(emulator);
    const l = link({ agents: 'all', from: now - 2 * HOUR, to: now - HOUR });
    try {
      await withPrompter(api, [false], async p => {
        const o = await links.open(l);
        p.assertDone();
        assert.strictEqual(o.kind, 'notSwitched');
        assert.match(p.prompts[0].message ?? '', new RegExp(`This link is for LivePerson account ${DEMO.accountId}; the active account is ${DEMO.accountId} \\(demo\\)`));
      });
      assert.deepStrictEqual(timeline.panels(), []);
      assert.strictEqual(api.session.active?.isDemo, true, 'still the demo account');
      const panel = await withPrompter(api, [true], async p => {
        const o = await links.open(l);
        p.assertDone();
        return panelOf(o);
      });
      assert.strictEqual(api.session.active?.isDemo, false, 'switched to the saved account');
      assert.strictEqual(panel.state.accountId, DEMO.accountId);
    } finally {
      if (api.session.active?.isDemo) await vscode.commands.executeCommand('liveperson.switchAccount', { accountId: DEMO.accountId });
    }
  });
});
