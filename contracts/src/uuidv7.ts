/** Fills `bytes` with cryptographically strong random bytes: `crypto.getRandomValues` in the browser and in Node. */
export type FillRandom = (bytes: Uint8Array<ArrayBuffer>) => void;

const hex = (byte: number) => byte.toString(16).padStart(2, '0');

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Pure (time and randomness are passed in)
 * so the server and the browser outbox make ids the same way: a write id made offline is the row id the server
 * stores. Ids sort by creation time; never read business time from them.
 */
export function uuidv7(nowMs: number, fillRandom: FillRandom): string {
  const bytes = new Uint8Array(16);
  fillRandom(bytes);
  // 48-bit big-endian milliseconds; division rather than bit shifts, which JavaScript limits to 32 bits
  let ms = Math.floor(nowMs);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const text = Array.from(bytes, hex).join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

/**
 * The same UUIDv7 made from a random UUIDv4 (`crypto.randomUUID()`, which draws from a pooled entropy buffer and
 * is ~10× cheaper than filling 16 bytes per id): the milliseconds replace its first 48 bits and the version
 * nibble becomes 7; its variant bits and 74 of its random bits stay. For bulk writers (an import makes two ids a
 * value).
 */
export function uuidv7FromV4(nowMs: number, v4: string): string {
  const time = Math.floor(nowMs).toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${v4.slice(15)}`;
}
