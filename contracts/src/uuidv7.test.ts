import { describe, expect, it } from 'vitest';
import { uuidv7, uuidv7FromV4 } from './uuidv7.ts';

describe('uuidv7 (shared by server and browser outbox)', () => {
  it('puts the milliseconds first, then version 7 and the RFC variant over the random bytes', () => {
    const ms = Date.parse('2026-12-02T05:00:00.123Z');
    expect(uuidv7(ms, (bytes) => bytes.fill(0xff))).toBe('01a2351f-b4fb-7fff-bfff-ffffffffffff');
    expect(uuidv7(ms, (bytes) => bytes.fill(0))).toBe('01a2351f-b4fb-7000-8000-000000000000');
    expect(uuidv7(0, (bytes) => bytes.fill(0))).toBe('00000000-0000-7000-8000-000000000000');
    // past 32 bits: no truncation by bit operators
    expect(uuidv7(2 ** 48 - 1, (bytes) => bytes.fill(0))).toBe('ffffffff-ffff-7000-8000-000000000000');
  });

  it('makes the same layout from a random UUIDv4, keeping its variant and random bits', () => {
    const ms = Date.parse('2026-12-02T05:00:00.123Z');
    expect(uuidv7FromV4(ms, 'f47ac10b-58cc-4372-a567-0e02b2c3d479')).toBe('01a2351f-b4fb-7372-a567-0e02b2c3d479');
    expect(uuidv7FromV4(2 ** 48 - 1, '00000000-0000-4000-8000-000000000000')).toBe('ffffffff-ffff-7000-8000-000000000000');
  });
});
