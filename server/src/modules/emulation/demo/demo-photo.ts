import { deflateSync } from 'node:zlib';

/**
 * Small generated photos of the demo's models: a 160 × 120 PNG of a landscape (sky, hills, fields) in colours
 * drawn from a seed, so each model's photo differs and the same seed always gives the same bytes (the demo step
 * records their sha256; the photo job writes the bytes to the blob store).
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A deterministic pseudo-random sequence (mulberry32). */
function sequence(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const PHOTO_WIDTH = 160;
export const PHOTO_HEIGHT = 120;

export function demoPhoto(seed: number): Buffer {
  const next = sequence(seed);
  const hue = (base: readonly [number, number, number], spread: number) => base.map((v) => Math.max(0, Math.min(255, Math.round(v + (next() - 0.5) * spread)))) as [number, number, number];
  const sky = hue([120, 180, 230], 60);
  const hill = hue([60, 120, 70], 70);
  const field = hue([150, 190, 60], 80);
  const horizon = 40 + Math.floor(next() * 25);
  const amplitude = 6 + next() * 14;
  const phase = next() * Math.PI * 2;
  const rows: Buffer[] = [];
  for (let y = 0; y < PHOTO_HEIGHT; y++) {
    const row = Buffer.alloc(1 + PHOTO_WIDTH * 3);
    for (let x = 0; x < PHOTO_WIDTH; x++) {
      const ridge = horizon + Math.sin(x / 17 + phase) * amplitude;
      const colour = y < ridge ? sky : y < horizon + 30 ? hill : field;
      const shade = y >= horizon + 30 && (x + y) % 12 < 2 ? 0.85 : 1;
      row[1 + x * 3] = Math.round(colour[0] * shade);
      row[2 + x * 3] = Math.round(colour[1] * shade);
      row[3 + x * 3] = Math.round(colour[2] * shade);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(PHOTO_WIDTH, 0);
  header.writeUInt32BE(PHOTO_HEIGHT, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
