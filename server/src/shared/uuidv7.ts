import { randomBytes } from 'node:crypto';
import { clock } from './clock.ts';

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Big tables take their ids from here
 * (SCALE.md rule 4), the same on PGlite, PostgreSQL and an offline client. Never read time from id order.
 */
export function uuidv7(at: Date = clock.now()): string {
  const bytes = randomBytes(16);
  const ms = BigInt(at.getTime());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
