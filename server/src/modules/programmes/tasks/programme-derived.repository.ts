import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';

/**
 * What the programmes' derived values read, for one (2025) province, as the system (no actor): the province's
 * units are the scope (units/provinceScope), and every child table is filtered by the programme's province_id.
 */

/** Assignments of the province's programmes, with their task's timing and the programme's owner unit. */
export async function provinceAssignments(db: Kysely<DB>, provinceId: number, asOf: string) {
  return db
    .selectFrom('task_assignment as a')
    .innerJoin('programme_task as t', (join) => join.onRef('t.province_id', '=', 'a.province_id').onRef('t.id', '=', 'a.task_id'))
    .innerJoin('programme as p', (join) => join.onRef('p.province_id', '=', 't.province_id').onRef('p.id', '=', 't.programme_id'))
    .select([
      'a.id', 'a.task_id', 'a.organization_id', 'p.owner_unit_id', 't.due_on', 't.recurrence', 'p.from_year', 'p.to_year',
      sql<string>`to_char(t.created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('created_on'),
    ])
    .where('a.province_id', '=', provinceId)
    .where('p.status', '<>', 'draft')
    // a task written after the day did not exist then
    .where(sql<boolean>`(t.created_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${asOf}::date`)
    .orderBy('a.id')
    .execute();
}

/** The units of these organisations (the province's, through its scope). */
export async function organizationUnits(db: Kysely<DB>, scope: Scope, organizationIds: readonly number[]) {
  if (organizationIds.length === 0) return [];
  return unitOwned(db, 'organization as o', 'o.unit_id', scope).select(['o.id', 'o.unit_id']).where('o.id', 'in', [...organizationIds]).execute();
}

/** Day (in Vietnam) and percent of the reports on these tasks up to `asOf` (reporters' units in the province's scope). */
export async function reportMarksUpTo(db: Kysely<DB>, scope: Scope, provinceId: number, taskIds: readonly number[], asOf: string) {
  if (taskIds.length === 0) return [];
  return unitOwned(db, 'task_progress as r', 'r.unit_id', scope)
    .select(['r.task_id', 'r.percent', sql<string>`to_char(r.reported_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('on')])
    .where('r.province_id', '=', provinceId)
    .where('r.task_id', 'in', [...taskIds])
    .where(sql<boolean>`(r.reported_at at time zone 'Asia/Ho_Chi_Minh')::date <= ${asOf}::date`)
    .execute();
}

/** For each of these units, the one of `ancestorIds` that holds it (itself included). */
export async function ancestorsAmong(db: Kysely<DB>, unitIds: readonly number[], ancestorIds: readonly number[]) {
  if (unitIds.length === 0 || ancestorIds.length === 0) return [];
  return db
    .selectFrom('admin_unit as u')
    .innerJoin('admin_unit as c', (join) => join.on(sql<boolean>`c.path @> u.path`))
    .select(['u.id as unit_id', 'c.id as ancestor_id'])
    .where('u.id', 'in', [...new Set(unitIds)])
    .where('c.id', 'in', [...ancestorIds])
    .execute();
}
