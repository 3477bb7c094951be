// `npm test`: everything, one stage after another (2 cores): build → typecheck → lint → unit
// (plain Node) → integration (real VS Code extension host) → e2e (real browser against code-server
// with the packaged .vsix). Each stage's own counts are added up; typecheck, lint and build count
// as one check each. Ends with one plain `N passed, N failed` line; exit 0 only if nothing failed.
'use strict';
const { spawn } = require('child_process');
const path = require('path');
const ROOT = path.resolve(__dirname, '../..');

function stage(name, cmd, args, parse, env = {}) {
  return new Promise(resolve => {
    const t0 = Date.now();
    console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    const tee = stream => d => { out += d; stream.write(d); };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', code => {
      const counts = parse(out, code);
      console.log(`=== ${name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      resolve({ name, ...counts });
    });
  });
}

const check = (_out, code) => (code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
const mocha = (out, code) => {
  const passing = Number((out.match(/^\s*(\d+) passing/m) || [])[1] || 0);
  const failing = Number((out.match(/^\s*(\d+) failing/m) || [])[1] || 0);
  return { passed: passing, failed: failing || (code !== 0 || passing === 0 ? Math.max(1, failing) : 0) };
};
const line = prefix => (out, code) => {
  const all = [...out.matchAll(new RegExp(`^${prefix}: (\\d+) passed, (\\d+) failed`, 'gm'))];
  const m = all[all.length - 1];
  if (!m) return { passed: 0, failed: 1 };
  const r = { passed: Number(m[1]), failed: Number(m[2]) };
  if (code !== 0 && r.failed === 0) r.failed = 1;
  return r;
};

(async () => {
  const results = [];
  results.push(await stage('build', 'node', ['esbuild.js'], check));
  results.push(await stage('typecheck', 'npx', ['tsc', '-p', '.'], check)); // also emits out/ for the tests
  results.push(await stage('typecheck webview', 'npx', ['tsc', '-p', 'src/webview', '--noEmit'], check));
  results.push(await stage('lint', 'npx', ['eslint', 'src', 'test'], check));
  results.push(await stage('unit', 'npx', ['mocha', '--config', 'test/unit/.mocharc.json'], mocha));
  results.push(await stage('integration', 'node', ['test/host/runIntegration.js'], line('integration'), { NO_BUILD: '1' }));
  results.push(await stage('e2e', 'node', ['test/host/runE2e.js'], line('e2e')));
  const passed = results.reduce((s, r) => s + r.passed, 0);
  const failed = results.reduce((s, r) => s + r.failed, 0);
  console.log('\nSummary:');
  for (const r of results) console.log(`  ${r.name.padEnd(18)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})();
