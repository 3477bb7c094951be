// Makes media/icon.png, the 128×128 Marketplace icon, from media/liveperson.svg (the activity-bar
// icon): its strokes, scaled ×4, white on a rounded #1B3A5C square (the gallery banner's colour),
// the list lines in orange. Rendered by headless Chromium, then re-encoded (zlib level 9, no
// ancillary chunks). Run: node test/host/makeIcon.js [path-to-chromium]
'use strict';
const fs = require('fs'), os = require('os'), path = require('path'), zlib = require('zlib');
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

const src = fs.readFileSync(shot);
const kept = []; const idat = [];
for (let o = 8; o < src.length;) {
  const len = src.readUInt32BE(o), type = src.toString('latin1', o + 4, o + 8), data = src.subarray(o + 8, o + 8 + len);
  if (type === 'IDAT') idat.push(data); else if (['IHDR', 'PLTE', 'tRNS'].includes(type)) kept.push([type, data]);
  o += 12 + len;
}
const table = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = b => { let c = 0xffffffff; for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const head = Buffer.alloc(8); head.writeUInt32BE(data.length); head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4); tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, tail]);
};
const z = zlib.deflateSync(zlib.inflateSync(Buffer.concat(idat)), { level: 9, memLevel: 9 });
const out = Buffer.concat([src.subarray(0, 8), ...kept.map(([t, d]) => chunk(t, d)), chunk('IDAT', z), chunk('IEND', Buffer.alloc(0))]);
if (out.readUInt32BE(16) !== 128 || out.readUInt32BE(20) !== 128) throw new Error('the screenshot is not 128×128');
fs.writeFileSync(path.join(ROOT, 'media/icon.png'), out);
fs.rmSync(dir, { recursive: true, force: true });
console.log(`media/icon.png: ${out.length} bytes`);
