import * as assert from 'assert';
import { accountIdProblem, accountLabel, credentialsFrom, credentialsProblem, recordFor, secretValues } from '../../../src/auth/accountRecord';

describe('accountRecord', () => {
  it('validates account ids: ^[a-zA-Z0-9_]{1,20}$', () => {
    for (const ok of ['12345678', 'a', 'le_12_AB', '12345678901234567890']) assert.strictEqual(accountIdProblem(ok), undefined, ok);
    for (const bad of ['', '   ', '123 456', '1234-5678', '123456789012345678901', 'abc<', 'é123']) assert.ok(accountIdProblem(bad), bad);
  });

  it('builds credentials from typed values, trimming identifiers but not passwords', () => {
    assert.deepStrictEqual(credentialsFrom('login', { username: ' admin ', password: ' pw ' }), { kind: 'login', username: 'admin', password: ' pw ' });
    assert.deepStrictEqual(credentialsFrom('bearer', { token: 'Bearer abc.def' }), { kind: 'bearer', token: 'abc.def' });
    assert.deepStrictEqual(credentialsFrom('oauth1', { appKey: 'k', secret: 's', accessToken: 't', accessTokenSecret: 'ts' }), {
      kind: 'oauth1', appKey: 'k', secret: 's', accessToken: 't', accessTokenSecret: 'ts',
    });
    assert.throws(() => credentialsFrom('oauth1', { appKey: 'k', secret: 's' }), /Access token is missing/);
    assert.deepStrictEqual(credentialsFrom('oauth2', { clientId: ' c ', clientSecret: ' s ' }), { kind: 'oauth2', clientId: 'c', clientSecret: 's' });
    assert.throws(() => credentialsFrom('oauth2', { clientId: 'c' }), /Client secret is missing/);
  });

  it('checks credentials objects passed as arguments', () => {
    assert.strictEqual(credentialsProblem({ kind: 'bearer', token: 'x' }), undefined);
    assert.match(credentialsProblem({ kind: 'basic', token: 'x' }) ?? '', /kind/);
    assert.match(credentialsProblem({ kind: 'login', username: 'a' }) ?? '', /password/);
    assert.strictEqual(credentialsProblem({ kind: 'oauth2', clientId: 'c', clientSecret: 's' }), undefined);
    assert.match(credentialsProblem({ kind: 'oauth2', clientId: 'c' }) ?? '', /clientSecret/);
    assert.match(credentialsProblem(null) ?? '', /object/);
  });

  it('keeps no secret in the record; login keeps the user name', () => {
    const creds = { kind: 'login' as const, username: 'admin', password: 'demo-password' };
    const r = recordFor('12345678', creds, 'http://127.0.0.1:1');
    assert.deepStrictEqual(r, { key: '12345678', accountId: '12345678', label: '12345678 (admin)', method: 'login', csdsUrl: 'http://127.0.0.1:1', isDemo: false, username: 'admin' });
    const oauth = { kind: 'oauth1' as const, appKey: 'app-key-1', secret: 'sec-1', accessToken: 'tok-1', accessTokenSecret: 'toksec-1' };
    const json = JSON.stringify(recordFor('1', oauth, 'https://x'));
    for (const s of secretValues(oauth)) assert.ok(!json.includes(s), s);
    assert.strictEqual(accountLabel('1', oauth), '1 (API key)');
    assert.strictEqual(accountLabel('1', { kind: 'bearer', token: 't' }), '1 (bearer token)');
    const client = { kind: 'oauth2' as const, clientId: 'client-1', clientSecret: 'client-secret-1' };
    const clientJson = JSON.stringify(recordFor('1', client, 'https://x'));
    assert.deepStrictEqual(secretValues(client), ['client-1', 'client-secret-1']);
    for (const s of secretValues(client)) assert.ok(!clientJson.includes(s), s);
    assert.strictEqual(accountLabel('1', client), '1 (OAuth 2.0 client)');
    assert.strictEqual(accountLabel('1', oauth, true), '1 (demo)');
  });
});
