import * as assert from 'assert';
import type { Credentials } from '../../../src/api/types';
import { SecretVault, secretKey, type SecretStore } from '../../../src/auth/secretVault';

class MemorySecrets implements SecretStore {
  readonly data = new Map<string, string>();
  broken = false;
  async get(k: string) { this.check(); return this.data.get(k); }
  async store(k: string, v: string) { this.check(); this.data.set(k, v); }
  async delete(k: string) { this.check(); this.data.delete(k); }
  private check() { if (this.broken) throw new Error('Cannot create an item in a locked collection'); }
}
const creds: Credentials = { kind: 'login', username: 'admin', password: 'pw-123456' };

describe('SecretVault', () => {
  it('stores one JSON secret per account under the account id and reads it back', async () => {
    const secrets = new MemorySecrets();
    const vault = new SecretVault(secrets, () => assert.fail('should not fail'));
    assert.strictEqual(await vault.store('123', creds), 'secretStorage');
    assert.deepStrictEqual([...secrets.data.keys()], [secretKey('123')]);
    assert.deepStrictEqual(JSON.parse(secrets.data.get(secretKey('123')) ?? ''), creds);
    assert.deepStrictEqual(await vault.get('123'), creds);
    await vault.delete('123');
    assert.strictEqual(await vault.get('123'), undefined);
    assert.strictEqual(secrets.data.size, 0);
  });

  it('falls back to memory for this window only when SecretStorage throws, and says so once', async () => {
    const secrets = new MemorySecrets();
    secrets.broken = true;
    const failures: unknown[] = [];
    const vault = new SecretVault(secrets, e => failures.push(e));
    assert.strictEqual(await vault.store('a', creds), 'memory');
    assert.strictEqual(await vault.store('b', { kind: 'bearer', token: 'tok-abcdef' }), 'memory');
    assert.deepStrictEqual(await vault.get('a'), creds);
    assert.strictEqual(await vault.get('nope'), undefined);
    assert.strictEqual(failures.length, 1, 'the failure is reported once');
    assert.deepStrictEqual(vault.memoryOnly().sort(), ['a', 'b']);
    assert.strictEqual(secrets.data.size, 0, 'nothing persisted anywhere');
    await vault.delete('a');
    assert.deepStrictEqual(vault.memoryOnly(), ['b']);
  });

  it('ignores corrupt stored values', async () => {
    const secrets = new MemorySecrets();
    secrets.data.set(secretKey('x'), '{not json');
    secrets.data.set(secretKey('y'), JSON.stringify({ kind: 'login', username: 'u' }));
    const vault = new SecretVault(secrets, () => undefined);
    assert.strictEqual(await vault.get('x'), undefined);
    assert.strictEqual(await vault.get('y'), undefined);
  });

  it('simulated failure behaves like a missing keyring and can be switched off', async () => {
    const secrets = new MemorySecrets();
    let failures = 0;
    const vault = new SecretVault(secrets, () => failures++);
    vault.simulateFailure(true);
    assert.strictEqual(await vault.store('a', creds), 'memory');
    vault.simulateFailure(false);
    assert.strictEqual(await vault.store('c', creds), 'secretStorage');
    assert.strictEqual(failures, 1);
  });
});
