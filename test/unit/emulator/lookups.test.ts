// Contract: Users, Skills and Agent Groups (liveperson-api.md §6).
import * as assert from 'node:assert/strict';
import { startEmulator, RunningEmulator } from '../../../src/emulator';
import { ACCT, BEARER, request } from './helpers';

describe('emulator: users, skills, agent groups', () => {
  let emu: RunningEmulator;
  before(async () => { emu = await startEmulator({ agents: 120 }); });
  after(() => emu.close());
  const get = (p: string) => request(emu.url, 'GET', `/api/account/${ACCT}/configuration/le-users/${p}`, { headers: BEARER });

  it('users need v=4.0; fullName and employeeId are blank; nicknames include HTML to escape', async () => {
    assert.equal((await get('users')).status, 400);
    assert.equal((await get('users?v=2.0')).status, 400);
    const r = await get('users?v=4.0');
    assert.equal(r.status, 200);
    assert.ok(r.headers['ac-revision']);
    assert.equal(r.json.length, 120 + 1 - 1, 'agents + admin - one deleted agent');
    for (const u of r.json) {
      assert.equal(u.fullName, '');
      assert.equal(u.employeeId, '');
      assert.equal(u.deleted, false);
      assert.equal(typeof u.id, 'number');
      assert.ok(typeof u.memberOf.agentGroupId === 'number');
    }
    assert.ok(r.json.some((u: { nickname: string }) => u.nickname === '<b>Zoë</b> & Co'));
    assert.ok(r.json.some((u: { userTypeId: number }) => u.userTypeId === 2), 'bots');
    assert.ok(r.json.some((u: { isEnabled: boolean }) => !u.isEnabled), 'a disabled user');
  });
  it('users: select keeps only the named fields; include_deleted adds deleted users; get by id', async () => {
    const r = await get('users?v=4.0&select=id,nickname,loginName');
    assert.ok(r.json.length > 0);
    for (const u of r.json) assert.deepEqual(Object.keys(u).sort(), ['id', 'loginName', 'nickname']);
    const all = await get('users?v=4.0&include_deleted=true&select=$all');
    assert.ok(all.json.length > r.json.length);
    assert.ok(all.json.some((u: { deleted: boolean }) => u.deleted));
    const one = await get(`users/${r.json[1].id}?v=4.0`);
    assert.equal(one.json.id, r.json[1].id);
    assert.equal((await get('users/1?v=4.0')).status, 404);
  });
  it('skills: ~12 named skills, default select id,deleted,name; the deleted one with include_deleted', async () => {
    const r = await get('skills?v=1.0');
    assert.ok(r.json.length >= 10);
    for (const s of r.json) assert.deepEqual(Object.keys(s).sort(), ['deleted', 'id', 'name']);
    assert.ok(r.json.some((s: { name: string }) => s.name === 'Billing'));
    assert.ok((await get('skills?v=1.0&include_deleted=true')).json.some((s: { deleted: boolean }) => s.deleted));
    assert.equal((await get(`skills/${r.json[0].id}?v=1.0`)).json.name, r.json[0].name);
  });
  it('agent groups: root -1 "Main Group" with parentGroupId null, the others under it', async () => {
    const r = await get('agentGroups?v=1.0');
    const root = r.json.find((g: { id: number }) => g.id === -1);
    assert.equal(root.name, 'Main Group');
    assert.equal(root.parentGroupId, null);
    const ids = new Set(r.json.map((g: { id: number }) => g.id));
    for (const g of r.json) if (g.id !== -1) assert.ok(ids.has(g.parentGroupId), g.name);
    assert.ok(r.json.length >= 7);
    assert.equal((await get('agentGroups/-1?v=1.0')).json.name, 'Main Group');
  });
  it('deterministic: the same seed gives the same users', async () => {
    const other = await startEmulator({ agents: 120 });
    const third = await startEmulator({ agents: 120, seed: 2 });
    try {
      const a = (await get('users?v=4.0')).json.map((u: { nickname: string }) => u.nickname);
      const b = (await request(other.url, 'GET', `/api/account/${ACCT}/configuration/le-users/users?v=4.0`, { headers: BEARER })).json.map((u: { nickname: string }) => u.nickname);
      const c = (await request(third.url, 'GET', `/api/account/${ACCT}/configuration/le-users/users?v=4.0`, { headers: BEARER })).json.map((u: { nickname: string }) => u.nickname);
      assert.deepEqual(a, b);
      assert.notDeepEqual(a, c);
    } finally {
      await other.close();
      await third.close();
    }
  });
});
