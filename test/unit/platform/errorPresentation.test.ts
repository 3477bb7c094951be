import * as assert from 'assert';
import { CancelledError, ConflictError, LivePersonError, OutcomeUnknownError, PartlyAppliedError, ValidationError, type ErrorKind } from '../../../src/api/errors';
import { CHECK_PERMISSIONS, presentError, REFRESH, RETRY, SHOW_LOG, SIGN_IN } from '../../../src/platform/errorPresentation';
import { refreshCommandOf } from '../../../src/platform/refreshCommand';

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

  it('offers Check Permissions for a 403 (permission)', () => {
    assert.deepStrictEqual(presentError(err('permission'), 'c').actions, [CHECK_PERMISSIONS, SHOW_LOG]);
  });

  for (const kind of ['notFound', 'validation', 'badResponse'] as const) {
    it(`offers only Show Log for ${kind}`, () => {
      assert.deepStrictEqual(presentError(err(kind), 'c').actions, [SHOW_LOG]);
    });
  }

  it('a write that may have been applied offers Refresh, never Retry', () => {
    const lost = err('timeout', 'POST /x did not answer within 5 s', 'Retry.');
    const p = presentError(new OutcomeUnknownError('create “Lunch”', lost, new Error('503')), 'liveperson.statusReasons.create');
    assert.match(p.message, /^The answer to “create “Lunch”” was lost \(POST \/x did not answer within 5 s\).*may have been applied\. Refresh the list/);
    assert.deepStrictEqual(p.actions, [REFRESH, SHOW_LOG]);
    const partly = presentError(new PartlyAppliedError([{ id: '1', text: 'A' }], ['B'], lost), 'c');
    assert.match(partly.message, /1 of 2 exist now \(“A”\); not created: “B”/);
    assert.deepStrictEqual(partly.actions, [REFRESH, SHOW_LOG]);
  });

  it('a lost answer read back as not applied says so, and offers Retry', () => {
    const e = Object.assign(err('badResponse', 'LivePerson sent a truncated answer'), { notApplied: true });
    const p = presentError(e, 'c');
    assert.match(p.message, /Checked: the server does not hold the change, so retrying is safe\./);
    assert.deepStrictEqual(p.actions, [RETRY, SHOW_LOG]);
  });

  it('Refresh runs the failed command’s feature refresh', () => {
    assert.strictEqual(refreshCommandOf('liveperson.statusReasons.create'), 'liveperson.statusReasons.refresh');
    assert.strictEqual(refreshCommandOf('liveperson.agents.filter'), 'liveperson.agents.refresh');
  });

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
