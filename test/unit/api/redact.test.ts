import * as assert from 'node:assert/strict';
import { forgetSecret, redact, registerSecret } from '../../../src/api/redact';

// Real strings as they reach log lines and error messages; every secret value must be gone.
const SECRETS = ['APPKEY123', 'TOKEN456', 'SIGNATURE789', 'Zz9 Qq8, wYy7\"Xx6;Ww5', 'Vv4 Uu3 Tt2', 'CSRF0123456789', 'SESS0123456789'];

function assertClean(text: string): string {
  const out = redact(text);
  for (const s of SECRETS) {
    for (const part of s.split(/[ ,";]+/).filter((p) => p.length >= 3)) assert.ok(!out.includes(part), `“${part}” survived in: ${out}`);
  }
  assert.ok(out.includes('‹redacted›'), out);
  return out;
}

describe('redact', () => {
  it('masks every secret of an OAuth 1.0a header whose first field is the consumer key', () => {
    assertClean('Authorization: OAuth oauth_consumer_key="APPKEY123", oauth_nonce="n1", oauth_signature="SIGNATURE789", oauth_token="TOKEN456", oauth_timestamp="1"');
  });

  it('masks an OAuth header logged inside a JSON-encoded header object', () => {
    const headers = JSON.stringify({ headers: { authorization: 'OAuth oauth_consumer_key="APPKEY123", oauth_token="TOKEN456", oauth_signature="SIGNATURE789"' } });
    assertClean(headers);
  });

  it('masks a whole JSON password that holds spaces, commas, semicolons and escaped quotes', () => {
    const out = assertClean(JSON.stringify({ username: 'ops', password: 'Zz9 Qq8, wYy7\"Xx6;Ww5' }));
    assert.ok(out.includes('"username":"ops"'), out);
    assertClean(`{'password': 'Vv4 Uu3 Tt2'}`);
    assertClean('{"password": "Vv4 Uu3 Tt2", "x": 1}');
  });

  it('masks csrf in a node-fetch error that quotes a URL with a query, and Session_id cookies', () => {
    const out = assertClean('request to http://127.0.0.1:9/api/account/1/refresh?csrf=CSRF0123456789&v=1.3 failed, reason: connect ECONNREFUSED');
    assert.ok(out.includes('&v=1.3'), out);
    assertClean('Set-Cookie: Session_id=SESS0123456789; Path=/; HttpOnly');
    assertClean('cookie: Session_id=SESS0123456789');
  });

  it('leaves text without secrets unchanged', () => {
    const text = 'GET /api/account/123/configuration/le-agents/status-reasons?v=1.0 → 200 (12 ms, "Lunch break")';
    assert.equal(redact(text), text);
  });
});

// A registered secret echoed back by a server in each encoding it may use.
describe('redact: registered secrets in every encoding', () => {
  const SECRET = 'p@ss/wörd+1 "q"\\x';
  const USER = 'ops-admin';
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
  const lowerHex = (s: string) => s.replace(/%[0-9A-F]{2}/g, h => h.toLowerCase());
  const fullyUEscaped = (s: string, upper = false) =>
    [...s].map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).map(e => (upper ? e.toUpperCase().replace('\\U', '\\u') : e)).join('');

  beforeEach(() => registerSecret(SECRET));
  afterEach(() => forgetSecret(SECRET));

  function assertMasked(echoed: string, around = (e: string) => `400 Bad Request: {"message":"unknown user ${e} in request"}`): string {
    assert.notEqual(echoed, SECRET, 'the form under test differs from the raw secret');
    const text = around(echoed);
    const out = redact(text);
    assert.ok(!out.includes(echoed), `${echoed} survived in: ${out}`);
    assert.ok(out.includes('‹redacted›'), out);
    assert.ok(out.includes('in request'), `the text around the secret stays: ${out}`);
    return out;
  }

  it('masks the raw secret', () => {
    assert.equal(redact(`echo ${SECRET} end`), 'echo ‹redacted› end');
  });

  it('masks it percent-encoded with upper- and lower-case hex (encodeURIComponent)', () => {
    const upper = encodeURIComponent(SECRET);
    assert.match(upper, /%2F/);
    assertMasked(upper, e => `request to http://127.0.0.1:9/login?pw=${e}&v=1 failed in request`);
    assertMasked(lowerHex(upper));
    // a mix of both cases in one value
    assertMasked(upper.replace('%2F', '%2f'));
  });

  it('masks it encodeURI-style (reserved characters left as they are)', () => {
    const e = encodeURI(SECRET);
    assert.ok(e.includes('/') && e.includes('%20'), e);
    assertMasked(e);
  });

  it('masks it form-encoded (application/x-www-form-urlencoded: + for space)', () => {
    const form = new URLSearchParams({ x: SECRET }).toString().slice(2);
    assert.ok(form.includes('+') && form.includes('%2B'), form);
    assertMasked(form, e => `POST body username=${USER}&x=${e} echoed in request`);
    assertMasked(lowerHex(form));
  });

  it('masks it JSON-escaped: JSON.stringify, \\/ escapes and \\uXXXX escapes', () => {
    const json = JSON.stringify(SECRET).slice(1, -1);
    assert.ok(json.includes('\\"') && json.includes('\\\\'), json);
    assertMasked(json);
    assertMasked(json.replace(/\//g, '\\/'));
    // ensure_ascii style: non-ASCII as \u00f6 (and \u00F6)
    assertMasked(json.replace('ö', '\\u00f6'));
    assertMasked(json.replace('ö', '\\u00F6'));
    assertMasked(fullyUEscaped(SECRET));
    assertMasked(fullyUEscaped(SECRET, true));
  });

  it('masks it JSON-escaped twice (a JSON body logged inside a JSON string)', () => {
    assertMasked(JSON.stringify(JSON.stringify(SECRET)).slice(3, -3).replace(/^"|"$/g, ''));
  });

  it('masks it JSON-escaped then percent-encoded, and base64 of it JSON-escaped (an echoed JSON request body)', () => {
    const body = JSON.stringify({ username: USER, password: SECRET });
    const encoded = encodeURIComponent(body);
    const out = assertMasked(encoded.slice(encoded.indexOf('%22p%40')), e => `echo ${e} in request`);
    assert.ok(!out.includes(encodeURIComponent(JSON.stringify(SECRET).slice(1, -1))), out);
    assertMasked(lowerHex(encodeURIComponent(JSON.stringify(SECRET).slice(1, -1))));
    assertMasked(b64(body));
  });

  it('masks it HTML-escaped (an HTML error page echoing the request)', () => {
    const html = SECRET.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\//g, '&#x2F;');
    assertMasked(html, e => `<html><body><p>Invalid value ${e}</p> in request</body></html>`);
  });

  it('masks it base64 and base64url encoded, alone', () => {
    assertMasked(b64(SECRET));
    assertMasked(b64url(SECRET));
  });

  it('masks a whole Basic credential base64(user:password), and base64 holding it at any byte offset', () => {
    const basic = b64(`${USER}:${SECRET}`);
    const out = assertMasked(basic, e => `{"headers":{"authorization":"Basic ${e}"}} in request`);
    assert.ok(!out.includes(basic.slice(0, 8)), `the whole credential is masked, user part too: ${out}`);
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      assertMasked(b64(`${prefix}${SECRET}tail`));
      assertMasked(b64url(`${prefix}${SECRET}tail`));
    }
  });

  it('masks the longer of two registered secrets where one contains the other', () => {
    registerSecret('demo-token');
    registerSecret('demo-token-secret');
    try {
      assert.equal(redact('a=demo-token-secret b=demo-token'), 'a=‹redacted› b=‹redacted›');
      assert.ok(!redact(b64('demo-token-secret')).includes('ZGVtby10b2tlbi1zZWNyZXQ'));
    } finally {
      forgetSecret('demo-token');
      forgetSecret('demo-token-secret');
    }
  });

  it('forgetSecret drops every form of the secret', () => {
    forgetSecret(SECRET);
    const forms = [SECRET, encodeURIComponent(SECRET), JSON.stringify(SECRET).slice(1, -1), b64(SECRET), b64url(SECRET)];
    for (const f of forms) assert.equal(redact(`x ${f} y`), `x ${f} y`);
  });

  it('leaves text around registered secrets alone (no over-masking of ordinary words)', () => {
    const text = 'GET /api/account/123/configuration/le-agents/status-reasons?v=1.0 → 200 (12 ms, "Lunch break", pass word)';
    assert.equal(redact(text), text);
  });
});

describe('redact: secrets in fields known to hold them, whatever their length', () => {
  const cases: [string, string][] = [
    ['password=ab&user=x', 'ab'],
    ['{"password":"ab"}', 'ab'],
    ["{'password': 'ab'}", 'ab'],
    ['client_secret=xy&grant_type=client_credentials', 'xy'],
    ['{"client_secret":"xy"}', 'xy'],
    ['api_key=k1', 'k1'],
    ['Authorization: Bearer x', ' x'],
    ['{"authorization":"Bearer x"}', ' x'],
    ['Authorization: Basic YTpi', 'YTpi'],
    ['{"headers":{"Authorization":"Basic YTpi"}}', 'YTpi'],
    ['Proxy-Authorization: Basic dXNlcjpwYXNzd29yZA==', 'dXNlcjpwYXNzd29yZA'],
  ];
  for (const [text, secret] of cases) {
    it(`masks ${JSON.stringify(secret.trim())} in ${text}`, () => {
      const out = redact(text);
      assert.ok(!out.includes(secret), out);
      assert.ok(out.includes('‹redacted›'), out);
    });
  }

  it('masks a bare Basic credential (it decodes to user:password) but not the word "basic"', () => {
    const out = redact('retrying with Basic dXNlcjpwYXNzd29yZA== after 401');
    assert.equal(out, 'retrying with Basic ‹redacted› after 401');
    const plain = 'basic settings are shown; the Basic reasons list';
    assert.equal(redact(plain), plain);
  });

  it('keeps the account label "(bearer token)" readable', () => {
    assert.equal(redact('Signed in to 12345678 (bearer token).'), 'Signed in to 12345678 (bearer token).');
  });
});
