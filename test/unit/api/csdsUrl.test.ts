// The CSDS URL decides where credentials go: plain http only to this machine, no user:password@.
import * as assert from 'node:assert/strict';
import { createLivePersonClient } from '../../../src/api/client';
import { isLoopbackHost, serviceHostProblem } from '../../../src/api/domains';
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

describe('api/domains: the hosts a CSDS answer names', () => {
  it('takes plain host names with an optional port (and tolerates https:// and a trailing /)', () => {
    for (const h of ['va.ac.liveperson.net', 'va.ac.liveperson.net:443', 'https://lo.agentactivity.liveperson.net/', 'z1.acr.liveperson.net']) {
      assert.equal(serviceHostProblem(h, false), undefined, h);
    }
    for (const h of ['127.0.0.1:8787', 'localhost:1', '[::1]:9', 'http://127.0.0.1:8787']) assert.equal(serviceHostProblem(h, true), undefined, h);
  });

  it('refuses another scheme, paths, user info, odd characters and bad ports', () => {
    const cases: [string, RegExp][] = [
      ['http://va.ac.liveperson.net', /http: scheme/],
      ['javascript://x', /javascript: scheme/],
      ['ftp://va.ac.liveperson.net', /ftp: scheme/],
      ['va.ac.liveperson.net/../evil', /not a plain host name/],
      ['user@evil.example', /not a plain host name/],
      ['evil.example?x=va.ac.liveperson.net', /not a plain host name/],
      ['evil.example#va', /not a plain host name/],
      ['va.ac.liveperson.net:99999', /not a plain host name/],
      ['va ac.liveperson.net', /not a plain host name/],
      ['-bad-.example', /not a plain host name/],
      ['[2001:db8::1]:443', /not a plain host name/],
      ['', /not a plain host name/],
    ];
    for (const [h, why] of cases) assert.match(serviceHostProblem(h, false) ?? '', why, h);
  });

  it('from a CSDS on this machine, refuses hosts elsewhere', () => {
    assert.match(serviceHostProblem('evil.example.invalid:443', true) ?? '', /not on this machine/);
    assert.match(serviceHostProblem('127.0.0.1.nip.io:80', true) ?? '', /not on this machine/);
    assert.match(serviceHostProblem('http://evil.example:80', true) ?? '', /not on this machine/);
    assert.match(serviceHostProblem('user@127.0.0.1:8787', true) ?? '', /not a plain host name/);
    assert.match(serviceHostProblem('127.0.0.1:8787/../x', true) ?? '', /not a plain host name/);
  });
});
