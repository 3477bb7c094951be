// The client against a hostile or unlucky server (emulator fault knobs, real loopback HTTP): a next
// link that leaves the host, CSDS naming a foreign host, answers that never come or are cut off
// after the write was applied, 412 on If-Match, a session ended mid-way.
import * as assert from 'node:assert/strict';
import { FOREIGN_CSDS_HOST, FOREIGN_LINK_HOST } from '../../../src/emulator';
import { LOGIN, OAUTH1, rejectsWith, useEmulator } from './support';

const H = 3_600_000;
let n = 0;
const unique = (base: string) => `${base} ${++n}`;

describe('api against a hostile server: credentials stay on their host', function () {
  const rig = useEmulator({ agents: 60, activityLagMinutes: 0 });

  it('a next link whose path starts with // is refused before anything is sent there', async () => {
    const c = rig.client(OAUTH1);
    const now = Date.now();
    rig.emu.control.setFaults({ foreignNextLink: true });
    const e = await rejectsWith(c.agentActivity.statusChanges({ from: now - 24 * H, to: now, limit: 50 }), 'badResponse');
    assert.match(e.message, new RegExp(`names another host \\(${FOREIGN_LINK_HOST.replace(/\./g, '\\.')}\\).*not followed`));
    assert.equal(rig.emu.control.stats().statusChanges, 1, 'only the first page was asked for');
    assert.ok(!rig.logger.lines.some(l => l.includes(`//${FOREIGN_LINK_HOST}`) && /→/.test(l)), 'no request went to the link');
  });

  it('CSDS naming a foreign host for a service: that service is refused, naming the host; the others work', async () => {
    rig.emu.control.setFaults({ csdsForeignHost: true });
    const c = rig.client(OAUTH1);
    const reasons = await c.statusReasons.list(); // accountConfigReadOnly is still on the emulator
    assert.ok(reasons.items.length > 0);
    const e = await rejectsWith(c.statusReasons.create({ text: unique('Never sent'), state: 'Away', enabled: true }), 'badResponse');
    assert.match(e.message, new RegExp(`“accountConfigReadWrite”.*${FOREIGN_CSDS_HOST.replace(/\./g, '\\.')}.*not on this machine; nothing was sent there`));
    assert.ok(rig.logger.lines.some(l => /CSDS: refused the “agentActivityDomain” entry/.test(l)));
    assert.equal(rig.emu.control.stats()['statusReasons.create'] ?? 0, 0);
  });

  for (const uri of ['user@127.0.0.1:1', '127.0.0.1:1/../x', 'ftp://127.0.0.1:1']) {
    it(`CSDS naming “${uri}” is refused`, async () => {
      rig.emu.control.setFaults({ csdsForeignHost: uri });
      const c = rig.client(OAUTH1);
      await rejectsWith(c.statusReasons.create({ text: unique('Never sent'), state: 'Away', enabled: true }), 'badResponse');
    });
  }
});

describe('api when a write is applied and its answer is lost', function () {
  this.timeout(15_000); // a held answer waits out the client's 2 s timeout
  const rig = useEmulator();
  // A held answer ends only when the client gives up: a short timeout, but one no real answer of this
  // loopback emulator comes near, even on a loaded machine (the read-back goes through it too)
  const fast = () => rig.client(OAUTH1, { timeoutMs: 2000 });
  const named = async (text: string) => (await rig.client(OAUTH1).statusReasons.list({ includeDeleted: true })).items.filter(r => r.text === text);

  it('create held without an answer (applied): the timeout is read back as created, exactly once', async () => {
    const c = fast();
    const text = unique('Held');
    rig.emu.control.setFaults({ applyThenTimeout: 1 });
    const created = await c.statusReasons.create({ text, state: 'Away', enabled: true });
    assert.equal(created.text, text);
    assert.equal((await named(text)).length, 1);
    assert.equal(rig.emu.control.requests().filter(r => r.route === 'statusReasons.create').length, 1, 'never sent twice');
  });

  it('createMany cut off mid-answer (applied): read back as created', async () => {
    const c = fast();
    const texts = [unique('Cut A'), unique('Cut B')];
    rig.emu.control.setFaults({ applyThenReset: 1 });
    const created = await c.statusReasons.createMany(texts.map(text => ({ text, state: 'Away' as const, enabled: true })));
    assert.deepEqual(created.map(r => r.text), texts);
    assert.ok(rig.logger.lines.some(l => /broke during .*ECONNRESET/.test(l)), 'the cut is seen as a broken connection…');
    assert.ok(!rig.logger.lines.some(l => /timed out/.test(l)), '…not waited out until the timeout');
    for (const t of texts) assert.equal((await named(t)).length, 1);
  });

  it('rename held, delete cut off (both applied): read back as done', async () => {
    const c = fast();
    await c.statusReasons.list();
    const r = await c.statusReasons.create({ text: unique('Edit'), state: 'Away', enabled: true });
    rig.emu.control.setFaults({ applyThenTimeout: 1 });
    assert.equal((await c.statusReasons.update({ ...r, text: `${r.text}!` })).text, `${r.text}!`);
    rig.emu.control.setFaults({ applyThenReset: 1 });
    await c.statusReasons.delete(r.id);
    assert.equal((await c.statusReasons.get(r.id, { includeDeleted: true })).deleted, true);
  });

  it('settled() waits for a write and its read-back (what closing an account after a switch waits for)', async () => {
    const c = fast();
    await c.statusReasons.list();
    rig.emu.control.setFaults({ applyThenTimeout: 1 });
    const write = c.statusReasons.create({ text: unique('Settle'), state: 'Away', enabled: true });
    await new Promise(r => setImmediate(r));
    let readBackFirst: boolean | undefined;
    const settled = c.settled().then(() => { readBackFirst = rig.logger.lines.some(l => /read back — it was applied/.test(l)); });
    await Promise.all([write, settled]);
    assert.equal(readBackFirst, true, 'settled only after the read-back');
    await c.settled(); // nothing in flight: at once
  });

  it('412 on If-Match is a conflict, nothing applied', async () => {
    const c = rig.client(OAUTH1);
    await c.statusReasons.list();
    const r = await c.statusReasons.create({ text: unique('Precondition'), state: 'Away', enabled: true });
    rig.emu.control.setFaults({ preconditionFailed: 1 });
    const e = await rejectsWith(c.statusReasons.update({ ...r, enabled: false }), 'conflict', 412);
    assert.notEqual(e.notApplied, true, 'a 412 is a known outcome, not a lost answer');
    assert.equal((await c.statusReasons.get(r.id)).enabled, true);
  });

  it('a session ended mid-way (401): one re-login, the write goes through once', async () => {
    const c = rig.client(LOGIN);
    await c.statusReasons.list();
    rig.emu.control.resetStats();
    rig.emu.control.setFaults({ unauthorizedAfter: 0 });
    const text = unique('After 401');
    await c.statusReasons.create({ text, state: 'Away', enabled: true });
    assert.equal((await named(text)).length, 1);
    assert.equal(rig.emu.control.stats().login, 1, 'one re-login');
  });
});
