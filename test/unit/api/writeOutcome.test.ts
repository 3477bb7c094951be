// A write whose answer is lost is read back before it is reported: applied → done (once), not
// applied → the error marked notApplied (a retry is safe), the read failing too → OutcomeUnknownError
// ("may have been applied"), a bulk create found in part → PartlyAppliedError naming both halves.
// Faults come from the emulator; the client has no retries after a 5xx so each fault hits one call.
import * as assert from 'node:assert/strict';
import { LivePersonError, OutcomeUnknownError, PartlyAppliedError } from '../../../src/api/errors';
import { outcomeUnknown } from '../../../src/api/writeOutcome';
import { scaledRetryPolicy } from '../../../src/api/retryPolicy';
import { OAUTH1, rejectsWith, useEmulator } from './support';

let n = 0;
const unique = (base: string) => `${base} ${++n}`;
const NO_5XX_RETRY = { retryPolicy: { ...scaledRetryPolicy(0.001), serverErrorDelaysMs: [] } };

describe('api/writeOutcome: lost answers are read back, never guessed', function () {
  const rig = useEmulator();
  const client = () => rig.client(OAUTH1, NO_5XX_RETRY);
  const named = async (c: ReturnType<typeof client>, text: string) => (await c.statusReasons.list({ includeDeleted: true })).items.filter(r => r.text === text);

  it('create answered 504 after it was applied → the created reason, exactly one', async () => {
    const c = client();
    const text = unique('Applied then 504');
    rig.emu.control.setFaults({ applyThen5xx: 1 });
    const created = await c.statusReasons.create({ text, state: 'Away', enabled: true });
    assert.equal(created.text, text);
    assert.equal((await named(c, text)).length, 1);
    assert.ok(rig.logger.lines.some(l => /read back — it was applied/.test(l)), rig.logger.lines.join('\n'));
  });

  it('create whose body is cut off → read back as created', async () => {
    const c = client();
    await c.statusReasons.list();
    const text = unique('Cut off');
    rig.emu.control.setFaults({ truncateBodies: 1 });
    const created = await c.statusReasons.create({ text, state: 'Online', enabled: false });
    assert.deepEqual([created.text, created.state, created.enabled], [text, 'Online', false]);
    assert.equal((await named(c, text)).length, 1);
  });

  it('create answered 503 and not applied → the error, marked notApplied, nothing created', async () => {
    const c = client();
    await c.statusReasons.list();
    const text = unique('Not applied');
    rig.emu.control.setFaults({ burst5xx: 1 });
    const e = await rejectsWith(c.statusReasons.create({ text, state: 'Away', enabled: true }), 'server', 503);
    assert.equal(e.notApplied, true);
    assert.equal((await named(c, text)).length, 0);
  });

  it('create answered 503 and the read-back fails too → OutcomeUnknownError, no retry sent', async () => {
    const c = client();
    await c.statusReasons.list();
    const text = unique('Unknown');
    rig.emu.control.setFaults({ burst5xx: 2 });
    rig.emu.control.resetStats();
    const e = await rejectsWith<OutcomeUnknownError>(c.statusReasons.create({ text, state: 'Away', enabled: true }), 'outcomeUnknown');
    assert.ok(e instanceof OutcomeUnknownError);
    assert.match(e.message, /may have been applied/);
    assert.match(e.hint, /Refresh/);
    const creates = rig.emu.control.requests().filter(r => r.route === 'statusReasons.create');
    assert.equal(creates.length, 1, 'the create was sent once, never blindly again');
  });

  it('update and delete answered with a cut-off body → read back as applied', async () => {
    const c = client();
    await c.statusReasons.list();
    const r = await c.statusReasons.create({ text: unique('Edit me'), state: 'Away', enabled: true });
    rig.emu.control.setFaults({ truncateBodies: 1 });
    const saved = await c.statusReasons.update({ ...r, text: `${r.text}!`, enabled: false });
    assert.deepEqual([saved.text, saved.enabled], [`${r.text}!`, false]);
    rig.emu.control.setFaults({ applyThen5xx: 1 });
    await c.statusReasons.delete(r.id);
    assert.equal((await c.statusReasons.get(r.id, { includeDeleted: true })).deleted, true);
  });

  it('update answered 503 and not applied → notApplied, the reason unchanged', async () => {
    const c = client();
    await c.statusReasons.list();
    const r = await c.statusReasons.create({ text: unique('Keep me'), state: 'Away', enabled: true });
    rig.emu.control.setFaults({ burst5xx: 1 });
    const e = await rejectsWith(c.statusReasons.update({ ...r, enabled: false }), 'server', 503);
    assert.equal(e.notApplied, true);
    assert.equal((await c.statusReasons.get(r.id)).enabled, true);
  });

  it('createMany answered 503: none there → notApplied; all there → the created list', async () => {
    const c = client();
    await c.statusReasons.list();
    const batch = [{ text: unique('Bulk A'), state: 'Away' as const, enabled: true }, { text: unique('Bulk B'), state: 'Online' as const, enabled: true }];
    rig.emu.control.setFaults({ burst5xx: 1 });
    const e = await rejectsWith(c.statusReasons.createMany(batch), 'server', 503);
    assert.equal(e.notApplied, true);
    rig.emu.control.setFaults({ applyThen5xx: 1 });
    const created = await c.statusReasons.createMany(batch);
    assert.deepEqual(created.map(r => r.text), batch.map(b => b.text));
  });

  it('createMany whose read-back finds only some → PartlyAppliedError naming what is and is not there', async () => {
    const c = client();
    await c.statusReasons.list();
    const a = unique('Half A');
    const b = unique('Half B');
    // someone else creates A meanwhile; our bulk create of A and B is answered 503 and applied nowhere
    await rig.client(OAUTH1).statusReasons.create({ text: a, state: 'Away', enabled: true });
    rig.emu.control.setFaults({ burst5xx: 1 });
    const e = await rejectsWith<PartlyAppliedError>(c.statusReasons.createMany([{ text: a, state: 'Away', enabled: true }, { text: b, state: 'Away', enabled: true }]), 'partlyApplied');
    assert.ok(e instanceof PartlyAppliedError);
    assert.deepEqual(e.created.map(r => r.text), [a]);
    assert.deepEqual(e.missing, [b]);
    assert.match(e.message, new RegExp(`1 of 2 exist now.*not created: “${b}”`));
  });

  it('knows which failures leave the outcome unknown', () => {
    const err = (kind: LivePersonError['kind'], extra: Partial<LivePersonError> = {}) => Object.assign(new LivePersonError('x', kind, ''), extra);
    assert.deepEqual(
      [err('timeout'), err('badResponse'), err('server'), err('network'), err('network', { notSent: true }), err('conflict'), err('conflict', { afterServerError: true }), err('validation'), err('rateLimit'), err('auth')].map(outcomeUnknown),
      [true, true, true, true, false, false, true, false, false, false],
    );
  });
});
