import { randomUUID } from 'node:crypto';
import { uuidv7FromV4 } from '#contracts/uuidv7.ts';
import { clock } from './clock.ts';

/**
 * A UUIDv7 (RFC 9562) at the server's clock. Big tables take their ids from here (SCALE.md rule 4), the same on
 * PGlite, PostgreSQL and an offline client (the browser outbox makes its write ids with the same contracts function).
 */
export function uuidv7(at: Date = clock.now()): string {
  return uuidv7FromV4(at.getTime(), randomUUID());
}
