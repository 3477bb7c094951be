import * as assert from 'assert';
import { registerSecret, forgetSecret } from '../../../src/api/redact';
import { createRedactingLog, type LogSink } from '../../../src/platform/redactingLog';

function sink() {
  const lines: [string, string][] = [];
  let shown = 0;
  const s: LogSink = {
    trace: m => lines.push(['trace', m]),
    debug: m => lines.push(['debug', m]),
    info: m => lines.push(['info', m]),
    warn: m => lines.push(['warn', m]),
    error: m => lines.push(['error', m]),
    show: () => void shown++,
  };
  return { s, lines, shown: () => shown };
}

describe('createRedactingLog', () => {
  it('redacts every level and keeps the level', () => {
    const { s, lines } = sink();
    const log = createRedactingLog(s);
    log.trace('Authorization: Bearer tok_123456789');
    log.debug('{"password":"hunter22"}');
    log.info('GET /x?access_token=abcdef123');
    log.warn('cookie: session=xyz');
    log.error('{"accessTokenSecret":"qqqqqqq"}');
    assert.deepStrictEqual(lines.map(l => l[0]), ['trace', 'debug', 'info', 'warn', 'error']);
    for (const [, line] of lines) assert.match(line, /‹redacted›/);
    const all = lines.map(l => l[1]).join('\n');
    for (const secret of ['tok_123456789', 'hunter22', 'abcdef123', 'session=xyz', 'qqqqqqq']) assert.ok(!all.includes(secret), `${secret} leaked: ${all}`);
  });

  it('masks registered secrets wherever they appear', () => {
    const { s, lines } = sink();
    const log = createRedactingLog(s);
    registerSecret('my-typed-password');
    try {
      log.info('user typed my-typed-password in a free-form sentence');
      assert.ok(!lines[0][1].includes('my-typed-password'));
    } finally {
      forgetSecret('my-typed-password');
    }
  });

  it('leaves ordinary text alone and shows the channel', () => {
    const { s, lines, shown } = sink();
    const log = createRedactingLog(s);
    log.info('Signed in to 12345678 (admin).');
    log.show();
    assert.strictEqual(lines[0][1], 'Signed in to 12345678 (admin).');
    assert.strictEqual(shown(), 1);
  });
});
