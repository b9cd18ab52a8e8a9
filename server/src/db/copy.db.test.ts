import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '#test/test-db.ts';
import { copyRows } from './copy.ts';
import type { DatabaseHandle } from './database.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  await sql`create table copied (id int primary key, label text, doc jsonb, at timestamptz)`.execute(handle.db);
});
afterAll(() => handle.close());

describe('copyRows (COPY … FROM STDIN on both engines)', () => {
  it('copies rows with nulls, tabs, newlines, backslashes and Vietnamese text exactly, in the caller’s transaction', async () => {
    const doc = { câu: 'Đất đai\tvà "tiếp dân"\n\\ hết', n: [1, 2] };
    const copied = await handle.db.transaction().execute((trx) =>
      copyRows(trx, 'copied', ['id', 'label', 'doc', 'at'], [
        [1, 'Xã Hải Lăng\\Thôn\r\n2', JSON.stringify(doc), '2026-03-02T01:02:03Z'],
        [2, null, null, null],
        [3, '\\N', '{}', undefined],
      ]),
    );
    expect(copied).toBe(3);
    const rows = await sql<{ id: number; label: string | null; doc: unknown; at: Date | null }>`select * from copied order by id`.execute(handle.db);
    expect(rows.rows.map((row) => [row.id, row.label, row.doc, row.at?.toISOString() ?? null])).toEqual([
      [1, 'Xã Hải Lăng\\Thôn\r\n2', doc, '2026-03-02T01:02:03.000Z'],
      [2, null, null, null],
      [3, '\\N', {}, null],
    ]);
  });

  it('a failing copy (a duplicate key) writes nothing and leaves the transaction’s earlier work to its rollback', async () => {
    const attempt = handle.db.transaction().execute(async (trx) => {
      await sql`insert into copied (id, label) values (10, 'before')`.execute(trx);
      await copyRows(trx, 'copied', ['id', 'label'], [[11, 'a'], [1, 'dup']]);
    });
    await expect(attempt).rejects.toThrow(/duplicate key|copied_pkey/);
    const ids = await sql<{ id: number }>`select id from copied where id >= 10`.execute(handle.db);
    expect(ids.rows).toEqual([]);
  });

  it('refuses a table or column name that is not a plain identifier', async () => {
    await expect(copyRows(handle.db, 'copied; drop table copied', ['id'], [[1]])).rejects.toThrow('not an identifier');
  });
});
