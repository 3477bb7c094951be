import * as assert from 'assert';
import { LivePersonError } from '../../../src/api/errors';
import { panelError } from '../../../src/timeline/panelErrors';

describe('timeline/panelErrors', () => {
  it('a login refused by Agent Activity offers both ways in that it takes: an API key or OAuth 2.0 client credentials', () => {
    const e = panelError(new LivePersonError('refused', 'auth', '', 401), { method: 'login', accountId: '12345678' });
    assert.strictEqual(e.title, 'Agent Activity needs an API key');
    assert.match(e.message, /API key \(OAuth 1\.0a\).*or OAuth 2\.0 client credentials\.$/);
    assert.match(e.hint, /client id and secret of an OAuth 2\.0 application/);
    assert.strictEqual(e.actions[0].id, 'signInWithKey');
  });

  it('an OAuth 2.0 sign-in refused by Agent Activity is a plain "signed out", not a request for a key', () => {
    const e = panelError(new LivePersonError('refused', 'auth', '', 401), { method: 'oauth2', accountId: '12345678' });
    assert.strictEqual(e.title, 'Signed out');
  });
});
