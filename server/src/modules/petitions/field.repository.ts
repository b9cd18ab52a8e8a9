import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';

/** Fields of cases: the national defaults and those of the given provinces (null = every province). */
export async function listFields(db: Database, provinceIds: readonly number[] | null) {
  let query = db.selectFrom('petition_field as f').select(['f.id', 'f.code', 'f.name', 'f.province_id', 'f.position', 'f.active']);
  if (provinceIds !== null) {
    query = query.where((eb) => eb.or([eb('f.province_id', 'is', null), eb('f.province_id', 'in', provinceIds.length ? [...provinceIds] : [-1])]));
  }
  return query.orderBy('f.position').orderBy('f.name').execute();
}

/** A field usable for a case of `provinceId`: a national default or one of that province. */
export async function findFieldFor(db: Database, provinceId: number, fieldId: number) {
  return db
    .selectFrom('petition_field as f')
    .select(['f.id', 'f.code', 'f.name', 'f.active'])
    .where('f.id', '=', fieldId)
    .where((eb) => eb.or([eb('f.province_id', 'is', null), eb('f.province_id', '=', provinceId)]))
    .executeTakeFirst();
}

/** The 2025 provinces of the units at the ends of these scope paths (null = whole country). */
export async function provincesOfRoots(db: Database, roots: readonly string[]): Promise<number[]> {
  const ids = roots.map((root) => Number(root.split('.').pop()));
  if (ids.length === 0) return [];
  const rows = await sql<{ id: number }>`select distinct unit_province_id(x) as id from unnest(${ids}::bigint[]) as x`.execute(db);
  return rows.rows.map((row) => Number(row.id));
}

/** A national default field by code ('other' for a transfer to a province without the case's field). */
export async function findNationalField(db: Database, code: string) {
  return db.selectFrom('petition_field as f').select(['f.id', 'f.code', 'f.name', 'f.active']).where('f.code', '=', code).where('f.province_id', 'is', null).executeTakeFirst();
}

/** A field of the national defaults or of the province with this code. */
export async function findFieldByCode(db: Database, provinceId: number, code: string) {
  return db
    .selectFrom('petition_field as f')
    .select(['f.id'])
    .where('f.code', '=', code)
    .where((eb) => eb.or([eb('f.province_id', 'is', null), eb('f.province_id', '=', provinceId)]))
    .executeTakeFirst();
}

export async function insertField(db: Database, row: { code: string; name: string; province_id: number; position: number }) {
  return db.insertInto('petition_field').values(row).returning(['id', 'code', 'name', 'province_id', 'position', 'active']).executeTakeFirstOrThrow();
}

/** The 2025 province of a unit. */
export async function provinceOfUnit(db: Database, unitId: number): Promise<number | null> {
  const row = await sql<{ id: number | null }>`select unit_province_id(${unitId}::bigint) as id`.execute(db);
  const id = row.rows[0]?.id;
  return id == null ? null : Number(id);
}
