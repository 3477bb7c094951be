// Makes media/icon.png, the 128×128 Marketplace icon, from media/liveperson.svg (the activity-bar
// icon): its strokes, scaled ×4, white on a rounded #1B3A5C square (the gallery banner's colour),
// the list lines in orange. Rendered by headless Chromium, then re-encoded (zlib level 9, no
// ancillary chunks). Run: node test/host/makeIcon.js [path-to-chromium]
'use strict';
const fs = require('fs'), os = require('os'), path = require('path');
const { recodePng } = require('./pngRecode');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '../..');
const chromium = process.argv[2] || process.env.CHROMIUM || '/usr/bin/chromium';
const svg = fs.readFileSync(path.join(ROOT, 'media/liveperson.svg'), 'utf8');
const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')
  .replace('<path d="M14 6', '<path stroke="#FF8A3D" d="M14 6');
const html = `<!doctype html><html><head><style>html,body{margin:0;background:transparent;overflow:hidden}</style></head><body>
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
<rect width="128" height="128" rx="24" fill="#1B3A5C"/>
<g transform="translate(16 18) scale(4)" fill="none" stroke="#FFFFFF" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${inner}</g>
</svg></body></html>`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lp-icon-'));
fs.writeFileSync(path.join(dir, 'icon.html'), html);
const shot = path.join(dir, 'icon.png');
execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1',
  '--default-background-color=00000000', '--window-size=128,128', `--screenshot=${shot}`, `file://${dir}/icon.html`], { stdio: 'ignore' });

const { png: out } = recodePng(fs.readFileSync(shot));
if (out.readUInt32BE(16) !== 128 || out.readUInt32BE(20) !== 128) throw new Error('the screenshot is not 128×128');
fs.writeFileSync(path.join(ROOT, 'media/icon.png'), out);
fs.rmSync(dir, { recursive: true, force: true });
console.log(`media/icon.png: ${out.length} bytes`);
