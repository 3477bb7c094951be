import * as assert from 'assert';
import { LivePersonError } from '../../../src/api/errors';
import type { Credentials } from '../../../src/api/types';
import { runSignInFlow } from '../../../src/auth/signInFlow';
import { describeSignInFailure } from '../../../src/auth/signInFailure';
import { BACK, ScriptedPrompter } from '../../integration/support/scriptedPrompter';

const authError = () => new LivePersonError('401 Unauthorized', 'auth', 'Sign in again.', 401);

describe('runSignInFlow', () => {
  it('asks account id → method → fields, secrets with password: true, and checks before returning', async () => {
    const p = new ScriptedPrompter(['12345678', { value: 'oauth1' }, 'k', 's', 't', 'ts']);
    const inputs = p.inputOptions;
    const checked: Credentials[] = [];
    const r = await runSignInFlow(p, async (_id, c) => (checked.push(c), 'client'));
    p.assertDone();
    assert.deepStrictEqual(r, { accountId: '12345678', credentials: { kind: 'oauth1', appKey: 'k', secret: 's', accessToken: 't', accessTokenSecret: 'ts' }, checked: 'client' });
    assert.strictEqual(checked.length, 1);
    assert.deepStrictEqual(inputs.map(i => !!i.password), [false, false, true, false, true]);
    // the total is known once the method is chosen (login's 4 steps before that)
    assert.deepStrictEqual(inputs.map(i => `${i.step}/${i.totalSteps}`), ['1/4', '3/6', '4/6', '5/6', '6/6']);
    assert.ok(inputs.every(i => i.ignoreFocusOut));
  });

  it('OAuth 2.0 client credentials: client id, then the client secret in a password box; a refused secret reopens the secret box', async () => {
    const p = new ScriptedPrompter(['12345678', { value: 'oauth2' }, 'my-client', 'wrong-secret', 'right-secret']);
    const inputs = p.inputOptions;
    const checked: Credentials[] = [];
    const r = await runSignInFlow(p, async (_id, c) => {
      checked.push(c);
      if (c.kind === 'oauth2' && c.clientSecret === 'wrong-secret') throw authError();
      return 'client';
    });
    p.assertDone();
    assert.deepStrictEqual(r?.credentials, { kind: 'oauth2', clientId: 'my-client', clientSecret: 'right-secret' });
    assert.strictEqual(checked.length, 2);
    assert.deepStrictEqual(inputs.map(i => !!i.password), [false, false, true, true]);
    assert.deepStrictEqual(inputs.map(i => `${i.step}/${i.totalSteps}`), ['1/4', '3/4', '4/4', '4/4']);
    assert.strictEqual(inputs[3].value, 'wrong-secret', 'what was typed is kept');
    assert.match(inputs[3].validationMessage ?? '', /^LivePerson refused the OAuth 2\.0 client credentials/);
  });

  it('refuses an invalid account id (the widget keeps asking)', async () => {
    const p = new ScriptedPrompter(['12 34', '1234', { value: 'bearer' }, 'tok']);
    const r = await runSignInFlow(p, async () => 'ok');
    p.assertDone();
    assert.strictEqual(r?.accountId, '1234');
    assert.match(p.validationMessages[0], /letters, digits or underscores/);
  });

  it('Back returns to the previous step with what was typed kept', async () => {
    const p = new ScriptedPrompter(['111', { value: 'login' }, 'admin', BACK, BACK, { value: 'bearer' }, BACK, BACK, '222', { value: 'login' }, 'admin2', 'pw']);
    const inputs = p.inputOptions;
    const r = await runSignInFlow(p, async () => 'ok');
    p.assertDone();
    assert.deepStrictEqual(r?.credentials, { kind: 'login', username: 'admin2', password: 'pw' });
    assert.strictEqual(r?.accountId, '222');
    // after the first Back from "password", the user-name box reopened with "admin"
    const reopened = inputs.filter(i => i.placeHolder === 'User name');
    assert.deepStrictEqual(reopened.map(i => i.value), ['', 'admin', 'admin']);
    assert.strictEqual(inputs.filter(i => i.step === 1)[1].value, '111');
  });

  it('a refused check re-opens the secret step with the reason and every value kept', async () => {
    const p = new ScriptedPrompter(['12345678', { value: 'login' }, 'admin', 'wrong', 'right']);
    const inputs = p.inputOptions;
    let calls = 0;
    const r = await runSignInFlow(p, async (_id, c) => {
      calls++;
      if (c.kind === 'login' && c.password === 'wrong') throw authError();
      return 'client';
    });
    p.assertDone();
    assert.strictEqual(calls, 2);
    assert.deepStrictEqual(r?.credentials, { kind: 'login', username: 'admin', password: 'right' });
    const last = inputs[inputs.length - 1];
    assert.strictEqual(last.placeHolder, 'Password');
    assert.strictEqual(last.value, 'wrong');
    assert.match(last.validationMessage ?? '', /^Wrong user name or password\. Correct the password/);
  });

  it('an unknown account re-opens the account id step', async () => {
    const p = new ScriptedPrompter(['99999', { value: 'bearer' }, 'tok', undefined]);
    const inputs = p.inputOptions;
    const r = await runSignInFlow(p, async () => {
      throw new LivePersonError('No such account', 'notFound', 'Check the id.', 404);
    });
    assert.strictEqual(r, undefined);
    const last = inputs[inputs.length - 1];
    assert.strictEqual(last.step, 1);
    assert.strictEqual(last.value, '99999');
    assert.match(last.validationMessage ?? '', /^LivePerson does not know account 99999\./);
  });

  it('Escape cancels without checking', async () => {
    const p = new ScriptedPrompter(['1', undefined]);
    let checks = 0;
    assert.strictEqual(await runSignInFlow(p, async () => checks++), undefined);
    assert.strictEqual(checks, 0);
  });
});

describe('describeSignInFailure', () => {
  it('names the reason and the step to re-open', () => {
    assert.deepStrictEqual(
      [
        describeSignInFailure(authError(), 'oauth1', '1').step,
        describeSignInFailure(new LivePersonError('Forbidden', 'permission', '', 403), 'oauth1', '1').step,
        describeSignInFailure(new LivePersonError('nope', 'notFound', '', 404), 'bearer', '1').step,
        describeSignInFailure(new LivePersonError('ECONNREFUSED', 'network', ''), 'login', '1').step,
      ],
      [3, 2, 0, 3],
    );
    assert.match(describeSignInFailure(new LivePersonError('Forbidden', 'permission', '', 403), 'oauth1', '1').message, /^These credentials work but lack a permission/);
    assert.match(describeSignInFailure(new LivePersonError('ECONNREFUSED', 'network', ''), 'login', '1').message, /^Could not reach LivePerson\. .*press Enter to try again\.$/);
    assert.match(describeSignInFailure(authError(), 'bearer', '1').message, /^LivePerson refused the bearer token/);
    assert.strictEqual(describeSignInFailure(authError(), 'oauth2', '1').step, 3, 'the client secret box');
  });

  it('says it once: the server\'s nested wording goes to `detail` (the log), the message is one sentence and the next action', () => {
    const nested = new LivePersonError(
      'Bad credentials: LivePerson refused the user name or password. (Login failed: the user name or password (or API key) was refused — Login Service (POST /api/account/1/login) answered 401: Authentication failed (code 11))',
      'auth', 'Check the credentials and sign in again.', 401);
    for (const method of ['login', 'oauth1', 'oauth2', 'bearer'] as const) {
      const f = describeSignInFailure(nested, method, '1');
      assert.ok(!/answered 401|Login failed|Bad credentials|code 11/.test(f.message), f.message);
      assert.strictEqual(f.message.split('. ').length <= 3, true, f.message);
      assert.match(f.message, /press Enter\.$/);
      assert.match(f.detail, /answered 401/);
    }
  });

  it('marks cancellation and redacts unknown errors', () => {
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    assert.strictEqual(describeSignInFailure(abort, 'login', '1').cancelled, true);
    const unknown = describeSignInFailure(new Error('password=hunter22'), 'login', '1');
    assert.ok(!unknown.message.includes('hunter22'));
    assert.ok(!unknown.detail.includes('hunter22'));
  });
});
