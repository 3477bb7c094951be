// Secrets never leak, checked end to end inside a real extension host: sign in with every method
// (username + password, API key OAuth 1.0a, OAuth 2.0 client credentials, bearer token), run a session of every command, provoke
// errors (wrong credentials, emulator faults, and a hostile server that echoes the credentials it
// received back in every encoding), then look for every secret in every encoding in the whole
// code-server run dir (user data: logs incl. the LivePerson output channel, state, settings; the
// workspace), in the browser profile (where the web workbench keeps globalState, webview state and
// SecretStorage), in every message shown and in the webview's state and messages: 0 hits.
// Run: PORT=18120 GREP='secretLeaks' npm run test:integration
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Credentials } from '../../src/api/types';
import { DEMO, type RunningEmulator } from '../../src/emulator';
import type { ExtensionApi } from '../../src/extensionApi';
import type { Prompter, PickItem } from '../../src/platform/prompter';
import type { StatusReasonsTestHooks } from '../../src/statusReasons/testHooks';
import type { TimelineTestHooks } from '../../src/timeline';
import { demoCredentials, getApi, startTestEmulator, waitFor } from './support/fixture';

interface Secret { label: string; value: string; user?: string }
interface Needle { label: string; bytes: Buffer[] }

/** Answers everything a session may ask (confirm: yes; pick: the "Apply…/Create…" item, else the first) and records every message. */
class RecordingPrompter implements Prompter {
  readonly texts: string[] = [];
  async input(o: { title?: string; value?: string; prompt?: string }) { this.texts.push(`input ${o.title ?? ''} ${o.prompt ?? ''} ${o.value ?? ''}`); return undefined; }
  async pick<T>(items: readonly PickItem<T>[]) {
    this.texts.push(...items.map(i => `${i.label} ${i.description ?? ''} ${i.detail ?? ''}`));
    return (items.find(i => /^(Apply|Create|Use the active editor)/.test(i.label)) ?? items[0])?.value;
  }
  async pickMany<T>(items: readonly PickItem<T>[]) { this.texts.push(...items.map(i => i.label)); return items.map(i => i.value); }
  async confirm(message: string, o: { detail?: string }) { this.texts.push(message, o.detail ?? ''); return true; }
  async info(message: string, ...actions: string[]) { this.texts.push(message, ...actions); return undefined; }
  async warn(message: string, ...actions: string[]) { this.texts.push(message, ...actions); return undefined; }
  async error(message: string, ...actions: string[]) { this.texts.push(message, ...actions); this.errors.push(message); return undefined; }
  async openFile() { return undefined; }
  async saveFile() { return undefined; }
  readonly errors: string[] = [];
}

// Typed by a user and refused (wrong) or sent to the hostile server: characters that every encoding changes.
const WRONG_PASSWORD = 'Wr0ng p@ss/wörd+"x"\\';
const WRONG_TOKEN = 'wrong/token+y==';
const WRONG_SECRET = 'wr0ng-s3cr3t/ä+1'; // no English phrase in its first 12 characters: the cut needle must not match a test title in a log
const HOSTILE: Credentials[] = [
  { kind: 'login', username: 'victim', password: 'Hostile p@ss/wörd+"1"\\ä' },
  { kind: 'bearer', token: 'hostile/bearer+token=2' },
  { kind: 'oauth1', appKey: 'hostile-key/3+', secret: 'hostile secret/4', accessToken: 'hostile token+5', accessTokenSecret: 'hostile/secret 6' },
];

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64').replace(/=+$/, '');
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
/** base64 characters that depend on the secret only, when it starts 1 or 2 bytes into a larger base64 value (long enough never to match by chance) */
function base64Cores(s: string): string[] {
  const bytes = Buffer.from(s, 'utf8');
  return [1, 2].map(k => Buffer.concat([Buffer.alloc(k), bytes]).toString('base64').slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6))).filter(c => c.length >= 12);
}

/** Every form a secret may be written in: raw, percent-encoded (upper/lower hex, encodeURI, form), JSON-escaped, base64/base64url (alone, inside a larger value, as a Basic credential). */
function formsOf(secret: Secret): [string, string][] {
  const s = secret.value;
  const upper = encodeURIComponent(s);
  const forms: [string, string][] = [
    ['raw', s], ['percent-encoded', upper], ['percent-encoded lower-case', upper.replace(/%[0-9A-F]{2}/g, h => h.toLowerCase())],
    ['encodeURI', encodeURI(s)], ['form-encoded', new URLSearchParams({ x: s }).toString().slice(2)],
    ['JSON-escaped', JSON.stringify(s).slice(1, -1)], ['JSON-escaped with \\/', JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/')],
    ['JSON-escaped, percent-encoded', encodeURIComponent(JSON.stringify(s).slice(1, -1))],
    ['base64', b64(s)], ['base64url', b64url(s)], ['base64 of JSON-escaped', b64(JSON.stringify(s).slice(1, -1))],
    ...base64Cores(s).map((c, i): [string, string] => [`base64 at offset ${i + 1}`, c]),
    ...base64Cores(JSON.stringify(s).slice(1, -1)).map((c, i): [string, string] => [`base64 of JSON-escaped at offset ${i + 1}`, c]),
  ];
  if (secret.user !== undefined) forms.push(['Basic credential', b64(`${secret.user}:${s}`)]);
  // what is left of a long form a message cut short (`…`) — the first 12 characters
  for (const [form, v] of [...forms]) if (v.length >= 16) forms.push([`${form}, cut after 12 characters`, v.slice(0, 12)]);
  const seen = new Set<string>();
  return forms.filter(([, v]) => v.length >= 4 && !seen.has(v) && seen.add(v));
}

function needlesOf(secrets: Secret[]): Needle[] {
  return secrets.flatMap(secret => formsOf(secret).map(([form, v]) => {
    const bytes = [Buffer.from(v, 'utf8'), Buffer.from(v, 'utf16le'), Buffer.from(v, 'utf16le').swap16()];
    if (/[^\x00-\x7f]/.test(v) && /^[\x00-\xff]*$/.test(v)) bytes.push(Buffer.from(v, 'latin1'));
    return { label: `${secret.label} (${form})`, bytes };
  }));
}

/** "needle in file" for every needle found in any of the files. */
function scan(files: string[], needles: Needle[], base: string): { hits: string[]; bytes: number } {
  const hits: string[] = [];
  let bytes = 0;
  for (const f of files) {
    let data: Buffer;
    try { data = fs.readFileSync(f); } catch { continue; }
    bytes += data.length;
    for (const n of needles) {
      const b = n.bytes.find(x => data.includes(x));
      if (!b) continue;
      const at = data.indexOf(b);
      // the bytes around the hit, printable only: says what wrote it
      const around = data.subarray(Math.max(0, at - 80), at + b.length + 80).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
      hits.push(`${n.label} in ${path.relative(base, f)}: …${around}…`);
    }
  }
  return { hits, bytes };
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** A server that knows CSDS and then refuses every call, echoing what it got in every encoding — what a hostile or careless gateway does. */
async function startEchoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', c => (body += String(c)));
    req.on('end', () => {
      const port = (server.address() as { port: number }).port;
      if (/\/service\/baseURI\.json/.test(req.url ?? '')) {
        const services = ['agentVep', 'accountConfigReadOnly', 'accountConfigReadWrite', 'msgHist', 'agentManagerWorkspace', 'agentActivityDomain', 'leDataReporting'];
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ baseURIs: services.map(service => ({ service, account: DEMO.accountId, baseURI: `127.0.0.1:${port}` })) }));
        return;
      }
      const got = [req.headers.authorization ?? '', body, req.url ?? ''];
      try {
        const j = JSON.parse(body) as Record<string, unknown>;
        for (const v of Object.values(j)) if (typeof v === 'string') got.push(v);
        if (typeof j.username === 'string' && typeof j.password === 'string') got.push(`Basic ${Buffer.from(`${j.username}:${j.password}`).toString('base64')}`);
      } catch { /* not JSON */ }
      const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (bearer) got.push(bearer);
      const echo = got.filter(Boolean).flatMap(v => [v, encodeURIComponent(v), encodeURIComponent(v).replace(/%[0-9A-F]{2}/g, h => h.toLowerCase()), new URLSearchParams({ v }).toString(), JSON.stringify(v).slice(1, -1).replace(/\//g, '\\/'), Buffer.from(v).toString('base64'), Buffer.from(v).toString('base64url')]).join(' | ');
      if (/\/login/.test(req.url ?? '')) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `Authentication failed for ${echo}`, internalCode: 11 } }));
      } else {
        res.writeHead(403, { 'content-type': 'text/html' });
        res.end(`<html><body><h1>403</h1><p>Denied: ${echo.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p></body></html>`);
      }
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise(r => server.close(() => r())) };
}

describe('secretLeaks', function () {
  let api: ExtensionApi;
  let emulator: RunningEmulator;
  let reasons: StatusReasonsTestHooks;
  let timeline: TimelineTestHooks;
  const prompter = new RecordingPrompter();
  const shown: string[] = [];
  const secrets: Secret[] = [
    { label: 'demo password', value: DEMO.password, user: DEMO.username },
    { label: 'demo app key', value: DEMO.appKey }, { label: 'demo app secret', value: DEMO.appSecret },
    { label: 'demo access token', value: DEMO.accessToken }, { label: 'demo access token secret', value: DEMO.accessTokenSecret },
    { label: 'demo bearer token', value: DEMO.bearerToken },
    { label: 'demo OAuth 2.0 client secret', value: DEMO.clientSecret },
    { label: 'wrong password', value: WRONG_PASSWORD, user: DEMO.username }, { label: 'wrong bearer token', value: WRONG_TOKEN },
    { label: 'wrong app secret', value: WRONG_SECRET },
    ...HOSTILE.flatMap(c => Object.entries(c).filter(([k]) => k !== 'kind' && k !== 'username')
      .map(([k, v]): Secret => ({ label: `hostile ${c.kind} ${k}`, value: String(v), user: k === 'password' && c.kind === 'login' ? c.username : undefined }))),
  ];
  // The login sessions the emulator issues (bearer, csrf, Session_id cookie): taken from its answers as they leave.
  const originalEnd = http.ServerResponse.prototype.end;
  const C = (verb: string) => `liveperson.statusReasons.${verb}`;
  const run = async (command: string, ...args: unknown[]) => {
    try { return await vscode.commands.executeCommand(command, ...args); } catch (e) { shown.push(String(e)); return undefined; }
  };
  const signIn = (credentials: Credentials, csdsUrl = emulator.url) => run('liveperson.signIn', { accountId: DEMO.accountId, credentials, csdsUrl });
  const workspaceDir = () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';

  before(async function () {
    this.timeout(120_000);
    api = await getApi();
    await api.accounts.whenRestored();
    reasons = api.statusReasons as StatusReasonsTestHooks;
    timeline = api.timeline as TimelineTestHooks;
    emulator = await startTestEmulator();
    http.ServerResponse.prototype.end = function (this: http.ServerResponse, ...args: unknown[]) {
      if (/\/(login|app\/token)(\?|$)/.test(this.req?.url ?? '') && this.statusCode === 200 && Buffer.isBuffer(args[0])) {
        try {
          const j = JSON.parse(args[0].toString('utf8')) as { bearer?: string; csrf?: string; access_token?: string };
          if (j.bearer) secrets.push({ label: 'login session bearer', value: j.bearer });
          if (j.access_token) secrets.push({ label: 'OAuth 2.0 access token', value: j.access_token });
          if (j.csrf) secrets.push({ label: 'login session csrf', value: j.csrf });
        } catch { /* not the login answer */ }
        const cookie = /Session_id=([^;]+)/.exec(String(this.getHeader('set-cookie') ?? ''))?.[1];
        if (cookie) secrets.push({ label: 'login Session_id cookie', value: cookie });
      }
      return (originalEnd as (...a: unknown[]) => http.ServerResponse).apply(this, args);
    } as typeof originalEnd;
    api.setPrompter(prompter);
  });
  after(async () => {
    http.ServerResponse.prototype.end = originalEnd;
    api?.setPrompter(undefined);
    for (const p of timeline?.panels() ?? []) p.dispose();
    for (const a of api?.accounts.accounts() ?? []) await vscode.commands.executeCommand('liveperson.signOut', { accountId: a.key });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('liveperson').update('agents.groupBy', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.close();
  });

  for (const kind of ['login', 'oauth1', 'oauth2', 'bearer'] as const) {
    it(`signs in with ${kind} and runs every command`, async function () {
      this.timeout(240_000);
      await signIn(demoCredentials(kind));
      assert.strictEqual(api.session.active?.method, kind, `signed in with ${kind}: ${prompter.errors.join(' / ')}`);
      const t = (s: string) => `${s} (${kind})`;
      assert.ok(Number(await run(C('refresh'))) > 0, 'status reasons loaded');
      const created = await run(C('create'), { text: t('Leak check'), state: 'Away', enabled: true }) as { id: string } | undefined;
      assert.ok(created?.id, 'created');
      await run(C('createMany'), { lines: [t('Leak 1'), t('Leak 2')], state: 'Online' });
      await run(C('rename'), { id: created.id, text: t('Leak renamed') });
      await run(C('disable'), { ids: [created.id] });
      await run(C('enable'), { ids: [created.id] });
      const file = path.join(workspaceDir(), `reasons-${kind}.lpreasons.json`);
      await run(C('export'), { target: 'file', path: file });
      await run(C('export'), { target: 'editor' });
      const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { reasons: { text: string; state: string }[] };
      doc.reasons.push({ text: t('From apply'), state: 'Away' });
      fs.writeFileSync(file, JSON.stringify(doc, null, 2));
      await run(C('apply'), { path: file, showDiff: false });
      await run(C('delete'), { id: created.id });
      assert.ok(reasons.reasons().some(r => r.text === t('From apply') && !r.deleted), `the session ran (apply): ${prompter.errors.join(' / ')}`);
      await run('liveperson.agents.refresh');
      await run('liveperson.agents.filter', { statuses: ['AWAY'] });
      await run('liveperson.agents.groupBy', 'group');
      await run('liveperson.agents.groupBy', 'status'); // back to the default: later suites group by status
      await run('liveperson.agents.clearFilter');
      const ids = emulator.control.agentIds().slice(0, 2);
      const panel = await run('liveperson.timeline.open', { agentIds: ids }) as { isReady: boolean; sent: unknown[] } | undefined;
      assert.ok(panel, 'the timeline opened');
      await waitFor(() => panel.isReady && panel.sent.some(m => ['data', 'error'].includes((m as { type: string }).type)), 'the timeline to get data (or an error)', 45_000);
      await run('workbench.action.closeAllEditors');
    });
  }

  it('provokes errors: wrong credentials, server faults, and a server echoing the credentials in every encoding', async function () {
    this.timeout(240_000);
    const before = prompter.errors.length;
    await signIn({ kind: 'login', username: DEMO.username, password: WRONG_PASSWORD });
    await signIn({ kind: 'bearer', token: WRONG_TOKEN });
    await signIn({ ...(demoCredentials('oauth1') as Extract<Credentials, { kind: 'oauth1' }>), secret: WRONG_SECRET });
    const echo = await startEchoServer();
    try {
      for (const c of HOSTILE) await signIn(c, echo.url);
    } finally {
      await echo.close();
    }
    assert.ok(prompter.errors.length - before >= 6, `each refused sign-in showed an error (${prompter.errors.length - before})`);
    await signIn(demoCredentials('login'));
    assert.strictEqual(api.session.active?.method, 'login');
    await run(C('refresh'));
    emulator.control.setFaults({ htmlErrors: true });
    await run(C('create'), { text: 'Lunch break', state: 'Away', enabled: true });
    await run(C('rename'), { id: 'no-such-id', text: 'x' });
    emulator.control.resetFaults();
    emulator.control.setFaults({ truncateBodies: 2 });
    await run(C('refresh'));
    await run('liveperson.agents.refresh');
    emulator.control.resetFaults();
    emulator.control.setFaults({ staleRevision: 1, burst5xx: 4 });
    await run(C('createMany'), { lines: ['Fault 1', 'Fault 2'], state: 'Away' });
    emulator.control.resetFaults();
    emulator.control.expireBearers();
    await run(C('refresh'));
    assert.ok(prompter.errors.length - before >= 8, 'the faults were shown as errors');
  });

  it('finds no secret in any encoding in the user data, the browser profile, the log, error texts or webview state', async function () {
    this.timeout(240_000);
    assert.ok(secrets.some(s => s.label === 'login session bearer') && secrets.some(s => s.label === 'login session csrf'), 'the login sessions were seen');
    const resultFile = process.env.LIVEPERSON_TEST_RESULT;
    assert.ok(resultFile, 'LIVEPERSON_TEST_RESULT names the run dir (test/host/runIntegration.js)');
    const runDir = path.dirname(resultFile);
    const roots = [runDir];
    // code-server: the web workbench keeps globalState, workspace state, webview state and SecretStorage in the browser
    const tmpDir = path.resolve(runDir, '../../tmp');
    const profiles = fs.existsSync(tmpDir) ? fs.readdirSync(tmpDir).filter(d => d.startsWith('chromium-')).map(d => path.join(tmpDir, d)) : [];
    profiles.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
    if (fs.existsSync(path.join(runDir, 'code-server.log'))) {
      assert.ok(profiles[0], `the browser profile of this run is in ${tmpDir}`);
      roots.push(profiles[0]);
    }
    // the LivePerson output channel's log file is part of the scan, and holds this session
    const logFile = await waitFor(() => filesUnder(path.join(runDir, 'user-data', 'logs')).find(f => /LivePerson/i.test(path.basename(f)) && fs.readFileSync(f, 'utf8').includes('Signed in to')), 'the LivePerson log file', 30_000);
    // the extension's globalState (the account record) has reached disk where the scan looks: in
    // code-server that is the browser's IndexedDB, not the server's user-data dir
    const record = `"label":"${DEMO.accountId} (${DEMO.username})"`;
    const inStore = (f: string) => !f.startsWith(path.join(runDir, 'user-data', 'logs')) && [Buffer.from(record, 'utf8'), Buffer.from(record, 'utf16le')].some(b => fs.readFileSync(f).includes(b));
    const stored = await waitFor(() => roots.flatMap(r => filesUnder(r)).find(inStore), 'the account record (globalState) on disk', 30_000);
    const secretStore = roots.flatMap(r => filesUnder(r)).filter(f => [Buffer.from('secrets.provider', 'utf8'), Buffer.from('secrets.provider', 'utf16le'), Buffer.from('secret://', 'utf8'), Buffer.from('secret://', 'utf16le')].some(b => fs.readFileSync(f).includes(b)));

    const needles = needlesOf(secrets);
    // the scan can fail: a file holding a secret in three encodings gives three hits
    const probe = path.join(path.dirname(runDir), `leak-probe-${process.pid}.bin`);
    fs.writeFileSync(probe, Buffer.concat([Buffer.from(`x ${encodeURIComponent(WRONG_PASSWORD).replace(/%[0-9A-F]{2}/g, h => h.toLowerCase())} `), Buffer.from(`Basic ${b64(`${DEMO.username}:${DEMO.password}`)}`), Buffer.from(JSON.stringify(WRONG_TOKEN), 'utf16le')]));
    try {
      const found = scan([probe], needles, runDir).hits.map(h => h.replace(/ in .*/, ''));
      for (const expected of ['demo password (Basic credential)', 'wrong bearer token (raw)', 'wrong password (percent-encoded lower-case)']) assert.ok(found.includes(expected), `the probe finds ${expected}: ${found.join(', ')}`);
    } finally {
      fs.rmSync(probe, { force: true });
    }
    const files = roots.flatMap(r => filesUnder(r));
    const { hits, bytes } = scan(files, needles, path.dirname(runDir));
    // what was shown and what the webview holds
    const texts: [string, string][] = [
      ['messages shown', [...prompter.texts, ...shown].join('\n')],
      ['webview state and messages', JSON.stringify(timeline.panels().map(p => [p.state, p.sent]))],
      ['status reasons tree', JSON.stringify(await reasons.rows())],
    ];
    for (const [where, text] of texts) {
      for (const n of needles) if (n.bytes.some(b => Buffer.from(text, 'utf8').includes(b))) hits.push(`${n.label} in ${where}`);
    }
    console.log(`secretLeaks: ${secrets.length} secrets × their encodings = ${needles.length} needles; scanned ${files.length} files (${(bytes / 1e6).toFixed(1)} MB: ${roots.map(r => path.basename(r)).join(', ')}), ${prompter.texts.length} shown texts; log ${path.basename(logFile)}; globalState found in ${path.relative(path.dirname(runDir), stored)}; SecretStorage/secret:// keys seen in ${secretStore.map(f => path.relative(path.dirname(runDir), f)).join(', ') || 'no file (kept in memory)'}; hits: ${hits.length}`);
    assert.deepStrictEqual(hits, []);
  });
});
