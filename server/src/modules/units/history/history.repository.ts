import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';

/** True once the 2019–2025 history is in: a unit of the 4-level structure that ended before the reform. */
export async function historyLoaded(db: Kysely<DB>, lastDay: string): Promise<boolean> {
  const row = await db
    .selectFrom('admin_unit')
    .select('id')
    .where('structure', '=', '2019')
    .where('level', '!=', 'village')
    .where('valid_to', '<', lastDay)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets the first day (and the creating resolution) of units that were created or moved after 2019-01-01. */
export async function setValidFrom(db: Kysely<DB>, rows: readonly { id: number; validFrom: string; act: string | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`update admin_unit u set valid_from = v.valid_from, created_act = v.act
    from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.validFrom)}::date[], ${rows.map((r) => r.act)}::text[]) as v(id, valid_from, act)
    where u.id = v.id`.execute(db);
}

/** Earlier names and types of units (admin_unit_history), each under the act that replaced it. */
export async function insertNameHistory(
  db: Kysely<DB>,
  rows: readonly { unit_id: number; name: string; full_name: string; type: string; valid_from: string | null; valid_to: string; act: string | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('admin_unit_history').values(rows.slice(i, i + 1000)).execute();
}
