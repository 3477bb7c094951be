// The three kinds of credentials against the emulator: login session (lazy login, one re-login +
// one retry on 401, keep-alive cadence, idle stop, logout on dispose), OAuth 1.0a keys, plain bearer;
// verify() explains what is wrong; nothing secret reaches a message or a log line.
import * as assert from 'node:assert/strict';
import { LoginSession } from '../../../src/api/auth/loginSession';
import type { LivePersonError } from '../../../src/api/errors';
import { ALL_KINDS, BEARER, LIMITED, LOGIN, OAUTH1, assertNoSecrets, eventually, rejectsWith, useEmulator } from './support';

describe('api/auth against the emulator', function () {
  const rig = useEmulator();

  for (const [kind, creds] of ALL_KINDS) {
    it(`verify() passes with the demo ${kind} credentials`, async () => {
      const c = rig.client(creds);
      await c.verify();
      assert.equal(c.auth.kind, kind);
    });
  }

  describe('login session', () => {
    it('logs in lazily once, sends Bearer, and logs out on dispose', async () => {
      const c = rig.client(LOGIN);
      assert.equal(rig.emu.control.stats().login ?? 0, 0, 'nothing before the first call');
      await Promise.all([c.statusReasons.list(), c.users.list(), c.agentMetrics.summary()]);
      assert.equal(rig.emu.control.stats().login, 1, 'concurrent first calls share one login');
      await c.dispose();
      assert.equal(rig.emu.control.stats().logout, 1);
      await c.dispose();
      assert.equal(rig.emu.control.stats().logout, 1, 'dispose twice is safe');
      await rejectsWith(c.statusReasons.list(), 'auth');
    });

    it('answers a 401 with exactly one fresh login and one retry, shared by concurrent calls', async () => {
      const c = rig.client(LOGIN);
      await c.statusReasons.list();
      rig.emu.control.resetStats();
      rig.emu.control.expireBearers();
      const [a, b, d] = await Promise.all([c.statusReasons.list(), c.users.list(), c.skills.list()]);
      assert.ok(a.items.length && b.length && d.length);
      const s = rig.emu.control.stats();
      assert.equal(s.login, 1, 'one re-login for three 401s');
      assert.equal(s['statusReasons.list'], 2, 'the failed call and its one retry');
      assert.equal(s.users, 2);
      assert.equal((c.auth as LoginSession).logins, 2);
    });

    it('a caller that cancels while the shared login runs is cancelled at once, and does not fail the callers waiting on that login', async () => {
      const c = rig.client(LOGIN);
      const session = c.auth as LoginSession;
      rig.emu.control.setFaults({ latencyMs: 300 });
      const abort = new AbortController();
      const cancelled = c.statusReasons.list({ signal: abort.signal }); // starts the login
      await eventually(() => (session as unknown as { loggingIn?: unknown }).loggingIn !== undefined);
      const other = c.users.list(); // joins it
      await new Promise((r) => setTimeout(r, 20));
      abort.abort();
      await rejectsWith(cancelled, 'cancelled');
      const users = await other;
      assert.ok(users.length > 0);
      const s = rig.emu.control.stats();
      assert.equal(s.login, 1, 'one login, shared');
      assert.equal(s['statusReasons.list'] ?? 0, 0, 'the cancelled call sent nothing after its login');
    });

    it('does not loop when the fresh login is refused too', async () => {
      const c = rig.client({ ...LOGIN, password: 'not-the-password' } as typeof LOGIN);
      const e = await rejectsWith(c.statusReasons.list(), 'auth', 401);
      assert.match(e.message, /Login failed/);
      assert.equal(rig.emu.control.stats().login, 1);
    });

    it('keeps the session alive with refresh calls at the configured cadence, and stops on dispose', async () => {
      const c = rig.client(LOGIN, { refreshIntervalMs: 25 });
      await c.statusReasons.list();
      await eventually(() => (rig.emu.control.stats().refresh ?? 0) >= 3);
      const session = c.auth as LoginSession;
      assert.ok(session.keepAliveRunning);
      await c.dispose();
      assert.equal(session.keepAliveRunning, false);
      const after = rig.emu.control.stats().refresh;
      await new Promise((r) => setTimeout(r, 80));
      assert.equal(rig.emu.control.stats().refresh, after, 'no refresh after dispose');
    });

    it('stops refreshing when idle and starts again on the next call', async () => {
      let now = Date.now();
      const c = rig.client(LOGIN, { refreshIntervalMs: 20, idleAfterMs: 1000, now: () => now });
      await c.statusReasons.list();
      const session = c.auth as LoginSession;
      now += 5000; // nobody called for 5 s of the client's clock
      await eventually(() => !session.keepAliveRunning);
      await c.users.list();
      assert.ok(session.keepAliveRunning);
    });

    it('logs in again when a keep-alive is refused (session gone)', async () => {
      const c = rig.client(LOGIN, { refreshIntervalMs: 25 });
      await c.statusReasons.list();
      rig.emu.control.resetStats();
      rig.emu.control.expireBearers();
      await eventually(() => (rig.emu.control.stats().login ?? 0) >= 1);
      await c.statusReasons.list();
      assert.equal(rig.emu.control.stats()['statusReasons.list'], 1, 'the next call needs no retry');
    });

    it('explains a login bearer refused by Agent Activity', async () => {
      const c = rig.client(LOGIN);
      const now = Date.now();
      const e = await rejectsWith(c.agentActivity.statusChanges({ from: now - 7_200_000, to: now }), 'auth', 401);
      assert.match(e.hint, /API key/);
    });
  });

  describe('verify() says why', () => {
    it('bad credentials (login, key, bearer)', async () => {
      for (const creds of [{ ...LOGIN, password: 'nope-nope' }, { ...OAUTH1, accessTokenSecret: 'nope-nope' }, { ...BEARER, token: 'not-a-real-token' }]) {
        const e = await rejectsWith(rig.client(creds as typeof LOGIN).verify(), 'auth', 401);
        assert.match(e.message, /Bad credentials/);
        assert.doesNotMatch(e.message, /answered \d{3}|Login failed|code \d/, 'one sentence, not the nested server wording');
      }
    });
    it('unknown account', async () => {
      const e = await rejectsWith(rig.client(OAUTH1, { accountId: '99999999' }).verify(), 'notFound');
      assert.match(e.message, /Unknown account/);
    });
    it('an account id that cannot be one is refused before any call', () => {
      assert.throws(() => rig.client(OAUTH1, { accountId: 'not an id!' }), (e: LivePersonError) => e.kind === 'validation');
    });
    it('network', async () => {
      const e = await rejectsWith(rig.client(OAUTH1, { csdsUrl: 'http://127.0.0.1:1' }).verify(), 'network');
      assert.match(e.message, /Could not reach/);
    });
    it('a limited key still verifies (it may read), and its missing permission shows where it matters', async () => {
      const c = rig.client(LIMITED);
      await c.verify();
      const e = await rejectsWith(c.statusReasons.create({ text: 'Limited key test', state: 'Away', enabled: true }), 'permission', 403);
      assert.match(e.hint, /edit agent status reasons/);
    });
  });

  it('never puts a password, bearer, csrf, cookie or OAuth secret in a message or a log line', async () => {
    const failures: string[] = [];
    let expectedFailures = 0;
    const collect = async (p: Promise<unknown>) => {
      expectedFailures++;
      try {
        await p;
      } catch (e) {
        const err = e as LivePersonError;
        failures.push(err.message, err.hint, ...(err.causes ?? []), err.request ?? '');
        return;
      }
      assert.fail(`call ${expectedFailures} was expected to fail (its error text is what this test checks)`);
    };
    const login = rig.client(LOGIN, { refreshIntervalMs: 20 });
    await login.statusReasons.list();
    await eventually(() => (rig.emu.control.stats().refresh ?? 0) >= 1);
    rig.emu.control.expireBearers();
    await login.users.list();
    await collect(rig.client({ ...LOGIN, password: 'Wr0ng-Passw0rd!' } as typeof LOGIN).verify());
    await collect(rig.client({ ...OAUTH1, secret: 'Wr0ng-Secret!' } as typeof OAUTH1).verify());
    await collect(rig.client({ ...BEARER, token: 'Wr0ng-Token-123' } as typeof BEARER).verify());
    await collect(login.agentActivity.statusChanges({ from: Date.now() - 3_600_000 * 2, to: Date.now() }));
    rig.emu.control.setFaults({ htmlErrors: true });
    await collect(rig.client(OAUTH1).statusReasons.get('123456'));
    const issued = (login.auth as unknown as { state: { bearer: string; csrf: string; cookies: Map<string, string> } }).state;
    const sessionSecrets = [issued.bearer, issued.csrf, ...issued.cookies.values()];
    assert.equal(sessionSecrets.length, 3, 'bearer, csrf and the Session_id cookie');
    await login.dispose();
    assert.equal(expectedFailures, 5);
    assert.ok(failures.length >= 3 * expectedFailures, "message, hint and request of each failure");
    assert.ok(rig.logger.lines.length > 10);
    assertNoSecrets([...failures, ...rig.logger.lines], [...sessionSecrets, 'Wr0ng-Passw0rd!', 'Wr0ng-Secret!', 'Wr0ng-Token-123']);
    assert.deepEqual(rig.logger.lines.join('\n').match(/[0-9a-f]{32,}/g) ?? [], [], 'no long hex token of any session in the log');
  });
});
