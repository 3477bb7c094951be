// A link the server returns (pagination `next`) is followed only on the service host: credentials
// never go to another origin, whatever the link's shape.
import * as assert from 'node:assert/strict';
import { sameOriginLink } from '../../../src/api/apiContext';
import { LivePersonError } from '../../../src/api/errors';

describe('api/apiContext: server links stay on the service host', () => {
  const base = 'https://va.agent-activity.liveperson.net';

  it('resolves relative and absolute links on the same origin', () => {
    assert.equal(sameOriginLink('/api/v2/x?offset=10', base, 'Agent Activity'), `${base}/api/v2/x?offset=10`);
    assert.equal(sameOriginLink(`${base}/api/v2/x?offset=10`, base, 'Agent Activity'), `${base}/api/v2/x?offset=10`);
    assert.equal(sameOriginLink('HTTPS://VA.Agent-Activity.liveperson.net:443/a', base, 'Agent Activity'), `${base}/a`);
    assert.equal(sameOriginLink('/a', 'http://127.0.0.1:8787', 'x'), 'http://127.0.0.1:8787/a');
  });

  it('refuses every link that leaves the origin, naming the host and sending nothing', () => {
    const hostile = [
      '//other.example/x', // protocol-relative: URL resolution switches host
      `${base}//other.example/x`.replace(base, ''), // the path of https://host//other.example/x
      'https://other.example/api/v2/x',
      'http://va.agent-activity.liveperson.net/api', // a downgrade to http
      'https://va.agent-activity.liveperson.net:8443/api', // another port
      'https://user:pw@va.agent-activity.liveperson.net/api',
      '\\\\other.example/x', // backslashes are slashes to the URL parser
      '/\\other.example/x',
      `${base}//other.example/x`, // on the host, but its path names another one
    ];
    for (const link of hostile) {
      assert.throws(() => sameOriginLink(link, base, 'Agent Activity'), (e: LivePersonError) => {
        assert.equal(e.kind, 'badResponse', link);
        assert.match(e.message, /was not followed/);
        assert.doesNotMatch(e.message, /\bpw\b/);
        return true;
      }, link);
    }
  });
});
