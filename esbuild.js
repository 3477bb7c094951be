// Builds the three bundles:
//   dist/extension.js        the extension (Node, CommonJS, `vscode` external)
//   dist/webview/timeline.js the Activity Timeline app (browser, IIFE) + dist/webview/timeline.css
//   dist/webview/usageReport.js the Reason Usage Report app (browser, IIFE) + dist/webview/usageReport.css
//   dist/emulator.js         the LivePerson emulator CLI (`npm run emulator`)
// Flags: --production (minify, no sourcemaps), --watch, --only=extension|webview|emulator
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const only = (process.argv.find(a => a.startsWith('--only=')) || '').slice('--only='.length);

// node-fetch 2 falls back to the `whatwg-url` package only where Node has no global URL; Node 20
// always has one, so the ~270 KB polyfill (whatwg-url + tr46 + punycode tables) is left out.
const nodeUrlShim = {
  name: 'node-url-shim',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'shim' }));
    build.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({ contents: 'module.exports = { URL: require("url").URL };', loader: 'js', resolveDir: __dirname }));
  },
};

const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'none' };
const targets = {
  extension: { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'], plugins: [nodeUrlShim] },
  webview: { ...common, entryPoints: { timeline: 'src/webview/app/main.ts', usageReport: 'src/webview/usageReport/main.ts' }, outdir: 'dist/webview', platform: 'browser', format: 'iife', target: 'chrome120', loader: { '.css': 'css' } },
  emulator: { ...common, entryPoints: ['src/emulator/cli.ts'], outfile: 'dist/emulator.js', platform: 'node', format: 'cjs', target: 'node20', plugins: [nodeUrlShim] },
};

function sizes() {
  const files = [];
  const walk = dir => { for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) { const p = path.join(dir, f); fs.statSync(p).isDirectory() ? walk(p) : !p.endsWith('.map') && files.push(p); } };
  walk('dist');
  for (const f of files.sort()) console.log(`  ${f.padEnd(32)} ${(fs.statSync(f).size / 1024).toFixed(1).padStart(8)} KB`);
}

const reporter = name => ({
  name: 'report',
  setup(build) {
    build.onEnd(result => {
      if (result.errors.length) console.error(`[${name}] build failed with ${result.errors.length} error(s)`);
      else if (watch) console.log(`[${name}] rebuilt ${new Date().toLocaleTimeString()}`);
    });
  },
});

(async () => {
  const names = only ? only.split(',') : Object.keys(targets);
  const exists = n => n !== 'webview' || fs.existsSync('src/webview/app/main.ts');
  const selected = names.filter(exists);
  if (watch) {
    for (const n of selected) { const ctx = await esbuild.context({ ...targets[n], plugins: [...(targets[n].plugins || []), reporter(n)] }); await ctx.watch(); }
    console.log(`watching ${selected.join(', ')}…`);
    return;
  }
  await Promise.all(selected.map(n => esbuild.build({ ...targets[n], plugins: [...(targets[n].plugins || []), reporter(n)] })));
  console.log(`built ${selected.join(', ')}${production ? ' (production)' : ''}:`);
  sizes();
})().catch(e => { console.error(e.message || e); process.exit(1); });
