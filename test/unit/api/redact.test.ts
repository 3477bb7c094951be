import * as assert from 'node:assert/strict';
import { redact } from '../../../src/api/redact';

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
