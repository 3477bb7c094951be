// `npm run bench`: builds, then runs every test/bench/*.bench.ts (compiled by tsc to
// out/test/bench/*.bench.js) one after another; each prints its own table of measured figures.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const ROOT = path.resolve(__dirname, '../..');
const sh = (cmd, args) => spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' }).status;
if (sh('node', ['esbuild.js', '--production']) !== 0) process.exit(1);
sh('npx', ['tsc', '-p', '.']);
const dir = path.join(ROOT, 'out/test/bench');
const only = process.argv.slice(2);
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter(f => f.endsWith('.bench.js') && (!only.length || only.some(o => f.includes(o)))).sort() : [];
let failed = 0;
for (const f of files) {
  console.log(`\n### ${f.replace(/\.js$/, '')}`);
  if (sh('node', ['--expose-gc', '--max-old-space-size=4096', path.join(dir, f)]) !== 0) failed++;
}
console.log(`\n${files.length - failed} benchmarks ran, ${failed} failed`);
process.exit(failed ? 1 : 0);
