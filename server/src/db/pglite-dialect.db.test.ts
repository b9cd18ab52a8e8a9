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

describe('the event loop', () => {
  it('turns while a chain of queries runs: a timer set before a 300 ms chain fires before the chain ends', async () => {
    // on PGlite the queries settle as microtasks (no I/O): without a turn now and then, a background job's chain
    // of statements would hold every timer and HTTP request of the process until it ended
    let fired = 0;
    const timer = setInterval(() => (fired += 1), 1);
    let queries = 0;
    const started = performance.now();
    try {
      while (performance.now() - started < 300) {
        await sql`select count(*) from generate_series(1, 2000)`.execute(handle.db);
        queries += 1;
      }
    } finally {
      clearInterval(timer);
    }
    const firedBeforeEnd = fired;
    expect(queries).toBeGreaterThan(10);
    // a turn at least every TURN_EVERY_MS (20 ms): ≥ 5 of the 1 ms timer's runs in 300 ms, not 0
    expect(firedBeforeEnd).toBeGreaterThanOrEqual(5);
  });
});

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
