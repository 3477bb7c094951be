// The emulator CLI (compiled by tsc to out/src/emulator/cli.js): prints its URL and the demo
// credentials, serves, takes fault flags, stops cleanly on SIGTERM; bad flags exit 2.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { ACCT, BEARER, reasonsPath, request } from './helpers';

const CLI = path.resolve(__dirname, '../../../src/emulator/cli.js');

/** Waits for the CLI's "listening on …" banner (printed in full, up to Ctrl+C); the URL and what it printed. */
function listening(child: ChildProcess): Promise<{ url: string; out: string }> {
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && out.includes('Ctrl+C')) resolve({ url: m[1], out });
    });
    child.once('exit', code => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe('emulator: CLI', () => {
  it('starts, prints URL and demo credentials, applies fault flags, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--agents', '30', '--seed', '3', '--quiet', '--burst-5xx', '1', '--create-status', '201', '--agent-metrics-needs-key'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const { url, out } = await listening(child);
    for (const s of ['12345678', 'admin', 'demo-password', 'demo-app-key', 'demo-app-secret', 'demo-token', 'demo-token-secret', 'demo-bearer-token']) assert.ok(out.includes(s), s);
    assert.equal((await request(url, 'GET', reasonsPath(), { headers: BEARER })).status, 503, '--burst-5xx 1');
    const created = await request(url, 'POST', reasonsPath(), { body: { text: 'From CLI test', state: 'Away', enabled: true }, headers: BEARER });
    assert.equal(created.status, 201, '--create-status 201');
    const session = await request(url, 'POST', `/api/account/${ACCT}/login?v=1.3`, { body: { username: 'admin', password: 'demo-password' } });
    const agentView = (authorization: string) => request(url, 'POST', `/messaging_history/api/account/${ACCT}/agent-view/status`, { body: {}, headers: { authorization } });
    assert.equal((await agentView(`Bearer ${session.json.bearer}`)).status, 403, '--agent-metrics-needs-key: a login bearer is refused');
    assert.equal((await agentView(BEARER.authorization)).status, 200, '--agent-metrics-needs-key: the plain bearer still passes');
    assert.equal((await request(url, 'GET', `/api/account/${ACCT}/configuration/le-users/users?v=4.0`, { headers: BEARER })).json.length, 30 + 1);
    const code = await new Promise<number | null>(resolve => {
      child.once('exit', c => resolve(c));
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
  });
  it('takes the lost-answer, 401, CSDS, next-link and not-found fault flags (--csds-foreign-host with or without a value; --csds-omit, --not-found-paths lists)', async () => {
    const faultsOf = async (args: string[]) => {
      const child = spawn(process.execPath, [CLI, '--port', '0', '--agents', '5', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        const { url } = await listening(child);
        return (await request(url, 'GET', '/__control/faults')).json;
      } finally {
        if (child.exitCode === null) await new Promise<void>(resolve => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });
      }
    };
    const f = await faultsOf(['--apply-then-timeout', '1', '--apply-then-reset', '2', '--precondition-failed', '3', '--unauthorized-after', '0', '--csds-foreign-host', '--foreign-next-link']);
    assert.deepEqual([f.applyThenTimeout, f.applyThenReset, f.preconditionFailed, f.unauthorizedAfter, f.csdsForeignHost, f.foreignNextLink], [1, 2, 3, 0, true, true]);
    assert.equal((await faultsOf(['--csds-foreign-host', 'user@127.0.0.1:1'])).csdsForeignHost, 'user@127.0.0.1:1');
    const lists = await faultsOf(['--csds-omit', 'agentManagerWorkspace,msgHist', '--not-found-paths', '/manager_workspace/']);
    assert.deepEqual([lists.csdsOmit, lists.notFoundPaths], [['agentManagerWorkspace', 'msgHist'], ['/manager_workspace/']]);
  });
  it('--help prints every flag; an unknown flag exits 2 with a message', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    for (const f of ['--port', '--agents', '--seed', '--latency', '--rate-429', '--login-429', '--burst-5xx', '--partial', '--stale-revision', '--html-errors', '--truncate-bodies',
      '--apply-then-5xx', '--apply-then-timeout', '--apply-then-reset', '--precondition-failed', '--unauthorized-after', '--csds-foreign-host', '--foreign-next-link', '--csds-omit', '--not-found-paths', '--agent-metrics-needs-key', '--create-status']) assert.ok(help.stdout.includes(f), f);
    const bad = spawnSync(process.execPath, [CLI, '--frobnicate'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /Unknown option --frobnicate/);
    assert.equal(spawnSync(process.execPath, [CLI, '--agents', 'many'], { encoding: 'utf8' }).status, 2);
  });
});
