// `npm run test:integration`: builds the extension and the tests, then runs the mocha suite in
// test/integration INSIDE a real VS Code extension host:
//  - desktop VS Code via @vscode/test-electron when VSCODE_EXECUTABLE is set or LIVEPERSON_TEST_HOST=electron
//    (needs a VS Code that can be downloaded or is installed);
//  - otherwise code-server 4.100.3 (installed offline by test/host/install.sh) opened in headless
//    Chromium with the test payload in the workbench URL — what test-electron does, on the web workbench.
// env: PORT (default 18100), GREP (mocha grep), NO_BUILD=1 (skip the build), TIMEOUT_S (default 600).
// Prints `integration: N passed, N failed`; exit code 0 only if every test passed.
'use strict';
const fs = require('fs');
const path = require('path');
const util = require('util');
const { ROOT, HOST_ROOT, startCodeServer, launchBrowser, run } = require('./codeServer');

async function main() {
  if (!process.env.NO_BUILD) {
    run('node', ['esbuild.js']);
    try { run('npx', ['tsc', '-p', '.']); } catch { console.error('tsc reported type errors (output still emitted) — see above'); }
  }
  const useElectron = process.env.VSCODE_EXECUTABLE || process.env.LIVEPERSON_TEST_HOST === 'electron';
  if (useElectron) {
    run('node', ['out/test/integration/runTest.js']);
    return 0;
  }
  const port = Number(process.env.PORT || 18100);
  const runDir = path.join(HOST_ROOT, 'runs', `integration-${port}`);
  fs.rmSync(runDir, { recursive: true, force: true });
  fs.mkdirSync(runDir, { recursive: true });
  const resultFile = path.join(runDir, 'result.json');
  const workspace = path.join(runDir, 'workspace');
  const cs = await startCodeServer({ port, runDir, folder: workspace, env: {
    LIVEPERSON_TEST_RESULT: resultFile, LIVEPERSON_TEST_GREP: process.env.GREP || '', LIVEPERSON_TEST_MODE: '1' } });
  const browser = await launchBrowser();
  let code;
  try {
    const authority = new URL(cs.url).host;
    const remote = p => `vscode-remote://${authority}${path.resolve(p)}`;
    const url = new URL(cs.url);
    url.searchParams.set('folder', workspace);
    url.searchParams.set('payload', JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(path.join(ROOT, 'out/test/integration/index'))],
    ]));
    let done;
    const finished = new Promise(r => (done = r));
    await browser.ctx.exposeFunction('codeAutomationExit', async c => done(c));
    // The remote extension host's console arrives in the page console as ['%c INFO', 'color: …', fmt, ...args].
    browser.page.on('console', async m => {
      let parts;
      try { parts = await Promise.all(m.args().map(a => a.jsonValue())); } catch { return; }
      if (typeof parts[0] !== 'string' || !/^%c\s*(INFO|ERR|WARN|DEBUG|TRACE)\b/.test(parts[0])) return;
      if (parts[1] !== undefined && !/^color:/.test(String(parts[1]))) return;
      const text = util.format(...parts.slice(2));
      if (/^(Resolving|Creating|Updating|\[Serv)/.test(text)) return;
      console.log(text);
    });
    browser.page.on('pageerror', e => console.log('[pageerror]', String(e).slice(0, 300)));
    await browser.page.goto(url.toString());
    const timeout = new Promise(r => setTimeout(() => r('timeout'), Number(process.env.TIMEOUT_S || 600) * 1000));
    code = await Promise.race([finished, timeout]);
  } finally {
    await browser.close();
    cs.stop();
  }
  let summary;
  try { summary = JSON.parse(fs.readFileSync(resultFile, 'utf8')); } catch { summary = undefined; }
  if (!summary) {
    console.log(`integration: 0 passed, 1 failed (no result: host exit ${code}; log ${path.join(runDir, 'code-server.log')})`);
    return 1;
  }
  for (const r of summary.results || []) if (r.state === 'failed') console.log(`FAILED ${r.title}\n  ${String(r.error).split('\n').slice(0, 6).join('\n  ')}`);
  console.log(`integration: ${summary.passed} passed, ${summary.failed} failed${summary.pending ? `, ${summary.pending} skipped` : ''}`);
  return summary.failed === 0 && code === 0 ? 0 : 1;
}

main().then(c => process.exit(c), e => { console.error(e); console.log('integration: 0 passed, 1 failed'); process.exit(1); });
