import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inOrAboveScope, inScope } from '#server/shared/scope.ts';

/** A province the scope holds (its administrator writes its settings). */
export async function findWritableProvince(db: Kysely<DB>, scope: Scope, id: number) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.full_name', 'u.valid_to'])
    .where('u.id', '=', id)
    .where('u.level', '=', 'province')
    .where(inScope('u.path', scope))
    .executeTakeFirst();
}

/** The latest value of each key a province has set, with who set it. */
export async function currentSettings(db: Kysely<DB>, provinceId: number) {
  return db
    .selectFrom('province_setting as s')
    .innerJoin('app_user as u', 'u.id', 's.set_by')
    .distinctOn('s.key')
    .select(['s.key', 's.value', 's.reason', 's.set_at', 'u.full_name as set_by_name'])
    .where('s.province_id', '=', provinceId)
    .orderBy('s.key')
    .orderBy('s.id', 'desc')
    .execute();
}

/** Adds a value: the rows are the history, the latest is in force. */
export async function insertSetting(
  db: Kysely<DB>,
  row: { provinceId: number; key: string; value: unknown; reason: string; by: number; at: Date },
): Promise<void> {
  await db
    .insertInto('province_setting')
    .values({ province_id: row.provinceId, key: row.key, value: JSON.stringify(row.value), reason: row.reason, set_by: row.by, set_at: row.at })
    .execute();
}

/** Serialises changes of one province's settings (the before of the audit row is then the value replaced). */
export async function lockProvince(db: Kysely<DB>, provinceId: number): Promise<void> {
  await db.selectFrom('admin_unit').select('id').where('id', '=', provinceId).forUpdate().execute();
}

/** The province a unit belongs to (itself for a province): the province label on its ltree path. */
export async function findProvinceOfUnit(db: Kysely<DB>, unitId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('admin_unit as u')
    .innerJoin('admin_unit as p', (join) => join.on(sql<boolean>`p.path @> u.path`).on('p.level', '=', 'province'))
    .select('p.id')
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  return row?.id;
}

/** The province of a unit the scope reads (the unit in scope, or above it as a commune's province is). */
export async function findProvinceOfReadableUnit(db: Kysely<DB>, scope: Scope, unitId: number) {
  return db
    .selectFrom('admin_unit as u')
    .innerJoin('admin_unit as p', (join) => join.on(sql<boolean>`p.path @> u.path`).on('p.level', '=', 'province'))
    .select(['p.id', 'p.full_name', 'p.valid_to'])
    .where('u.id', '=', unitId)
    .where(inOrAboveScope('u.path', scope))
    .executeTakeFirst();
}
