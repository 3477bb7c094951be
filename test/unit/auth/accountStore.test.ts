import * as assert from 'assert';
import { recordFor } from '../../../src/auth/accountRecord';
import { AccountStore, ACCOUNTS_KEY, ACTIVE_KEY, type MementoLike } from '../../../src/auth/accountStore';

class Memento implements MementoLike {
  readonly data = new Map<string, unknown>();
  get<T>(k: string) { return this.data.get(k) as T | undefined; }
  async update(k: string, v: unknown) { if (v === undefined) this.data.delete(k); else this.data.set(k, JSON.parse(JSON.stringify(v))); }
}

describe('AccountStore', () => {
  it('keeps several accounts, replaces one signed in again, forgets the active one on removal', async () => {
    const m = new Memento();
    const store = new AccountStore(m);
    await store.put(recordFor('111', { kind: 'bearer', token: 't' }, 'https://a'));
    await store.put(recordFor('222', { kind: 'login', username: 'u', password: 'p' }, 'https://a'));
    await store.put(recordFor('111', { kind: 'login', username: 'v', password: 'p' }, 'https://b'));
    assert.deepStrictEqual(store.list().map(r => r.label), ['222 (u)', '111 (v)']);
    await store.setActiveKey('111');
    assert.strictEqual(store.activeKey(), '111');
    await store.remove('111');
    assert.strictEqual(store.activeKey(), undefined);
    assert.deepStrictEqual((m.get<{ accountId: string }[]>(ACCOUNTS_KEY) ?? []).map(r => r.accountId), ['222']);
    assert.ok(!m.data.has(ACTIVE_KEY));
  });

  it('keeps the demo account for this window only', async () => {
    const m = new Memento();
    const store = new AccountStore(m);
    await store.put(recordFor('12345678', { kind: 'bearer', token: 't' }, 'http://127.0.0.1:9', true));
    assert.strictEqual(store.find('demo:12345678')?.isDemo, true);
    assert.strictEqual(m.get(ACCOUNTS_KEY), undefined);
  });

  it('keeps a saved account and the demo account with the same id apart', async () => {
    const store = new AccountStore(new Memento());
    await store.put(recordFor('12345678', { kind: 'login', username: 'admin', password: 'p' }, 'http://127.0.0.1:1'));
    await store.put(recordFor('12345678', { kind: 'bearer', token: 't' }, 'http://127.0.0.1:2', true));
    assert.deepStrictEqual(store.list().map(r => r.key), ['12345678', 'demo:12345678']);
    assert.strictEqual(store.resolve('12345678')?.isDemo, false, 'an account id names the saved account first');
    assert.strictEqual(store.resolve('demo:12345678')?.isDemo, true);
    await store.remove('demo:12345678');
    assert.deepStrictEqual(store.list().map(r => r.key), ['12345678']);
  });

  it('skips malformed stored records', () => {
    const m = new Memento();
    m.data.set(ACCOUNTS_KEY, [{ accountId: 1 }, 'x', recordFor('9', { kind: 'bearer', token: 't' }, 'https://a')]);
    assert.deepStrictEqual(new AccountStore(m).list().map(r => r.accountId), ['9']);
  });
});
