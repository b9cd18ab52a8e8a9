import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './database.ts';
import { createTestDatabase } from '#test/test-db.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await sql`create table counter (id int primary key, value int not null)`.execute(handle.db);
  await sql`insert into counter values (1, 0)`.execute(handle.db);
});
afterAll(() => handle.close());

describe('concurrent transactions', () => {
  it('do not interleave: 20 read-modify-write transactions all count', async () => {
    // Each transaction reads, waits, then writes. Interleaved on one connection they would lose updates
    // (or one's ROLLBACK would undo another's work); serialised, the counter ends at exactly 20.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        handle.db.transaction().execute(async (trx) => {
          const row = await sql<{ value: number }>`select value from counter where id = 1 for update`.execute(trx);
          await new Promise((resolve) => setTimeout(resolve, 2));
          await sql`update counter set value = ${(row.rows[0]?.value ?? 0) + 1} where id = 1`.execute(trx);
        }),
      ),
    );
    const result = await sql<{ value: number }>`select value from counter where id = 1`.execute(handle.db);
    expect(result.rows[0]?.value).toBe(20);
  });

  it('a failing transaction rolls back only itself', async () => {
    const ok = handle.db.transaction().execute(async (trx) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await sql`update counter set value = value + 100 where id = 1`.execute(trx);
    });
    const failing = handle.db.transaction().execute(async (trx) => {
      await sql`update counter set value = value + 1000 where id = 1`.execute(trx);
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    await ok;
    const result = await sql<{ value: number }>`select value from counter where id = 1`.execute(handle.db);
    expect(result.rows[0]?.value).toBe(120);
  });
});
