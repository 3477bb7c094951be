// Status reasons against the emulator: every method, revisions (ac-revision / If-Match), 200 and 201
// creates, conflicts (stale revision, duplicate text, the staleRevision knob), client-side validation.
import * as assert from 'node:assert/strict';
import { ConflictError, ValidationError } from '../../../src/api/errors';
import { newReasonProblems, revisionOf } from '../../../src/api/statusReasons';
import { ALL_KINDS, OAUTH1, rejectsWith, useEmulator } from './support';

let n = 0;
const unique = (base: string) => `${base} ${Date.now() % 100000}-${++n}`;

describe('api/statusReasons against the emulator', function () {
  const rig = useEmulator();

  for (const [kind, creds] of ALL_KINDS) {
    it(`lists, creates, reads, renames and deletes with ${kind} credentials`, async () => {
      const c = rig.client(creds);
      const before = await c.statusReasons.list();
      assert.ok(before.items.length > 0);
      assert.equal(before.revision, String(rig.emu.control.revision()));
      assert.equal(c.statusReasons.revision, before.revision);
      const text = unique('Coaching');
      const created = await c.statusReasons.create({ text, state: 'Away', enabled: true });
      assert.equal(created.text, text);
      assert.equal(created.deleted, false);
      assert.match(created.id, /^\d+$/);
      assert.equal(c.statusReasons.revision, String(rig.emu.control.revision()), 'the write’s revision is remembered');
      assert.deepEqual(await c.statusReasons.get(created.id), created);
      const renamed = await c.statusReasons.update({ ...created, text: `${text} (renamed)`, enabled: false });
      assert.equal(renamed.text, `${text} (renamed)`);
      assert.equal(renamed.enabled, false);
      await c.statusReasons.delete(created.id);
      const after = await c.statusReasons.list();
      assert.ok(!after.items.some((r) => r.id === created.id), 'deleted reasons are hidden by default');
      const withDeleted = await c.statusReasons.list({ includeDeleted: true });
      assert.equal(withDeleted.items.find((r) => r.id === created.id)?.deleted, true);
      assert.equal((await c.statusReasons.get(created.id, { includeDeleted: true })).deleted, true);
      await rejectsWith(c.statusReasons.get(created.id), 'notFound', 404);
    });
  }

  it('sends If-Match with the last revision seen on update and delete', async () => {
    const c = rig.client(OAUTH1);
    const list = await c.statusReasons.list();
    const r = await c.statusReasons.create({ text: unique('If-Match'), state: 'Away', enabled: true });
    await c.statusReasons.update({ ...r, enabled: false });
    // another writer moves the revision on; our remembered revision is now stale
    const other = rig.client(OAUTH1);
    await other.statusReasons.create({ text: unique('Other writer'), state: 'Away', enabled: true });
    const e = await rejectsWith<ConflictError>(c.statusReasons.update({ ...r, enabled: true }), 'conflict', 409);
    assert.ok(e instanceof ConflictError);
    assert.match(e.hint, /Reload/);
    await rejectsWith(c.statusReasons.delete(r.id), 'conflict', 409);
    // after a re-read the same edit goes through
    await c.statusReasons.list();
    await c.statusReasons.update({ ...r, enabled: true });
    // an explicit revision wins over the remembered one
    await rejectsWith(c.statusReasons.delete(r.id, { revision: list.revision }), 'conflict', 409);
    await c.statusReasons.delete(r.id);
  });

  it('turns the staleRevision knob into a ConflictError', async () => {
    const c = rig.client(OAUTH1);
    const { items } = await c.statusReasons.list();
    rig.emu.control.setFaults({ staleRevision: 1 });
    await rejectsWith(c.statusReasons.update(items[0]), 'conflict', 409);
    await c.statusReasons.update(items[0]);
  });

  it('creates many in one POST (array body), all or nothing', async () => {
    const c = rig.client(OAUTH1);
    const texts = [unique('Bulk A'), unique('Bulk B'), unique('Bulk C')];
    rig.emu.control.resetStats();
    const created = await c.statusReasons.createMany(texts.map((text) => ({ text, state: 'Away' as const, enabled: true })));
    assert.deepEqual(created.map((r) => r.text), texts);
    assert.equal(rig.emu.control.stats()['statusReasons.create'], 1, 'one POST');
    // a duplicate among them: the server refuses the whole batch
    const again = [unique('Bulk D'), texts[0]];
    const e = await rejectsWith<ConflictError>(c.statusReasons.createMany(again.map((text) => ({ text, state: 'Away' as const, enabled: true }))), 'conflict', 409);
    assert.match(e.hint, /already exists/);
    const { items } = await c.statusReasons.list();
    assert.ok(!items.some((r) => r.text === again[0]), 'nothing of a refused batch was created');
    assert.deepEqual(await c.statusReasons.createMany([]), []);
  });

  it('refuses a duplicate text on create with a ConflictError', async () => {
    const c = rig.client(OAUTH1);
    const { items } = await c.statusReasons.list();
    await rejectsWith(c.statusReasons.create({ text: items[0].text, state: 'Away', enabled: true }), 'conflict', 409);
  });

  it('validates texts with the shared reason rules before sending anything', async () => {
    const c = rig.client(OAUTH1);
    await c.statusReasons.list();
    rig.emu.control.resetStats();
    for (const text of ['', '   ', 'x'.repeat(101), 'a <b> tag', 'tab\there']) {
      const e = await rejectsWith(c.statusReasons.create({ text, state: 'Away', enabled: true }), 'validation');
      assert.ok(e instanceof ValidationError);
    }
    await rejectsWith(c.statusReasons.create({ text: 'Fine text', state: 'Sleeping' as 'Away', enabled: true }), 'validation');
    const many = await rejectsWith(c.statusReasons.createMany([{ text: 'Same', state: 'Away', enabled: true }, { text: 'Same', state: 'Away', enabled: true }, { text: '<x>', state: 'Away', enabled: true }]), 'validation');
    assert.equal(many.causes.length, 2);
    const { items } = await c.statusReasons.list();
    await rejectsWith(c.statusReasons.update({ ...items[0], text: '' }), 'validation');
    assert.equal(rig.emu.control.stats()['statusReasons.create'] ?? 0, 0, 'no request was sent');
    assert.equal(rig.emu.control.stats()['statusReasons.update'] ?? 0, 0);
    assert.deepEqual(newReasonProblems([{ text: 'Café ☕ 休憩', state: 'Away', enabled: true }]), [], 'any script and emoji are fine');
  });

  it('accepts 200 as well as 201 for a create', async () => {
    const c = rig.client(OAUTH1);
    const r = await c.statusReasons.create({ text: unique('Created with 200'), state: 'Online', enabled: true });
    assert.equal(r.state, 'Online');
    assert.ok(rig.emu.control.requests().some((q) => q.route === 'statusReasons.create' && q.status === 200), 'the default: 200, as the current Create Status Reason page');
  });

  it('reads the revision from ac-revision, else from ETag', () => {
    const h = (m: Record<string, string>) => ({ get: (k: string) => m[k.toLowerCase()] ?? null, raw: () => ({}) });
    assert.equal(revisionOf(h({ 'ac-revision': '42', etag: '"41"' })), '42');
    assert.equal(revisionOf(h({ etag: 'W/"43"' })), '43');
    assert.equal(revisionOf(h({})), undefined);
  });
});

describe('api/statusReasons with an emulator that answers 201 to creates (--create-status 201, the old spec)', function () {
  const rig = useEmulator({ createStatus: 201 });
  it('accepts 201 for single and bulk creates', async () => {
    const c = rig.client(OAUTH1);
    const one = await c.statusReasons.create({ text: unique('Created with 201'), state: 'Occupied', enabled: false });
    assert.equal(one.enabled, false);
    const many = await c.statusReasons.createMany([{ text: unique('Bulk 201 A'), state: 'Away', enabled: true }, { text: unique('Bulk 201 B'), state: 'Away', enabled: true }]);
    assert.equal(many.length, 2);
    const creates = rig.emu.control.requests().filter((q) => q.route === 'statusReasons.create');
    assert.ok(creates.length >= 2 && creates.every((q) => q.status === 201), creates.map((q) => q.status).join(','));
  });
});

describe('api/statusReasons when a write is applied but answered 5xx (gateway timeout after commit)', function () {
  const rig = useEmulator();
  const texts = async (c: ReturnType<typeof rig.client>, t: string) => (await c.statusReasons.list({ includeDeleted: true })).items.filter((r) => r.text === t);

  it('create: the retry meets our own reason (409) → recognised as created, exactly once', async () => {
    const c = rig.client(OAUTH1);
    await c.statusReasons.list();
    const text = unique('Gateway');
    rig.emu.control.setFaults({ applyThen5xx: 1 });
    const created = await c.statusReasons.create({ text, state: 'Away', enabled: true });
    assert.equal(created.text, text);
    assert.equal((await texts(c, text)).length, 1, 'one reason, not two');
    assert.ok(rig.emu.control.requests().some((r) => r.route === 'statusReasons.create' && r.status === 504), 'the first answer was a 504');
  });

  it('createMany: the same for the whole array', async () => {
    const c = rig.client(OAUTH1);
    await c.statusReasons.list();
    const a = unique('GwA');
    const b = unique('GwB');
    rig.emu.control.setFaults({ applyThen5xx: 1 });
    const created = await c.statusReasons.createMany([{ text: a, state: 'Away', enabled: true }, { text: b, state: 'Online', enabled: false }]);
    assert.deepEqual(created.map((r) => r.text), [a, b]);
  });

  it('update and delete: the retry meets our own revision → recognised as applied', async () => {
    const c = rig.client(OAUTH1);
    await c.statusReasons.list();
    const r = await c.statusReasons.create({ text: unique('GwEdit'), state: 'Away', enabled: true });
    rig.emu.control.setFaults({ applyThen5xx: 1 });
    const renamed = await c.statusReasons.update({ ...r, text: `${r.text}!` });
    assert.equal(renamed.text, `${r.text}!`);
    rig.emu.control.setFaults({ applyThen5xx: 1 });
    await c.statusReasons.delete(r.id);
    assert.equal((await c.statusReasons.get(r.id, { includeDeleted: true })).deleted, true);
  });

  it('a real duplicate after a 5xx retry is still refused (someone else’s reason)', async () => {
    const c = rig.client(OAUTH1);
    const taken = (await c.statusReasons.list()).items[0];
    rig.emu.control.setFaults({ burst5xx: 1 });
    // the client refuses a duplicate it knows about before sending; the server must refuse one it does not
    const other = rig.client(OAUTH1);
    await rejectsWith(other.statusReasons.create({ text: taken.text, state: taken.state === 'Away' ? 'Online' : 'Away', enabled: true }), 'conflict', 409);
  });
});

describe('api/statusReasons keeps the cached lookups honest', function () {
  const rig = useEmulator();

  it('every write (here: create, rename, delete) drops the cached reason texts the views join against', async () => {
    const c = rig.client(OAUTH1);
    const created = await c.statusReasons.create({ text: unique('Lookup'), state: 'Away', enabled: true });
    assert.equal((await c.lookups.load()).reasons.get(created.id)?.text, created.text);
    const renamed = await c.statusReasons.update({ ...created, text: `${created.text}+` });
    assert.equal((await c.lookups.load()).reasons.get(created.id)?.text, renamed.text, 'renamed text, not the cached one');
    await c.statusReasons.delete(created.id);
    assert.equal((await c.lookups.load()).reasons.get(created.id)?.deleted, true, 'marked deleted at once, not after the cache expires');
  });
});
