import { describe, expect, it } from 'vitest';
import { uuidv7 } from './uuidv7.ts';

describe('UUIDv7 ids of big tables', () => {
  it('B5 files: a UUIDv7 carries the millisecond time, version 7 and the RFC variant, and never repeats', () => {
    const at = new Date('2026-12-02T05:00:00.123Z');
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at.getTime());
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7(at))).size).toBe(1000);
  });
});
