import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';

/** The 2025 province of a unit (its own, or its successor's for a 2019 unit). Reference data only. */
export const provinceOf = async (db: Kysely<DB>, unitId: number) =>
  Number((await sql<{ id: number }>`select unit_province_id(${unitId}::bigint) as id`.execute(db)).rows[0]?.id);

const courseColumns = [
  'c.id',
  'c.province_id',
  'c.unit_id',
  'unit.full_name as unit_name',
  'unit.path as unit_path',
  'c.organization_id',
  'org.name as organization_name',
  'c.title',
  'c.kind',
  'c.level',
  'c.subject',
  'c.starts_on',
  'c.ends_on',
  'c.target_groups',
  'c.place',
] as const;

function courses(db: Kysely<DB>, scope: Scope) {
  return unitOwned(db, 'training_course as c', 'c.unit_id', scope)
    .leftJoin('organization as org', 'org.id', 'c.organization_id')
    .select(courseColumns)
    .select([
      sql<number>`(select count(*)::int from training_participant p where p.province_id = c.province_id and p.course_id = c.id)`.as('participants'),
      sql<number>`(select count(*)::int from training_participant p where p.province_id = c.province_id and p.course_id = c.id and p.completed)`.as('completed'),
    ]);
}

export type CourseRecord = Awaited<ReturnType<ReturnType<typeof courses>['executeTakeFirstOrThrow']>>;

/** Courses organised in the scope (under the unit at `underPath`), latest first. */
export async function listCourses(db: Kysely<DB>, scope: Scope, filter: { underPath?: string; from?: string; to?: string; limit: number }) {
  let query = courses(db, scope);
  if (filter.underPath) query = query.where(sql<boolean>`unit.path <@ ${filter.underPath}::ltree`);
  if (filter.from) query = query.where('c.ends_on', '>=', filter.from);
  if (filter.to) query = query.where('c.starts_on', '<=', filter.to);
  return query.orderBy('c.starts_on', 'desc').orderBy('c.id', 'desc').limit(filter.limit).execute();
}

/** One course in scope, or undefined. */
export async function findCourse(db: Kysely<DB>, scope: Scope, id: string) {
  return courses(db, scope).where('c.id', '=', id).executeTakeFirst();
}

export async function insertCourse(db: Kysely<DB>, row: Insertable<DB['training_course']>) {
  await db.insertInto('training_course').values(row).execute();
}

/** The participants of a course read in scope, by name. */
export async function listParticipants(db: Kysely<DB>, scope: Scope, provinceId: number, courseId: string) {
  return unitOwned(db, 'training_participant as tp', 'tp.unit_id', scope)
    .innerJoin('person as p', 'p.id', 'tp.person_id')
    .select(['tp.person_id', 'p.full_name', 'p.birth_year', 'tp.unit_id', 'unit.full_name as unit_name', 'tp.completed', 'tp.source'])
    .where('tp.province_id', '=', provinceId)
    .where('tp.course_id', '=', courseId)
    .orderBy('p.search_name')
    .orderBy('tp.person_id')
    .execute();
}

/** Adds people to a course or sets their completion (one statement, keys in order). */
export async function upsertParticipants(
  db: Kysely<DB>,
  rows: ReadonlyArray<{ provinceId: number; courseId: string; personId: number; unitId: number; completed: boolean; source: 'entry' | 'excel' | 'demo'; userId: number | null; at: Date }>,
) {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) => a.personId - b.personId);
  await db
    .insertInto('training_participant')
    .values(
      sorted.map((r) => ({
        province_id: r.provinceId,
        course_id: r.courseId,
        person_id: r.personId,
        unit_id: r.unitId,
        completed: r.completed,
        source: r.source,
        created_by: r.userId,
        created_at: r.at,
      })),
    )
    .onConflict((oc) => oc.columns(['province_id', 'course_id', 'person_id']).doUpdateSet((eb) => ({ completed: eb.ref('excluded.completed') })))
    .execute();
}

/** A person of the registry in scope with their registry unit, or undefined. */
export async function findPerson(db: Kysely<DB>, scope: Scope, personId: number) {
  return unitOwned(db, 'person as p', 'p.unit_id', scope)
    .select(['p.id', 'p.full_name', 'p.birth_year', 'p.unit_id', 'unit.path'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/**
 * People of the registry in scope under the unit at `underPath` whose folded name is one of `foldedNames`, with
 * the folded names of their unit and its ancestors (an attendance row names its unit by any of them).
 */
export async function peopleByFoldedNames(db: Kysely<DB>, scope: Scope, underPath: string, foldedNames: readonly string[]) {
  if (foldedNames.length === 0) return [];
  return unitOwned(db, 'person as p', 'p.unit_id', scope)
    .select(['p.id', 'p.full_name', 'p.birth_year', 'p.search_name', 'p.unit_id', 'unit.full_name as unit_name'])
    .select(
      sql<string[]>`(select array_agg(x) from admin_unit a, lateral (values (fold_vi(a.name)), (fold_vi(a.full_name))) v(x) where a.id = any(string_to_array(unit.path::text, '.')::bigint[]))`.as('unit_keys'),
    )
    .where(sql<boolean>`unit.path <@ ${underPath}::ltree`)
    .where('p.search_name', 'in', [...foldedNames])
    .orderBy('p.id')
    .execute();
}

/** The units of the people's current roles (and the people's own units), for the derived values a write moves. */
export async function unitsOfPeople(db: Kysely<DB>, personIds: readonly number[], asOf: string): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = await sql<{ unit_id: number }>`
    select p.unit_id from person p where p.id = any(${[...personIds]}::bigint[])
    union
    select o.unit_id from person_role r join organization o on o.id = r.organization_id
    where r.person_id = any(${[...personIds]}::bigint[]) and r.term_from <= ${asOf}::date and (r.term_to is null or r.term_to >= ${asOf}::date)
    order by 1`.execute(db);
  return rows.rows.map((row) => Number(row.unit_id));
}
