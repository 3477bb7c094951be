// `npm run demo`: a real VS Code with the extension signed in to the bundled emulator's demo account.
//  - desktop VS Code (`code` on PATH): opens a new window with this folder as the development extension;
//  - otherwise code-server 4.100.3 (installed offline on first use, ~1–2 min) at http://127.0.0.1:$PORT/
//    (default 8080) in your browser, with the packaged extension installed.
// LIVEPERSON_AUTO_DEMO=1 makes the extension start the demo account as soon as the LivePerson view opens.
// Stop with Ctrl+C.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { ROOT, HOST_ROOT, startCodeServer, installVsix, run } = require('./codeServer');

async function main() {
  run('node', ['esbuild.js']);
  const env = { LIVEPERSON_AUTO_DEMO: '1' };
  const code = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).stdout.trim();
  if (code && !process.env.LIVEPERSON_DEMO_WEB) {
    console.log('Opening desktop VS Code with the extension in development mode (set LIVEPERSON_DEMO_WEB=1 for the browser)…');
    spawn(code, ['--new-window', `--extensionDevelopmentPath=${ROOT}`], { stdio: 'inherit', env: { ...process.env, ...env } });
    return;
  }
  const runDir = path.join(HOST_ROOT, 'demo');
  fs.mkdirSync(runDir, { recursive: true });
  const vsix = path.join(runDir, 'liveperson-agent-status.vsix');
  run('npx', ['vsce', 'package', '--no-dependencies', '--skip-license', '--no-rewrite-relative-links', '-o', vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
  installVsix(vsix, runDir);
  const port = Number(process.env.PORT || 8080);
  const cs = await startCodeServer({ port, runDir, folder: path.join(runDir, 'workspace'), fresh: false, env });
  console.log(`\nVS Code is running at ${cs.url}  — open it in your browser, then click the LivePerson icon in the activity bar.`);
  console.log('The demo account starts by itself (bundled emulator on 127.0.0.1). Ctrl+C to stop.\n');
  const opener = spawnSync('sh', ['-c', 'command -v xdg-open || command -v open'], { encoding: 'utf8' }).stdout.trim();
  if (opener && process.env.DISPLAY) spawn(opener, [cs.url], { stdio: 'ignore', detached: true }).unref();
  const stop = () => { cs.stop(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => {});
}
main().catch(e => { console.error(e.message || e); process.exit(1); });
