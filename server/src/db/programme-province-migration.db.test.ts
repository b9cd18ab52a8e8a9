import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { listMigrations, migrate, MIGRATIONS_DIR } from './migrate.ts';

// --- prog ---
const MIGRATION = '20261210T0900_programme_province.sql';

/**
 * The migration that gives the programmes' child tables their province: rows written before it get the province of
 * their programme, and the keys then include it. Run on an empty in-memory PGlite migrated up to the one before.
 */
describe(MIGRATION, () => {
  it("backfills province_id from each row's programme, then refuses a child row of another province's programme", async () => {
    const before = mkdtempSync(join(tmpdir(), 'dvs-mig-prog-'));
    for (const name of listMigrations().filter((name) => name < MIGRATION)) writeFileSync(join(before, name), readFileSync(join(MIGRATIONS_DIR, name)));
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      const { db } = handle;
      await migrate(db, before);
      const units = await sql<{ id: number }>`
        insert into admin_unit (structure, code, name, full_name, level, type, parent_id, valid_from, path)
        values ('2025', 'P1', 'Một', 'Tỉnh Một', 'province', 'tỉnh', null, '2025-07-01', '0'),
               ('2025', 'P2', 'Hai', 'Tỉnh Hai', 'province', 'tỉnh', null, '2025-07-01', '0')
        returning id`.execute(db);
      await sql`update admin_unit set path = text2ltree(id::text) where path = '0'`.execute(db);
      const [p1, p2] = units.rows.map((row) => Number(row.id)) as [number, number];
      const programme = async (provinceId: number) =>
        Number(
          (
            await sql<{ id: number }>`
            insert into programme (province_id, owner_unit_id, kind, number, issuer, issued_on, title, from_year, to_year)
            values (${provinceId}, ${provinceId}, 'plan', ${`${provinceId}-KH`}, 'Tỉnh ủy', '2026-01-05', 'Kế hoạch', 2026, 2030) returning id`.execute(db)
          ).rows[0]?.id,
        );
      const [a, b] = [await programme(p1), await programme(p2)];
      for (const id of [a, b]) {
        await sql`insert into programme_target (programme_id, code, position, text, waits_for) values (${id}, 't1', 1, 'Chỉ tiêu', 'chờ')`.execute(db);
        await sql`insert into programme_solution_group (programme_id, code, position, title) values (${id}, '1', 1, 'Nhóm')`.execute(db);
        await sql`insert into programme_task (programme_id, code, position, text) values (${id}, '1.1', 1, 'Nhiệm vụ')`.execute(db);
        await sql`insert into task_assignment (task_id, role, body_name, position) select id, 'lead', 'Ban Dân vận', 1 from programme_task where programme_id = ${id}`.execute(db);
        await sql`insert into programme_review (programme_id, kind, title, from_year, to_year, due_on) values (${id}, 'annual', 'Báo cáo năm', 2026, 2026, '2026-12-15')`.execute(db);
        await sql`insert into programme_budget_line (programme_id, title, position) values (${id}, 'Kinh phí', 1)`.execute(db);
      }

      // this migration first, then those that came after it
      expect((await migrate(db))[0]).toBe(MIGRATION);
      const provinces = async (table: string) =>
        (await sql<{ province_id: number }>`select province_id from ${sql.table(table)} order by province_id`.execute(db)).rows.map((row) => Number(row.province_id));
      for (const table of ['programme_target', 'programme_solution_group', 'programme_task', 'task_assignment', 'programme_review', 'programme_budget_line']) {
        expect(await provinces(table), table).toEqual([p1, p2]);
      }
      // the keys include the province: a task of programme a filed under the other province is refused
      await expect(sql`insert into programme_task (province_id, programme_id, code, position, text) values (${p2}, ${a}, '9', 9, 'Sai tỉnh')`.execute(db)).rejects.toThrow();
      await expect(sql`insert into programme_task (programme_id, code, position, text) values (${a}, '9', 9, 'Thiếu tỉnh')`.execute(db)).rejects.toThrow();
      const key = await sql<{ def: string }>`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'programme_task_pkey'`.execute(db);
      expect(key.rows[0]?.def).toBe('PRIMARY KEY (province_id, id)');
    } finally {
      await handle.close();
    }
  });
});
