// `node test/host/atInstant.js <ISO-8601 instant> <command…>`: runs the command with every clock it
// starts moved to that instant (and ticking from there): Node processes through the clockShift.js
// preload in NODE_OPTIONS (launcher, mocha, code-server, the extension host, emulators), Chromium
// (workbench and webviews) through a `faketime` wrapper passed as CHROMIUM. Needs Debian's faketime
// for the browser parts. Example: node test/host/atInstant.js 2026-12-06T03:00:00Z npm test
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const [instant, cmd, ...args] = process.argv.slice(2);
const target = Date.parse(instant ?? '');
if (!cmd || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(instant) || Number.isNaN(target)) {
  console.error('usage: node test/host/atInstant.js <ISO-8601 instant with zone, e.g. 2026-12-06T03:00:00Z> <command> [args…]');
  process.exit(2);
}
const shiftMs = target - Date.now();
const env = { ...process.env, LIVEPERSON_CLOCK_SHIFT_MS: String(shiftMs) };
const preload = path.join(__dirname, 'clockShift.js');
env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim();
const faketime = spawnSync('sh', ['-c', 'command -v faketime'], { encoding: 'utf8' }).stdout.trim();
if (faketime) {
  const hostTmp = path.join(process.env.HOST_ROOT || path.resolve(__dirname, '../../.vscode-test'), 'tmp');
  fs.mkdirSync(hostTmp, { recursive: true });
  const wrapper = path.join(hostTmp, `chromium-at-${process.pid}.sh`);
  const real = process.env.CHROMIUM || '/usr/bin/chromium';
  const secs = Math.round(shiftMs / 1000);
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec ${faketime} -f "${secs >= 0 ? '+' : ''}${secs}" ${real} "$@"\n`, { mode: 0o755 });
  env.CHROMIUM = wrapper;
  process.on('exit', () => fs.rmSync(wrapper, { force: true }));
} else {
  console.error('atInstant: faketime is not installed (apt-get install -y faketime): Chromium keeps the real clock');
}
console.log(`atInstant: running "${[cmd, ...args].join(' ')}" at ${new Date(target).toISOString()} (shift ${(shiftMs / 3_600_000).toFixed(2)} h)`);
const r = spawnSync(cmd, args, { stdio: 'inherit', env });
process.exit(r.status ?? 1);
