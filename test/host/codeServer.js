// Start/stop code-server 4.100.3 (the real VS Code workbench + a real Node extension host) and
// open it in Debian's Chromium through playwright-core. Used by the integration, e2e and demo launchers.
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const http = require('http');

const ROOT = path.resolve(__dirname, '../..');
const HOST_ROOT = process.env.HOST_ROOT || path.join(ROOT, '.vscode-test');
const CODE_SERVER = path.join(HOST_ROOT, 'code-server/node_modules/.bin/code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Environment that keeps code-server/Chromium state inside .vscode-test (never $HOME). */
function hostEnv(extra = {}) {
  const env = { ...process.env };
  env.XDG_CONFIG_HOME = path.join(HOST_ROOT, 'xdg/config');
  env.XDG_DATA_HOME = path.join(HOST_ROOT, 'xdg/data');
  env.XDG_CACHE_HOME = path.join(HOST_ROOT, 'xdg/cache');
  env.TMPDIR = path.join(HOST_ROOT, 'tmp');
  for (const k of ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'TMPDIR']) fs.mkdirSync(env[k], { recursive: true });
  return Object.assign(env, extra);
}

/** Runs test/host/install.sh unless code-server is already there. */
function ensureCodeServer() {
  const ok = fs.existsSync(CODE_SERVER) && spawnSync(CODE_SERVER, ['--version'], { encoding: 'utf8', env: hostEnv() }).stdout?.startsWith('4.100.3');
  if (ok) return;
  const r = spawnSync('bash', [path.join(__dirname, 'install.sh')], { stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error('code-server install failed (see .vscode-test/code-server-install.log)');
}

function healthy(port) {
  return new Promise(resolve => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, res => { res.resume(); resolve(res.statusCode === 200); });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}

/**
 * Starts code-server on 127.0.0.1:port with its own user-data and extensions dirs under `runDir`.
 * Returns { url, stop() }. The process group is killed on stop() and when this process exits.
 */
async function startCodeServer({ port, runDir, folder, env = {}, fresh = true, extraArgs = [] }) {
  ensureCodeServer();
  const ud = path.join(runDir, 'user-data');
  const ext = path.join(runDir, 'extensions');
  if (fresh) fs.rmSync(ud, { recursive: true, force: true });
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.mkdirSync(ext, { recursive: true });
  fs.mkdirSync(folder, { recursive: true });
  const settings = path.join(ud, 'User/settings.json');
  if (!fs.existsSync(settings)) fs.copyFileSync(path.join(__dirname, 'settings.json'), settings);
  if (await healthy(port)) throw new Error(`port ${port} is already in use (another code-server?) — set PORT=...`);
  const log = fs.openSync(path.join(runDir, 'code-server.log'), 'w');
  const child = spawn(CODE_SERVER, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', ud,
    '--extensions-dir', ext, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', ...extraArgs, folder], { detached: true, stdio: ['ignore', log, log], env: hostEnv(env) });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  process.on('exit', stop);
  for (let i = 0; i < 600; i++) {
    if (await healthy(port)) return { url: `http://127.0.0.1:${port}/`, stop, extensionsDir: ext, userDataDir: ud };
    if (child.exitCode !== null) break;
    await new Promise(r => setTimeout(r, 100));
  }
  stop();
  throw new Error(`code-server did not start: ${fs.readFileSync(path.join(runDir, 'code-server.log'), 'utf8').slice(-2000)}`);
}

/** Installs a .vsix into an extensions dir with code-server's CLI. */
function installVsix(vsix, runDir) {
  const r = spawnSync(CODE_SERVER, ['--user-data-dir', path.join(runDir, 'user-data'), '--extensions-dir', path.join(runDir, 'extensions'),
    '--install-extension', vsix, '--force'], { encoding: 'utf8', env: hostEnv() });
  if (r.status !== 0) throw new Error(`install-extension failed: ${r.stdout}\n${r.stderr}`);
}

/** A Chromium persistent context (fresh profile dir unless `profileDir` is given). */
async function launchBrowser({ profileDir, viewport = { width: 1440, height: 900 } } = {}) {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-liberation fonts-noto-color-emoji (or set CHROMIUM=/path/to/chromium)`);
  const dir = profileDir || fs.mkdtempSync(path.join(hostEnv().TMPDIR, 'chromium-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, viewport, args: CHROMIUM_ARGS });
  const close = async () => {
    await ctx.close().catch(() => {});
    if (!profileDir) fs.rmSync(dir, { recursive: true, force: true });
  };
  return { ctx, page: ctx.pages()[0] || (await ctx.newPage()), close };
}

/** Runs a shell command, streaming output, throwing on failure. */
function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

module.exports = { ROOT, HOST_ROOT, CODE_SERVER, CHROMIUM, CHROMIUM_ARGS, hostEnv, ensureCodeServer, startCodeServer, installVsix, launchBrowser, run };
