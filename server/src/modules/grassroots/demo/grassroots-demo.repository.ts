import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, FieldVisitTable } from '#server/db/schema.ts';

/** The demo's reads of the registry and bulk writes of visits (the demo loader, on a province without visits). */

type Db = Kysely<DB>;

export async function provinceByCode(db: Db, code: string) {
  const row = await db.selectFrom('admin_unit').select(['id', 'path']).where('structure', '=', '2025').where('code', '=', code).executeTakeFirst();
  if (!row) throw new Error(`official unit 2025:${code} is missing: import the official units before the demo`);
  return row;
}

export async function adminId(db: Db): Promise<number> {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (!row) throw new Error('the demo accounts are missing: the foundation demo step must run first');
  return row.id;
}

export async function hasVisits(db: Db, provinceId: number) {
  return (await db.selectFrom('field_visit').select('id').where('province_id', '=', provinceId).limit(1).execute()).length > 0;
}

export interface DemoCadre {
  roleId: number;
  personId: number;
  organizationId: number;
  type: string;
  unitId: number;
  unitLevel: string;
  termFrom: string;
  termTo: string | null;
  unitFrom: string | null;
  unitTo: string | null;
  villages: number[];
}

/** Roles in the given body types at communes and provinces under `paths`, with the unit's validity and villages. */
export async function cadresUnder(db: Db, paths: readonly string[], types: readonly string[]): Promise<DemoCadre[]> {
  const rows = await sql<{
    role_id: number; person_id: number; organization_id: number; type: string; unit_id: number; level: string;
    term_from: string; term_to: string | null; valid_from: string | null; valid_to: string | null; villages: number[] | null;
  }>`
    select r.id as role_id, r.person_id, o.id as organization_id, o.type, u.id as unit_id, u.level, r.term_from, r.term_to, u.valid_from, u.valid_to,
      (select array_agg(v.id order by v.id) from admin_unit v where v.parent_id = u.id and v.level = 'village') as villages
    from person_role r join organization o on o.id = r.organization_id join admin_unit u on u.id = o.unit_id
    where u.path <@ any(${[...paths]}::text[]::ltree[]) and u.level in ('commune', 'province') and o.type = any(${[...types]}::text[])
    order by u.id, r.id`.execute(db);
  return rows.rows.map((row) => ({
    roleId: Number(row.role_id), personId: Number(row.person_id), organizationId: Number(row.organization_id), type: row.type, unitId: Number(row.unit_id),
    unitLevel: row.level, termFrom: row.term_from, termTo: row.term_to, unitFrom: row.valid_from, unitTo: row.valid_to, villages: (row.villages ?? []).map(Number),
  }));
}

export async function purposeIds(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('field_visit_purpose').select(['id', 'code']).where('province_id', 'is', null).execute();
  return Object.fromEntries(rows.map((row) => [row.code, Number(row.id)]));
}

export async function insertVisits(db: Db, rows: readonly Insertable<FieldVisitTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('field_visit').values(rows.slice(i, i + 1000)).execute();
}
