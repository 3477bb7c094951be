// Re-encodes a PNG as small as zlib allows without changing a pixel: the image data deflated at
// level 9, ancillary chunks dropped (IHDR, PLTE, tRNS, IDAT, IEND kept). Used by makeIcon.js and
// screenshots.js.
'use strict';
const zlib = require('zlib');

const table = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = b => { let c = 0xffffffff; for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const head = Buffer.alloc(8); head.writeUInt32BE(data.length); head.write(type, 4, 'latin1');
  const tail = Buffer.alloc(4); tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, tail]);
};

/** The PNG `src` (a Buffer) re-encoded; `{ png, width, height }`. */
function recodePng(src) {
  const kept = []; const idat = [];
  for (let o = 8; o < src.length;) {
    const len = src.readUInt32BE(o), type = src.toString('latin1', o + 4, o + 8), data = src.subarray(o + 8, o + 8 + len);
    if (type === 'IDAT') idat.push(data); else if (['IHDR', 'PLTE', 'tRNS'].includes(type)) kept.push([type, data]);
    o += 12 + len;
  }
  const z = zlib.deflateSync(zlib.inflateSync(Buffer.concat(idat)), { level: 9, memLevel: 9 });
  const png = Buffer.concat([src.subarray(0, 8), ...kept.map(([t, d]) => chunk(t, d)), chunk('IDAT', z), chunk('IEND', Buffer.alloc(0))]);
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

module.exports = { recodePng };
