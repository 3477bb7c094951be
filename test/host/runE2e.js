// `npm run test:e2e`: packages the extension (.vsix), installs it into a fresh code-server,
// starts the LivePerson emulator as a separate process, and drives Debian Chromium through the
// users' main path (test/e2e/scenario.js). Screenshots land in test-results/e2e/ — look at them.
// env: PORT (default 18200), EMULATOR_PORT (default 18299), NO_BUILD=1.
// Prints `e2e: N passed, N failed`; exit code 0 only if every step passed.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { ROOT, HOST_ROOT, startCodeServer, installVsix, launchBrowser, run } = require('./codeServer');
const { createUi } = require('../e2e/ui');
const { runScenario } = require('../e2e/scenario');

// The e2e world: the same instant on every run (ticking from there), whatever the machine's clock says —
// Thursday 07:30 UTC, days away from any real run, so the extension must follow the server's clock.
const E2E_CLOCK_START = '2026-12-03T07:30:00Z';

function startEmulatorProcess(port) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/emulator.js'), '--port', String(port), '--agents', '80', '--seed', '3', '--clock', E2E_CLOCK_START],
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    const stop = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ } };
    process.on('exit', stop);
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out}`)), 30_000);
    const onData = d => {
      out += d;
      const m = out.match(/https?:\/\/127\.0\.0\.1:\d+/);
      if (m) { clearTimeout(timer); resolve({ url: m[0], stop }); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', d => { out += d; });
    child.on('exit', c => { clearTimeout(timer); reject(new Error(`emulator exited ${c}: ${out}`)); });
  });
}

async function main() {
  const port = Number(process.env.PORT || 18200);
  const runDir = path.join(HOST_ROOT, 'runs', `e2e-${port}`);
  const shots = path.join(ROOT, 'test-results', 'e2e');
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  const vsix = path.join(runDir, 'liveperson-agent-status.vsix');
  if (!process.env.NO_BUILD) run('node', ['esbuild.js', '--production']);
  run('npx', ['vsce', 'package', '--no-dependencies', '--skip-license', '--no-rewrite-relative-links', '-o', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  const kb = fs.statSync(vsix).size / 1024;
  console.log(`packaged ${path.basename(vsix)}: ${kb.toFixed(0)} KB`);
  // size gate: the .vsix holds only what runs (bundles, icons, schema, LICENSE, CHANGELOG) — screenshots or maps would blow it up
  if (kb > 1024) throw new Error(`the .vsix is ${kb.toFixed(0)} KB (> 1 MB): check .vscodeignore (npx vsce ls --no-dependencies)`);
  const listed = require('child_process').execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const stray = listed.split('\n').filter(f => f && !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/extension\.js|dist\/webview\/[\w.-]+\.(js|css)|media\/[\w.-]+\.(svg|json)|media\/icon\.png)$/.test(f));
  if (stray.length) throw new Error(`the .vsix would ship files that do not run: ${stray.join(', ')}`);
  const emulator = await startEmulatorProcess(Number(process.env.EMULATOR_PORT || 18299));
  console.log('emulator at', emulator.url);
  // user settings: point CSDS at the emulator
  const ud = path.join(runDir, 'user-data/User');
  fs.mkdirSync(ud, { recursive: true });
  const settings = JSON.parse(fs.readFileSync(path.join(__dirname, 'settings.json'), 'utf8'));
  settings['liveperson.csdsUrl'] = emulator.url;
  fs.writeFileSync(path.join(ud, 'settings.json'), JSON.stringify(settings, null, 2));
  installVsix(vsix, runDir);
  const cs = await startCodeServer({ port, runDir, folder: path.join(runDir, 'workspace'), fresh: false });
  const browser = await launchBrowser();
  let results = [];
  try {
    const ui = createUi(browser.page, shots);
    browser.page.setDefaultTimeout(30_000);
    // the workbench's own errors (a tree refresh the extension host refused, …) belong in the e2e log
    browser.page.on('console', m => { if (m.type() === 'error' && !/Failed to load resource|favicon|ERR_/.test(m.text())) console.log('[browser error]', m.text().slice(0, 400)); });
    await browser.page.goto(cs.url);
    results = await runScenario(ui, {
      emulatorUrl: emulator.url, accountId: '12345678', username: 'admin', password: 'demo-password',
      appKey: 'demo-app-key', appSecret: 'demo-app-secret', accessToken: 'demo-token', accessTokenSecret: 'demo-token-secret',
      clientId: 'demo-client-id', clientSecret: 'demo-client-secret',
    });
  } finally {
    await browser.close();
    cs.stop();
    emulator.stop();
  }
  const passed = results.filter(r => r.state === 'passed').length;
  const failed = results.length - passed;
  fs.mkdirSync(shots, { recursive: true });
  fs.writeFileSync(path.join(shots, 'result.json'), JSON.stringify({ passed, failed, results }, null, 2));
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && results.length > 0 ? 0 : 1;
}

main().then(c => process.exit(c), e => { console.error(e); console.log('e2e: 0 passed, 1 failed'); process.exit(1); });
