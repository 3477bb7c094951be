// Contract: Agent Status Reason API (liveperson-api.md §3), raw HTTP shaped as the doc pages show
// it, including the request bodies of the seed page "Create Status Reason".
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator } from '../../../src/emulator';
import { MAX_ACTIVE_REASONS } from '../../../src/domain/reasonRules';
import { ACCT, BEARER, reasonsPath, request } from './helpers';

const SEED_SINGLE = { text: 'some new reason text', state: 'Away', enabled: true, deleted: false };
const SEED_MULTI = [
  { text: 'some reason text', state: 'Away', enabled: true, deleted: false },
  { text: 'another reason text', state: 'Away', enabled: true, deleted: false },
];

describe('emulator: status reasons', () => {
  let emu: RunningEmulator;
  beforeEach(async () => { emu = await startEmulator({ agents: 10 }); });
  afterEach(() => emu.close());

  const get = (path: string, headers: Record<string, string> = {}) => request(emu.url, 'GET', path, { headers: { ...BEARER, ...headers } });
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => request(emu.url, method, path, { body, headers: { ...BEARER, ...headers } });

  it('lists a bare array with ac-revision and ETag; deleted ones only with include_deleted=true', async () => {
    const r = await get(reasonsPath());
    assert.equal(r.status, 200);
    assert.ok(Array.isArray(r.json));
    assert.equal(r.headers['ac-revision'], String(emu.control.revision()));
    assert.equal(r.headers.etag, `"${emu.control.revision()}"`);
    for (const x of r.json) {
      assert.deepEqual(Object.keys(x).sort(), ['deleted', 'enabled', 'id', 'state', 'text']);
      assert.equal(x.deleted, false);
      assert.equal(typeof x.id, 'number');
    }
    const all = await get(reasonsPath('', 'v=2.0&include_deleted=true'));
    assert.ok(all.json.length > r.json.length);
    assert.ok(all.json.some((x: { deleted: boolean }) => x.deleted));
    assert.ok(all.json.some((x: { enabled: boolean }) => !x.enabled), 'a disabled reason');
    assert.ok(all.json.some((x: { text: string }) => x.text === 'Break 🍕 **now**'));
    assert.deepEqual(new Set(all.json.map((x: { state: string }) => x.state)), new Set(['Away', 'Occupied', 'Online']));
  });
  it('If-Match equal to the revision → 304 without body; -1 → full answer', async () => {
    const rev = String(emu.control.revision());
    const r = await get(reasonsPath(), { 'if-match': rev });
    assert.equal(r.status, 304);
    assert.equal(r.text, '');
    assert.equal(r.headers['ac-revision'], rev);
    assert.equal((await get(reasonsPath(), { 'if-match': '-1' })).status, 200);
    assert.equal((await get(reasonsPath(), { 'if-match': String(Number(rev) - 1) })).status, 200);
  });
  it('v is required and numeric → 400 with causes', async () => {
    const r = await get(`/api/account/${ACCT}/configuration/le-agents/status-reasons`);
    assert.equal(r.status, 400);
    assert.ok(r.json.causes.length);
    assert.equal((await get(reasonsPath('', 'v=abc'))).status, 400);
  });
  it('gets one by id; unknown → 404; deleted → 404 unless include_deleted; bad id → 400', async () => {
    const [first] = (await get(reasonsPath())).json;
    const one = await get(reasonsPath(`/${first.id}`));
    assert.deepEqual(one.json, first);
    assert.ok(one.headers['ac-revision']);
    assert.equal((await get(reasonsPath('/999999999999'))).status, 404);
    assert.equal((await get(reasonsPath('/-5'))).status, 400);
    const deleted = (await get(reasonsPath('', 'v=1.0&include_deleted=true'))).json.find((x: { deleted: boolean }) => x.deleted);
    assert.equal((await get(reasonsPath(`/${deleted.id}`))).status, 404);
    assert.equal((await get(reasonsPath(`/${deleted.id}`, 'v=1.0&include_deleted=true'))).status, 200);
  });
  it('creates one (seed page body): 200, generated id, Location, revision bumped once', async () => {
    const before = emu.control.revision();
    const r = await send('POST', reasonsPath(), SEED_SINGLE);
    assert.equal(r.status, 200);
    assert.equal(typeof r.json.id, 'number');
    assert.deepEqual({ ...r.json, id: 0 }, { ...SEED_SINGLE, id: 0 });
    assert.equal(r.headers['ac-revision'], String(before + 1));
    assert.match(String(r.headers.location), new RegExp(`/status-reasons/${r.json.id}$`));
    const listed = (await get(reasonsPath())).json;
    assert.equal(listed[0].id, r.json.id, 'new items precede existing ones');
  });
  it('refuses a create past MAX_ACTIVE_REASONS non-deleted reasons with a 400 naming the limit, creating none', async () => {
    const active = emu.control.reasons().filter(r => !r.deleted).length;
    const before = emu.control.revision();
    const tooMany = Array.from({ length: MAX_ACTIVE_REASONS - active + 1 }, (_, i) => ({ text: `Limit ${i}`, state: 'Away', enabled: true, deleted: false }));
    const r = await send('POST', reasonsPath(), tooMany);
    assert.equal(r.status, 400);
    assert.match(JSON.stringify(r.json), new RegExp(`at most ${MAX_ACTIVE_REASONS} status reasons.*it has ${active}, ${tooMany.length} more`));
    assert.equal(emu.control.revision(), before);
    const fits = await send('POST', reasonsPath(), tooMany.slice(1));
    assert.equal(fits.status, 200);
    for (const x of fits.json) assert.equal((await send('DELETE', reasonsPath(`/${x.id}`), undefined, { 'If-Match': String(emu.control.revision()) })).status, 200);
  });
  it('creates many (seed page array body) in one POST: array answer, one revision bump', async () => {
    const before = emu.control.revision();
    const r = await send('POST', reasonsPath(), SEED_MULTI);
    assert.equal(r.status, 200);
    assert.equal(r.json.length, 2);
    assert.deepEqual(r.json.map((x: { text: string }) => x.text), SEED_MULTI.map(x => x.text));
    assert.notEqual(r.json[0].id, r.json[1].id);
    assert.equal(emu.control.revision(), before + 1);
  });
  it('is all-or-nothing: one bad item → 400 with causes naming it, nothing created, no bump', async () => {
    const before = (await get(reasonsPath())).json.length;
    const rev = emu.control.revision();
    const r = await send('POST', reasonsPath(), [{ text: 'Fine one', state: 'Away', enabled: true }, { text: 'bad <b>', state: 'Sleeping', enabled: true }]);
    assert.equal(r.status, 400);
    assert.ok(r.json.causes.some((c: string) => c.startsWith('[1].text')));
    assert.ok(r.json.causes.some((c: string) => c.startsWith('[1].state')));
    assert.equal((await get(reasonsPath())).json.length, before);
    assert.equal(emu.control.revision(), rev);
  });
  it('validates text (required, ≤ 100, no < > or control chars), state and types → 400', async () => {
    for (const body of [{ state: 'Away' }, { text: '', state: 'Away' }, { text: 'x'.repeat(101), state: 'Away' }, { text: 'a\nb', state: 'Away' },
      { text: 'ok', state: 'away' }, { text: 'ok', state: 'Away', enabled: 'yes' }, 'text', [], { text: 'ok', state: 'Away', deleted: true }]) {
      const r = await send('POST', reasonsPath(), body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.json.code, 400);
      assert.ok(Array.isArray(r.json.causes) && r.json.causes.length, JSON.stringify(r.json));
    }
    assert.equal((await send('POST', reasonsPath(), { text: 'x'.repeat(100), state: 'Online', enabled: false })).status, 200);
    assert.equal((await request(emu.url, 'POST', reasonsPath(), { rawBody: '{"text":', headers: BEARER })).status, 400);
  });
  it('duplicate text (exact, among non-deleted; also within one request) → 409', async () => {
    assert.equal((await send('POST', reasonsPath(), { text: 'Lunch break', state: 'Away', enabled: true })).status, 409);
    assert.equal((await send('POST', reasonsPath(), { text: 'lunch break', state: 'Away', enabled: true })).status, 200, 'case-sensitive');
    assert.equal((await send('POST', reasonsPath(), { text: 'Smoking break', state: 'Away', enabled: true })).status, 200, 'deleted text is free');
    assert.equal((await send('POST', reasonsPath(), [{ text: 'Twin', state: 'Away' }, { text: 'Twin', state: 'Away' }])).status, 409);
  });
  it('updates with the full object and a current If-Match: 200, new revision; stale → 409; unknown → 404', async () => {
    const [first] = (await get(reasonsPath())).json;
    const rev = String(emu.control.revision());
    const r = await send('PUT', reasonsPath(`/${first.id}`), { ...first, text: 'Lunch (renamed)', enabled: false }, { 'if-match': rev });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { ...first, text: 'Lunch (renamed)', enabled: false });
    assert.equal(r.headers['ac-revision'], String(Number(rev) + 1));
    const stale = await send('PUT', reasonsPath(`/${first.id}`), { ...first, text: 'Again' }, { 'if-match': rev });
    assert.equal(stale.status, 409);
    assert.equal((await send('PUT', reasonsPath('/123456789'), { ...first, id: 123456789 })).status, 404);
    assert.equal((await send('PUT', reasonsPath(`/${first.id}`), { ...first, id: 1 })).status, 400, 'id must match the path');
    const other = (await get(reasonsPath())).json[1];
    assert.equal((await send('PUT', reasonsPath(`/${other.id}`), { ...other, text: 'Lunch (renamed)' })).status, 409, 'duplicate');
    assert.equal((await send('PUT', reasonsPath(`/${other.id}`), { ...other, text: other.text })).status, 200, 'own text is no duplicate');
  });
  it('PUT and DELETE also work as POST + X-HTTP-Method-Override', async () => {
    const [first, second] = (await get(reasonsPath())).json;
    const put = await send('POST', reasonsPath(`/${first.id}`), { ...first, text: 'Overridden' }, { 'x-http-method-override': 'PUT', 'if-match': String(emu.control.revision()) });
    assert.equal(put.status, 200);
    assert.equal(put.json.text, 'Overridden');
    const del = await send('POST', reasonsPath(`/${second.id}`), undefined, { 'x-http-method-override': 'DELETE', 'if-match': String(emu.control.revision()) });
    assert.equal(del.status, 200);
    assert.equal((await get(reasonsPath(`/${second.id}`, 'v=1.0&include_deleted=true'))).json.deleted, true);
  });
  it('deletes softly: 200 empty, visible with include_deleted, second delete → 404, stale → 409', async () => {
    const [a, b] = (await get(reasonsPath())).json;
    const rev = emu.control.revision();
    const r = await send('DELETE', reasonsPath(`/${a.id}`), undefined, { 'if-match': String(rev) });
    assert.equal(r.status, 200);
    assert.equal(r.text, '');
    assert.equal(r.headers['ac-revision'], String(rev + 1));
    assert.ok(!(await get(reasonsPath())).json.some((x: { id: number }) => x.id === a.id));
    assert.equal((await send('DELETE', reasonsPath(`/${a.id}`))).status, 404);
    assert.equal((await send('DELETE', reasonsPath(`/${b.id}`), undefined, { 'if-match': String(rev) })).status, 409);
  });
  it('the revision is one counter for the account, bumped by every write', async () => {
    const r0 = emu.control.revision();
    const c = await send('POST', reasonsPath(), { text: 'Counter', state: 'Away', enabled: true });
    await send('PUT', reasonsPath(`/${c.json.id}`), { ...c.json, enabled: false });
    await send('DELETE', reasonsPath(`/${c.json.id}`));
    assert.equal(emu.control.revision(), r0 + 3);
    const users = await get(`/api/account/${ACCT}/configuration/le-users/skills?v=1.0`);
    assert.equal(users.headers['ac-revision'], String(r0 + 3));
  });
  it('createStatus: 201 (--create-status 201, the old spec) answers a create with 201', async () => {
    const e = await startEmulator({ agents: 5, createStatus: 201 });
    try {
      const r = await request(e.url, 'POST', reasonsPath(), { body: SEED_SINGLE, headers: BEARER });
      assert.equal(r.status, 201);
    } finally {
      await e.close();
    }
  });
  it('order (§3.2): none on seeds; created without one → listed before the existing ones, no order echoed; kept and echoed once set; a PUT without it keeps it', async () => {
    const seeds = (await get(reasonsPath())).json as { id: number; text: string; order?: number }[];
    assert.ok(seeds.every(x => x.order === undefined));
    const made = await send('POST', reasonsPath(), SEED_SINGLE);
    assert.equal(made.json.order, undefined);
    const withOrder = await send('POST', reasonsPath(), { ...SEED_SINGLE, text: 'ordered one', order: 7 });
    assert.equal(withOrder.json.order, 7);
    const listed = (await get(reasonsPath())).json as { id: number; text: string; order?: number }[];
    assert.deepEqual(listed.slice(0, 3).map(x => x.text), ['ordered one', SEED_SINGLE.text, seeds[0].text], 'newest first, as stored (clients sort by order)');
    const first = seeds[0];
    const put = await send('PUT', reasonsPath(`/${first.id}`), { ...first, order: -2 });
    assert.equal(put.status, 200);
    assert.equal(put.json.order, -2, 'any integer, negative included');
    const again = await send('PUT', reasonsPath(`/${first.id}`), { ...first, enabled: false });
    assert.equal(again.json.order, -2, 'a PUT without order keeps it');
    assert.equal((await get(reasonsPath(`/${first.id}`))).json.order, -2);
    assert.equal((await send('PUT', reasonsPath(`/${first.id}`), { ...first, order: 1.5 })).status, 400, 'order must be an integer');
  });
  it('query (optional, delta form): the collection when the revision differs, nothing when current', async () => {
    const path = '/api/account/configuration/le-agents/status-reasons/query';
    const old = await send('POST', path, { type: 1, parameters: [{ site: ACCT, revision: 1 }] });
    assert.equal(old.status, 200);
    const acct = old.json.appDataList[0].accountList.accountList[0];
    assert.equal(acct.siteId, ACCT);
    assert.equal(acct.itemsCollection.revision, emu.control.revision());
    assert.ok(acct.itemsCollection.items.some((x: { deleted: boolean }) => x.deleted), 'deleted items included');
    const current = await send('POST', path, { type: 1, parameters: [{ site: ACCT, revision: emu.control.revision() }] });
    assert.deepEqual(current.json.appDataList[0].accountList.accountList, []);
    assert.equal((await send('POST', path, { type: 1 })).status, 400);
  });
});
