// `node test/host/screenshots.js [e2e-shots-dir]`: the README's screenshots, from the shots the e2e
// run took of the real code-server (test-results/e2e/ by default — run `npm run test:e2e` first).
// Each is picked by its name (the e2e numbers shift as steps are added), scaled to 960 px wide by
// headless Chromium and re-encoded losslessly (pngRecode.js), into media/screenshots/. Never by hand.
'use strict';
const fs = require('fs'), os = require('os'), path = require('path');
const { execFileSync } = require('child_process');
const { recodePng } = require('./pngRecode');

const ROOT = path.join(__dirname, '../..');
const from = path.resolve(process.argv[2] || path.join(ROOT, 'test-results/e2e'));
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const out = path.join(ROOT, 'media/screenshots');
const WIDTH = 960;
/** README name ← the e2e shot's name (without its NN- prefix) */
const PICKS = {
  'views': 'views-populated',
  'agent-tooltip': 'live-agents-tooltip',
  'delete-dialog': 'status-reasons-delete-dialog',
  'live-agents-over-limit': 'live-agents-over-limit',
  'timeline': 'timeline-group',
  'usage-report': 'status-reasons-usage-report',
};

fs.mkdirSync(out, { recursive: true });
const shots = fs.readdirSync(from).filter(f => f.endsWith('.png'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-shots-'));
try {
  for (const [name, shot] of Object.entries(PICKS)) {
    const file = shots.find(f => f.replace(/^\d+-/, '') === `${shot}.png`);
    if (!file) throw new Error(`no e2e screenshot "${shot}" in ${from} (run npm run test:e2e first)`);
    const src = fs.readFileSync(path.join(from, file));
    const w = src.readUInt32BE(16), h = src.readUInt32BE(20);
    const height = Math.round((h * WIDTH) / w);
    fs.copyFileSync(path.join(from, file), path.join(tmp, 'in.png'));
    fs.writeFileSync(path.join(tmp, 'page.html'), `<!doctype html><html><head><style>html,body{margin:0;overflow:hidden}img{display:block;width:${WIDTH}px;height:${height}px}</style></head><body><img src="in.png"></body></html>`);
    const shotFile = path.join(tmp, 'out.png');
    execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1',
      `--window-size=${WIDTH},${height}`, `--screenshot=${shotFile}`, `file://${tmp}/page.html`], { stdio: 'ignore' });
    const { png, width } = recodePng(fs.readFileSync(shotFile));
    if (width !== WIDTH) throw new Error(`${name}: ${width} px wide, not ${WIDTH}`);
    fs.writeFileSync(path.join(out, `${name}.png`), png);
    console.log(`media/screenshots/${name}.png: ${(png.length / 1024).toFixed(0)} KB (from ${file})`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
