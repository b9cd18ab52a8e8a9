import { sql, type Insertable, type Kysely } from 'kysely';
import type { TTrainingGroup } from '#contracts/training/rules.ts';
import type { DB } from '#server/db/schema.ts';
import { groupCondition } from '../training-coverage.repository.ts';

/** The demo's reads of reference data and bulk writes of courses (the demo loader, on a province without courses). */
type Db = Kysely<DB>;

export async function province(db: Db, code: string) {
  const row = await db.selectFrom('admin_unit').select(['id', 'path', 'full_name']).where('structure', '=', '2025').where('code', '=', code).executeTakeFirst();
  if (!row) throw new Error(`official unit 2025:${code} is missing: import the official units before the demo`);
  return row;
}

export async function hasCourses(db: Db, provinceId: number) {
  return (await db.selectFrom('training_course').select('id').where('province_id', '=', provinceId).limit(1).executeTakeFirst()) !== undefined;
}

/** The province's Ban Tuyên giáo và Dân vận, or its Ban Dân vận before 2025 (the organiser of its courses), if the registry has one. */
export async function provinceCommission(db: Db, provinceId: number) {
  const row = await db
    .selectFrom('organization')
    .select('id')
    .where('unit_id', '=', provinceId)
    .where('type', 'in', ['propaganda_mobilization_commission', 'mobilization_commission'])
    .orderBy(sql`type = 'mobilization_commission'`)
    .orderBy('id')
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

/** People of the province holding a role of the group on `asOf`, with their registry unit and the commune (or unit above) where they count. */
export async function holdersOf(db: Db, provincePath: string, group: TTrainingGroup, asOf: string) {
  const rows = await sql<{ person_id: number; unit_id: number; group_unit_id: number }>`
    select distinct on (r.person_id) r.person_id, p.unit_id,
      coalesce((select a.id from admin_unit a where a.id = any(string_to_array(unit.path::text, '.')::bigint[]) and a.level = 'commune'), unit.id) as group_unit_id
    from organization o join admin_unit unit on unit.id = o.unit_id join person_role r on r.organization_id = o.id join person p on p.id = r.person_id
    where unit.path <@ ${provincePath}::ltree and ${groupCondition(group, 'o', 'r', 'unit')}
      and r.term_from <= ${asOf}::date and (r.term_to is null or r.term_to >= ${asOf}::date)
      and (o.dissolved_on is null or o.dissolved_on > ${asOf}::date)
    order by r.person_id, r.term_from desc`.execute(db);
  return rows.rows.map((row) => ({ personId: Number(row.person_id), unitId: Number(row.unit_id), groupUnitId: Number(row.group_unit_id) }));
}

export async function insertCourses(db: Db, rows: Insertable<DB['training_course']>[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('training_course').values(rows.slice(i, i + 500)).execute();
}

export async function insertParticipants(db: Db, rows: Insertable<DB['training_participant']>[]) {
  for (let i = 0; i < rows.length; i += 2000) await db.insertInto('training_participant').values(rows.slice(i, i + 2000)).execute();
}

export async function adminId(db: Db) {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirst();
  return row ? Number(row.id) : null;
}
