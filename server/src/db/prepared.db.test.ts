import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '#test/test-db.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { executePrepared, PREPARED_MARK, preparedName } from './prepared.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

describe('executePrepared (a named prepared statement on PostgreSQL, the same statement on PGlite)', () => {
  it('answers as the statement does, with each run’s own parameters', async () => {
    const query = (id: number) => handle.db.selectFrom('admin_unit').select(['id']).where('id', '=', id).where(sql<boolean>`${id} > 0`);
    for (let i = 0; i < 8; i++) {
      // eight runs: PostgreSQL switches to its generic plan after five, which must answer the same
      const id = i % 2 === 0 ? -1 : 1;
      const rows = (await executePrepared(handle.db, query(id))).rows;
      const plain = await query(id).execute();
      expect(rows).toEqual(plain);
    }
    const texts = await executePrepared(handle.db, handle.db.selectNoFrom(sql<string>`${'Xã Hải Lăng'}::text`.as('name')));
    expect(texts.rows).toEqual([{ name: 'Xã Hải Lăng' }]);
  });

  it('on PostgreSQL the connection keeps the statement under its name, parsed once', async () => {
    const target = handle.target;
    const prepared = await handle.db.connection().execute(async (db) => {
      const query = db.selectFrom('admin_unit').select(sql<number>`count(*)::int`.as('n'));
      await executePrepared(db, query);
      await executePrepared(db, query);
      return {
        name: preparedName(PREPARED_MARK + query.compile().sql),
        listed: (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(db)).rows.map((row) => row.name),
      };
    });
    // the pooled connection may hold the earlier test's statements too
    if (target.kind === 'postgres') expect(prepared.listed.filter((name) => name === prepared.name)).toEqual([prepared.name]);
    else expect(prepared.listed).toEqual([]);
  });

  it('with preparedStatements off (a pooler without them) the marked statement runs unnamed', async () => {
    const target = handle.target;
    if (target.kind !== 'postgres') return;
    const unnamed = await openDatabase({ ...target, preparedStatements: false });
    try {
      const listed = await unnamed.db.connection().execute(async (db) => {
        const rows = (await executePrepared(db, db.selectNoFrom(sql<number>`${41}::int + 1`.as('n')))).rows;
        return { rows, names: (await sql<{ name: string }>`select name from pg_prepared_statements`.execute(db)).rows };
      });
      expect(listed).toEqual({ rows: [{ n: 42 }], names: [] });
    } finally {
      await unnamed.close();
    }
  });

  it('names a text by its hash: the same text the same name, another text another name', () => {
    const a = preparedName('select 1');
    expect([preparedName('select 1'), preparedName('select 2') === a, /^p[\w-]{27}$/.test(a)]).toEqual([a, false, true]);
  });
});
