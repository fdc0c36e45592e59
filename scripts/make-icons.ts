/**
 * Draws the app icons (a breathing wave in a ring) as PNGs into public/icons/. Run once when the design changes:
 * `npx tsx scripts/make-icons.ts`. PNG encoding per the PNG specification (W3C, 2003): signature, IHDR, one
 * zlib-deflated IDAT with filter byte 0 per row, IEND; CRC-32 over type and data.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Coverage of the icon's white marks at a point in unit coordinates (-1..1), supersampled by the caller. */
function mark(u: number, v: number, scale: number): boolean {
  const r = Math.hypot(u, v) / scale;
  const ring = Math.abs(r - 0.62) < 0.055;
  const wave =
    Math.abs(u / scale) < 0.5 && Math.abs(v / scale - 0.16 * Math.sin((u / scale) * Math.PI * 2)) < 0.05;
  return ring || wave;
}

function icon(size: number, maskable: boolean): Buffer {
  const scale = maskable ? 0.8 : 1; // maskable icons keep their marks inside the 80 % safe zone
  const bg: [number, number, number] = [15, 82, 87];
  const s = 4;
  return png(size, (x, y) => {
    let hits = 0;
    for (let i = 0; i < s; i += 1)
      for (let j = 0; j < s; j += 1) {
        const u = ((x + (i + 0.5) / s) / size) * 2 - 1;
        const v = ((y + (j + 0.5) / s) / size) * 2 - 1;
        if (mark(u, v, scale)) hits += 1;
      }
    const t = hits / (s * s);
    const inside = maskable || Math.hypot((x + 0.5) / size - 0.5, (y + 0.5) / size - 0.5) <= 0.5;
    const [r, g, b] = bg.map((c) => Math.round(c + (255 - c) * t)) as [number, number, number];
    return inside ? [r, g, b, 255] : [0, 0, 0, 0];
  });
}

const out = new URL('../public/icons/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), icon(192, false));
writeFileSync(new URL('icon-512.png', out), icon(512, false));
writeFileSync(new URL('maskable-512.png', out), icon(512, true));
writeFileSync(new URL('apple-touch-icon.png', out), icon(180, true));
console.log('icons written to public/icons/');
