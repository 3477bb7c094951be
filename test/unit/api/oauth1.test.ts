import * as assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import { hmacSha1Signature, oauth1Header, percentEncode, signatureBaseString } from '../../../src/api/auth/oauth1';

function parseHeader(h: string): Record<string, string> {
  assert.match(h, /^OAuth /);
  const out: Record<string, string> = {};
  for (const m of h.slice(6).matchAll(/([a-z_]+)="([^"]*)"/g)) out[m[1]] = decodeURIComponent(m[2]);
  return out;
}

describe('OAuth 1.0a signer (RFC 5849 §3.4)', () => {
  it('builds the signature base string of the RFC 5849 §3.4.1.1 worked example', () => {
    // POST /request?b5=%3D%253D&a3=a&c%40=&a2=r%20b with form body c2&a3=2+q
    const base = signatureBaseString(
      'post',
      'http://EXAMPLE.COM:80/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
      { oauth_consumer_key: '9djdj82h48djs9d2', oauth_token: 'kkk9d7dh3k39sjv7', oauth_signature_method: 'HMAC-SHA1', oauth_timestamp: '137131201', oauth_nonce: '7d8f3e4a', oauth_signature: 'ignored', realm: 'Example' },
      [['c2', ''], ['a3', '2 q']],
    );
    assert.equal(
      base,
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    );
  });

  it('produces the signature of the RFC 5849 §1.2 example', () => {
    const base = signatureBaseString('GET', 'http://photos.example.net/photos?file=vacation.jpg&size=original', {
      oauth_consumer_key: 'dpf43f3p2l4k3l03', oauth_token: 'nnch734d00sl2jdk', oauth_signature_method: 'HMAC-SHA1', oauth_timestamp: '137131202', oauth_nonce: 'chapoH',
    });
    assert.equal(hmacSha1Signature(base, 'kd94hf93k423kf44', 'pfkkdhi9sl3r4s00'), 'MdpQcU8iPSUjWoN/UDMsK2sui9I=');
  });

  it('keeps the port unless it is the default one, and encodes per RFC 3986', () => {
    assert.match(signatureBaseString('GET', 'https://Host.example:8443/a/b?x=1', {}), /^GET&https%3A%2F%2Fhost.example%3A8443%2Fa%2Fb&x%3D1$/);
    assert.match(signatureBaseString('GET', 'https://host.example:443/a', {}), /^GET&https%3A%2F%2Fhost.example%2Fa&$/);
    assert.equal(percentEncode("a b!*'()~é"), 'a%20b%21%2A%27%28%29~%C3%A9');
  });

  const keys = { appKey: 'demo-app-key', secret: 'demo-app-secret', accessToken: 'demo-token', accessTokenSecret: 'demo-token-secret' };
  const cases: [string, string][] = [
    ['GET', 'http://127.0.0.1:8787/api/v2/account/12345678/status-changes?source=vscode&v=2&from=2024-05-27T00%3A00%3A00.000Z&to=2024-05-28T00%3A00%3A00.000Z&limit=1000&offset=0'],
    ['POST', 'https://va.msghist.liveperson.net/messaging_history/api/account/70071528/agent-view/status?offset=0&limit=1000'],
    ['PUT', 'https://va.ac.liveperson.net/api/account/70071528/configuration/le-agents/status-reasons/3201442712?v=1.0'],
    ['GET', 'https://va.ac.liveperson.net/api/account/70071528/configuration/le-users/users?v=4.0&select=id%2CloginName%2Cnickname&include_deleted=true'],
  ];
  for (const [method, url] of cases) {
    it(`matches the independent oauth-1.0a package for ${method} ${new URL(url).pathname.split('/').slice(-1)[0]}`, () => {
      const ref = new OAuth({
        consumer: { key: keys.appKey, secret: keys.secret },
        signature_method: 'HMAC-SHA1',
        hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
      });
      ref.getNonce = () => 'n0nce42';
      ref.getTimeStamp = () => 1716880000;
      // JSON bodies are not signed: the reference is given no body data at all.
      const expected = ref.authorize({ url, method }, { key: keys.accessToken, secret: keys.accessTokenSecret });
      const ours = parseHeader(oauth1Header(method, url, keys, { nonce: 'n0nce42', timestamp: 1716880000 }));
      assert.equal(ours.oauth_signature, expected.oauth_signature);
      assert.equal(ours.oauth_consumer_key, 'demo-app-key');
      assert.equal(ours.oauth_token, 'demo-token');
      assert.equal(ours.oauth_signature_method, 'HMAC-SHA1');
      assert.equal(ours.oauth_version, '1.0');
      assert.equal(ours.oauth_nonce, 'n0nce42');
      assert.equal(ours.oauth_timestamp, '1716880000');
      // and the header the reference builds carries the same signature
      assert.equal(decodeURIComponent(/oauth_signature="([^"]+)"/.exec(ref.toHeader(expected).Authorization)![1]), ours.oauth_signature);
    });
  }

  it('signs differently when a query parameter changes (query parameters are signed)', () => {
    const a = parseHeader(oauth1Header('GET', 'http://h/x?v=1.0', keys, { nonce: 'n', timestamp: 1 }));
    const b = parseHeader(oauth1Header('GET', 'http://h/x?v=2.0', keys, { nonce: 'n', timestamp: 1 }));
    assert.notEqual(a.oauth_signature, b.oauth_signature);
    const c = parseHeader(oauth1Header('GET', 'http://h/x?v=1.0', keys));
    const d = parseHeader(oauth1Header('GET', 'http://h/x?v=1.0', keys));
    assert.notEqual(c.oauth_nonce, d.oauth_nonce, 'a fresh nonce per request');
  });
});
