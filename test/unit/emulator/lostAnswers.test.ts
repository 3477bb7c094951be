// Contract: the write faults whose answer is lost or refused — applyThenTimeout (applied, never
// answered), applyThenReset (applied, connection cut mid-answer), preconditionFailed (412 on
// If-Match writes, nothing applied) — over loopback HTTP.
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator } from '../../../src/emulator';
import { ACCT, BEARER, attempt, reasonsPath, request } from './helpers';

type Reason = { id: number; text: string; enabled: boolean; deleted: boolean };

describe('emulator: lost answers and 412 (status reason writes)', () => {
  let emu: RunningEmulator;
  let logLines: string[];
  let onLog: ((line: string) => void) | undefined;
  beforeEach(async () => {
    logLines = [];
    emu = await startEmulator({ agents: 5, log: line => { logLines.push(line); onLog?.(line); } });
  });
  afterEach(() => emu.close());
  const list = async (): Promise<Reason[]> => (await request(emu.url, 'GET', reasonsPath('', 'v=1.0&include_deleted=true'), { headers: BEARER })).json;
  const body = (text: string) => ({ text, state: 'Away', enabled: true });
  /** resolves when the emulator has logged a line matching `re` (the moment it decided the answer) */
  const logged = (re: RegExp) => new Promise<void>(resolve => {
    if (logLines.some(l => re.test(l))) return resolve();
    onLog = line => { if (re.test(line)) resolve(); };
  });

  it('applyThenTimeout: the create is applied, no answer comes while the client waits; it counts down', async () => {
    emu.control.setFaults({ applyThenTimeout: 1 });
    const before = emu.control.revision();
    const held = attempt(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: body('Applied, never answered') });
    let settled = false;
    void held.outcome.then(() => { settled = true; });
    await logged(/answer held \[statusReasons\.create\]/);
    assert.equal(emu.control.revision(), before + 1, 'applied');
    assert.ok((await list()).some(r => r.text === 'Applied, never answered'), 'visible to a read on another connection');
    assert.equal(settled, false, 'still no answer, though a later request was answered');
    assert.equal(emu.control.faults().applyThenTimeout, 0);
    assert.equal(emu.control.requests().find(r => r.route === 'statusReasons.create')!.status, 0, 'recorded as not answered');
    held.abort();
    const out = await held.outcome;
    assert.equal(out.kind, 'error', 'the client gave up');
    const next = await request(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: body('Answered again') });
    assert.equal(next.status, 200);
  });
  it('applyThenTimeout on PUT, DELETE and a bulk create: each applied, each held; close() does not wait for held requests', async () => {
    const [first] = await list();
    emu.control.setFaults({ applyThenTimeout: 3 });
    const put = attempt(emu.url, 'PUT', reasonsPath(`/${first.id}`), { headers: BEARER, body: { ...body('Renamed, never answered'), enabled: false } });
    const bulk = attempt(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: [body('Bulk held A'), body('Bulk held B')] });
    await logged(/answer held \[statusReasons\.update\]/);
    await logged(/answer held \[statusReasons\.create\]/);
    const del = attempt(emu.url, 'DELETE', reasonsPath(`/${first.id}`), { headers: BEARER });
    await logged(/answer held \[statusReasons\.delete\]/);
    const now = await list();
    const renamed = now.find(r => r.id === first.id)!;
    assert.equal(renamed.text, 'Renamed, never answered');
    assert.equal(renamed.deleted, true, 'the delete was applied too');
    assert.ok(['Bulk held A', 'Bulk held B'].every(t => now.some(r => r.text === t)));
    await emu.close();
    for (const h of [put, bulk, del]) assert.equal((await h.outcome).kind, 'error', 'closing cut the held connections');
  });
  it('applyThenReset: the create is applied, the answer is cut mid-body (status and headers arrived, body incomplete)', async () => {
    emu.control.setFaults({ applyThenReset: 1 });
    const before = emu.control.revision();
    const out = await attempt(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: body('Applied, answer cut') }).outcome;
    assert.equal(out.kind, 'error');
    if (out.kind !== 'error') return;
    assert.equal(out.status, 200, 'the status line had arrived');
    assert.ok(out.partialBody !== undefined && out.partialBody.length > 0, 'part of the body arrived');
    assert.throws(() => JSON.parse(out.partialBody!));
    assert.equal(emu.control.revision(), before + 1);
    assert.ok((await list()).some(r => r.text === 'Applied, answer cut'));
    assert.equal(emu.control.faults().applyThenReset, 0);
    const retry = await request(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: body('Applied, answer cut') });
    assert.equal(retry.status, 409, 'a blind retry meets the duplicate');
  });
  it('applyThenReset on a body-less DELETE answer cuts inside the headers; on PUT and a bulk create mid-body', async () => {
    const [a, b] = await list();
    emu.control.setFaults({ applyThenReset: 3 });
    const del = await attempt(emu.url, 'DELETE', reasonsPath(`/${a.id}`), { headers: BEARER }).outcome;
    assert.equal(del.kind, 'error');
    const put = await attempt(emu.url, 'PUT', reasonsPath(`/${b.id}`), { headers: BEARER, body: body('Renamed, answer cut') }).outcome;
    assert.deepEqual([put.kind, put.kind === 'error' && put.status], ['error', 200]);
    const bulk = await attempt(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: [body('Bulk cut A'), body('Bulk cut B')] }).outcome;
    assert.equal(bulk.kind, 'error');
    const now = await list();
    assert.equal(now.find(r => r.id === a.id)!.deleted, true);
    assert.equal(now.find(r => r.id === b.id)!.text, 'Renamed, answer cut');
    assert.ok(['Bulk cut A', 'Bulk cut B'].every(t => now.some(r => r.text === t)));
  });
  it('lost-answer faults wait for a successful status reason write: reads, failed writes and other APIs do not consume them', async () => {
    emu.control.setFaults({ applyThenTimeout: 1, applyThenReset: 1, applyThen5xx: 1 });
    assert.equal((await list()).length > 0, true);
    assert.equal((await request(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: { text: '', state: 'Away' } })).status, 400);
    const query = await request(emu.url, 'POST', '/api/account/configuration/le-agents/status-reasons/query?v=1.0', { headers: BEARER, body: { type: 1, parameters: [{ site: ACCT, revision: 0 }] } });
    assert.equal(query.status, 200, 'the query is a read, even by POST');
    assert.deepEqual([emu.control.faults().applyThen5xx, emu.control.faults().applyThenTimeout, emu.control.faults().applyThenReset], [1, 1, 1]);
    // one knob per write: 504 first, then the held answer, then the cut one
    assert.equal((await request(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: body('Order 1') })).status, 504);
    assert.deepEqual([emu.control.faults().applyThen5xx, emu.control.faults().applyThenTimeout], [0, 1]);
  });
  it('preconditionFailed: writes with If-Match answer 412 in the AC error shape, nothing applied; writes without If-Match pass', async () => {
    const [first] = await list();
    emu.control.setFaults({ preconditionFailed: 3 });
    const rev = String(emu.control.revision());
    const ifMatch = { ...BEARER, 'if-match': rev };
    const put = await request(emu.url, 'PUT', reasonsPath(`/${first.id}`), { headers: ifMatch, body: body('Must not apply') });
    assert.equal(put.status, 412);
    assert.deepEqual(Object.keys(put.json).sort(), ['code', 'message']);
    assert.equal(put.json.code, 412);
    assert.equal(put.headers['ac-revision'], rev);
    const create = await request(emu.url, 'POST', reasonsPath(), { headers: ifMatch, body: body('Must not exist') });
    assert.equal(create.status, 412);
    assert.equal((await request(emu.url, 'DELETE', reasonsPath(`/${first.id}`), { headers: ifMatch })).status, 412);
    assert.equal(emu.control.revision(), Number(rev), 'nothing applied');
    const now = await list();
    assert.equal(now.find(r => r.id === first.id)!.text, first.text);
    assert.equal(now.find(r => r.id === first.id)!.deleted, false);
    assert.ok(!now.some(r => r.text === 'Must not exist'));
    assert.equal(emu.control.faults().preconditionFailed, 0);
    assert.equal((await request(emu.url, 'PUT', reasonsPath(`/${first.id}`), { headers: ifMatch, body: body('Applied now') })).status, 200);
  });
  it('preconditionFailed is not consumed by writes without If-Match, nor by reads that carry it', async () => {
    emu.control.setFaults({ preconditionFailed: 1 });
    assert.equal((await request(emu.url, 'POST', reasonsPath(), { headers: BEARER, body: body('No If-Match') })).status, 200);
    assert.equal((await request(emu.url, 'GET', reasonsPath(), { headers: { ...BEARER, 'if-match': '1' } })).status, 200);
    assert.equal(emu.control.faults().preconditionFailed, 1);
    assert.equal((await request(emu.url, 'POST', reasonsPath(), { headers: { ...BEARER, 'if-match': String(emu.control.revision()) }, body: body('With If-Match') })).status, 412);
  });
});
