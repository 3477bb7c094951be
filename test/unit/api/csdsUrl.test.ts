// The CSDS URL decides where credentials go: plain http only to this machine, no user:password@.
import * as assert from 'node:assert/strict';
import { createLivePersonClient } from '../../../src/api/client';
import { isLoopbackHost } from '../../../src/api/domains';
import { DEMO, LOGIN } from './support';

describe('api/domains: the CSDS URL', () => {
  const make = (csdsUrl: string) => () => createLivePersonClient({ accountId: DEMO.accountId, csdsUrl, credentials: LOGIN });

  it('accepts https anywhere and http on loopback (the emulator)', () => {
    for (const url of ['https://api.liveperson.net', 'http://127.0.0.1:8787', 'http://localhost:1', 'http://[::1]:9']) {
      assert.doesNotThrow(make(url), url);
    }
  });

  it('refuses plain http to another host, saying why and what to do', () => {
    assert.throws(make('http://api.liveperson.net'), (e: Error & { kind?: string; hint?: string }) => {
      assert.equal(e.kind, 'validation');
      assert.match(e.message, /unencrypted/);
      assert.match(e.hint ?? '', /https:\/\//);
      return true;
    });
    assert.throws(make('http://10.0.0.5:8080'), /unencrypted/);
  });

  it('refuses user:password@ in the URL without repeating it', () => {
    assert.throws(make('https://bob:hunter22@api.liveperson.net'), (e: Error) => {
      assert.doesNotMatch(e.message, /hunter22/);
      return true;
    });
  });

  it('knows loopback hosts', () => {
    assert.deepEqual(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'LOCALHOST', '128.0.0.1', 'example.com', '127.0.0.1.nip.io'].map(isLoopbackHost),
      [true, true, true, true, true, true, false, false, false]);
  });
});
