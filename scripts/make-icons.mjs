// Draws the ExNode icon (two opposite arrows: 交换, exchange) at every size the installers need, and
// the tray icons for each node state, without an image tool: shapes are sampled 4x4 per pixel and
// written as PNG (and ICO with embedded PNGs). Run `node scripts/make-icons.mjs` after changing them.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BACKGROUND = [0x0f, 0x6e, 0x8c];
const BADGES = { ok: null, running: [0x16, 0x77, 0xff], alert: [0xf5, 0x22, 0x2d] };

const inRoundedRect = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inTriangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const s = (px, py, qx, qy, rx, ry) => (px - rx) * (qy - ry) - (qx - rx) * (py - ry);
  const d1 = s(x, y, ax, ay, bx, by), d2 = s(x, y, bx, by, cx, cy), d3 = s(x, y, cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const inArrow = (x, y, cy, right) => {
  const fx = right ? x : 1 - x;
  return (fx >= 0.2 && fx <= 0.66 && Math.abs(y - cy) <= 0.045) || inTriangle(fx, y, [0.62, cy - 0.13], [0.62, cy + 0.13], [0.82, cy]);
};

/** RGBA of the shape at (x, y) in [0, 1]², or null outside. */
function sample(x, y, badge) {
  if (badge) {
    const d = Math.hypot(x - 0.76, y - 0.76);
    if (d <= 0.2) return [...badge, 255];
    if (d <= 0.25) return [255, 255, 255, 255];
  }
  if (!inRoundedRect(x, y, 0.2)) return null;
  if (inArrow(x, y, 0.37, true) || inArrow(x, y, 0.63, false)) return [255, 255, 255, 255];
  return [...BACKGROUND, 255];
}

function render(size, badge = null) {
  const n = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, badge);
          if (!c) continue;
          r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3];
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) pixels.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round(a / (n * n))], o);
    }
  }
  return png(size, pixels);
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(([size, data], i) => {
    const e = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, e);
    header.writeUInt8(size >= 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map(([, data]) => data)]);
}

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const out = (file, data) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), data);
};
const bySize = new Map(ICON_SIZES.map((size) => [size, render(size)]));
for (const [size, data] of bySize) out(`build/icons/${size}x${size}.png`, data);
out('build/icon.png', bySize.get(512));
out('build/icon.ico', ico([16, 24, 32, 48, 64, 128, 256].map((size) => [size, bySize.get(size)])));
for (const [state, badge] of Object.entries(BADGES)) {
  out(`build/tray/${state}.png`, render(16, badge));
  out(`build/tray/${state}@2x.png`, render(32, badge));
}
console.log('Wrote build/icon.png, build/icon.ico, build/icons/*, build/tray/*');
