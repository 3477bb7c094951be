// The client follows the server's clock (its answers' Date header): against an emulator whose clock
// is days away from this machine's, "now" for Agent Activity's range rules is the server's, so a range
// that ends at the server's now is accepted and one in the server's future is refused before sending.
import * as assert from 'node:assert/strict';
import { ServerClock, SKEW_IGNORED_MS } from '../../../src/api/serverClock';
import { RangeRuleError } from '../../../src/api/errors';
import { useEmulator } from './support';

const HOUR = 3_600_000;

describe('api: the server clock', () => {
  it('ServerClock: the Date header moves "now" only when it is 2 s or more off; it never runs ahead of the header', () => {
    let local = Date.parse('2026-12-03T12:00:00.700Z');
    const clock = new ServerClock(() => local);
    clock.observe('Thu, 03 Dec 2026 12:00:00 GMT');
    assert.equal(clock.offsetMs, 0, 'within a second: the local clock as it is');
    clock.observe('Sun, 06 Dec 2026 03:00:00 GMT');
    assert.equal(clock.now(), Date.parse('2026-12-06T03:00:00Z'), 'the header (whole seconds), not later');
    local += 10_000;
    assert.equal(clock.now(), Date.parse('2026-12-06T03:00:10Z'), 'and it ticks with the local clock');
    clock.observe('not a date');
    clock.observe(null);
    assert.equal(clock.now(), Date.parse('2026-12-06T03:00:10Z'), 'a missing or broken header changes nothing');
    clock.observe(new Date(local - SKEW_IGNORED_MS).toUTCString());
    assert.ok(clock.offsetMs <= -SKEW_IGNORED_MS + 1000 && clock.offsetMs >= -SKEW_IGNORED_MS - 1000);
  });

  describe('against an emulator three days ahead of this machine', () => {
    const AHEAD = 3 * 24 * HOUR + 17 * 60_000;
    const rig = useEmulator({ agents: 30, clock: new Date(Date.now() + AHEAD), activityLagMinutes: 0 });

    it('serverNow() is the emulator clock after the first answer, never ahead of it', async () => {
      const client = rig.client();
      await client.verify();
      const server = rig.emu.control.clock().nowMs;
      const ours = client.serverNow();
      assert.ok(ours <= server && server - ours < 3000, `client ${new Date(ours).toISOString()} vs emulator ${new Date(server).toISOString()}`);
    });

    it('Agent Activity ranges are checked against the server clock: its last hours load, its future is refused', async () => {
      const client = rig.client();
      await client.verify();
      const now = client.serverNow();
      // a range entirely after this machine's clock, but in the server's past: accepted, with data
      const changes = await client.agentActivity.statusChanges({ from: now - 12 * HOUR, to: now });
      assert.ok(changes.length > 0, 'the server has history in its last 12 hours');
      assert.ok(changes.every(c => c.time <= rig.emu.control.clock().nowMs));
      // starting in the server's future: refused before anything is sent
      rig.emu.control.resetStats();
      await assert.rejects(client.agentActivity.statusChanges({ from: now + HOUR, to: now + 2 * HOUR }), (e: unknown) => e instanceof RangeRuleError);
      assert.equal(rig.emu.control.stats().statusChanges ?? 0, 0);
    });
  });
});
