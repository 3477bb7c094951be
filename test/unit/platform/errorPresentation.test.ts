import * as assert from 'assert';
import { CancelledError, ConflictError, LivePersonError, ValidationError, type ErrorKind } from '../../../src/api/errors';
import { presentError, RETRY, SHOW_LOG, SIGN_IN } from '../../../src/platform/errorPresentation';

const err = (kind: ErrorKind, message = 'It failed', hint = 'Do something.', status?: number) => new LivePersonError(message, kind, hint, status, [], 'GET /api/x');

describe('presentError', () => {
  it('is silent for cancellation (CancelledError and AbortError)', () => {
    assert.strictEqual(presentError(new CancelledError(), 'cmd').silent, true);
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    assert.strictEqual(presentError(abort, 'cmd').silent, true);
  });

  it('shows message + hint, with Sign In for auth errors', () => {
    const p = presentError(err('auth', 'The session expired', 'Sign in again.', 401), 'liveperson.agents.refresh');
    assert.strictEqual(p.silent, false);
    assert.strictEqual(p.message, 'The session expired. Sign in again.');
    assert.deepStrictEqual(p.actions, [SIGN_IN, SHOW_LOG]);
    assert.match(p.logLine, /^liveperson\.agents\.refresh failed \[auth 401\] — GET \/api\/x: The session expired/);
  });

  for (const kind of ['network', 'server', 'rateLimit', 'timeout'] as const) {
    it(`offers Retry for ${kind}`, () => {
      assert.deepStrictEqual(presentError(err(kind), 'c').actions, [RETRY, SHOW_LOG]);
    });
  }

  for (const kind of ['permission', 'notFound', 'validation', 'badResponse'] as const) {
    it(`offers only Show Log for ${kind}`, () => {
      assert.deepStrictEqual(presentError(err(kind), 'c').actions, [SHOW_LOG]);
    });
  }

  it('maps ConflictError (a subclass) with its hint', () => {
    const p = presentError(new ConflictError('Revision is stale', 409), 'c');
    assert.match(p.message, /^Revision is stale\. Someone else changed/);
    assert.deepStrictEqual(p.actions, [SHOW_LOG]);
  });

  it('lists at most three causes and says how many more', () => {
    const p = presentError(new ValidationError('Refused', ['a', 'b', 'c', 'd', 'e']), 'c');
    assert.match(p.message, /Details: a; b; c \(\+2 more\)\./);
    assert.match(p.logLine, /causes: a; b; c; d; e/);
  });

  it('redacts secrets in messages, causes and log lines', () => {
    const e = new LivePersonError('failed with Authorization: Bearer abcdefghijkl', 'server', 'Retry.', 503, ['password=hunter22'], 'POST /login?token=zzzzzzzz');
    const p = presentError(e, 'c');
    for (const text of [p.message, p.logLine]) {
      assert.ok(!text.includes('abcdefghijkl'), text);
      assert.ok(!text.includes('hunter22'), text);
      assert.ok(!text.includes('zzzzzzzz'), text);
    }
  });

  it('turns an unknown error into one message + Show Log, logging the stack redacted', () => {
    const e = new TypeError('x is undefined; password: s3cr3tvalue');
    const p = presentError(e, 'liveperson.signIn');
    assert.strictEqual(p.silent, false);
    assert.deepStrictEqual(p.actions, [SHOW_LOG]);
    assert.match(p.message, /^Something went wrong: x is undefined/);
    assert.ok(!p.message.includes('s3cr3tvalue'));
    assert.match(p.logLine, /TypeError/);
    assert.ok(!p.logLine.includes('s3cr3tvalue'));
  });

  it('handles thrown non-Error values', () => {
    assert.match(presentError('plain string', 'c').message, /plain string/);
  });
});
