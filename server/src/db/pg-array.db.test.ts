import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './database.ts';
import { pgArray } from './pg-array.ts';
import { createTestDatabase } from '#test/test-db.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('pgArray on the database', () => {
  it('reads back exactly what was written: text with quotes, commas, braces, "null", numbers and nulls', async () => {
    const texts = ['null', '', 'a b', 'x,y', '{z}', 'say "hi"', 'back\\slash', 'Tà Rụt', null, '2025Q1'];
    const read = await sql<{ t: string | null }>`select unnest(${pgArray(texts)}::text[]) as t`.execute(handle.db);
    expect(read.rows.map((r) => r.t)).toEqual(texts);
    const numbers = await sql<{ n: string | null }>`select unnest(${pgArray([1.25, -7, null, 1e21])}::numeric[])::text as n`.execute(handle.db);
    expect(numbers.rows.map((r) => r.n)).toEqual(['1.25', '-7', null, '1000000000000000000000']);
  });
});
