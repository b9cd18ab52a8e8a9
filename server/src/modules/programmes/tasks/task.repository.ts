import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope } from '#server/shared/scope.ts';
import { readableProgrammes } from '../programme-access.repository.ts';
import type { ProgrammeKey } from '../targets/programme-target.repository.ts';

/**
 * Solution groups, tasks and assignments. Every read starts from readableProgrammes (the programme's reach: its
 * owner unit in or above the actor's scope); writes go to programmes the service found through manageableProgrammes.
 */

export interface TaskQuery {
  programmeId?: number;
  /** Programmes issued by this unit. */
  ownerUnitId?: number;
  taskId?: number;
  /** Tasks with an assignment whose body name contains this (folded) text. */
  body?: string;
  /** Tasks with an assignment to one of these organisations (a body and those it took over). */
  organizationIds?: readonly number[];
  /** Tasks of programmes issued by this unit, or assigned to an organisation of it. */
  ownerOrAssignedUnitId?: number;
}

const likeFolded = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Tasks of readable programmes with their programme's period and names (for the task rules and the lists). */
export async function findTasks(db: Kysely<DB>, scope: Scope, query: TaskQuery) {
  let q = readableProgrammes(db, scope)
    .innerJoin('programme_task as t', (join) => join.onRef('t.programme_id', '=', 'p.id').onRef('t.province_id', '=', 'p.province_id'))
    .select([
      't.id', 't.programme_id', 't.group_id', 't.code', 't.position', 't.text', 't.due_on', 't.recurrence', 't.expected_output',
      sql<string>`to_char(t.created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('created_on'),
      'p.from_year', 'p.to_year', 'p.number as programme_number', 'p.title as programme_title', 'p.owner_unit_id',
      'owner.full_name as owner_unit_name',
    ]);
  if (query.programmeId !== undefined) q = q.where('p.id', '=', query.programmeId);
  if (query.ownerUnitId !== undefined) q = q.where('p.owner_unit_id', '=', query.ownerUnitId);
  if (query.taskId !== undefined) q = q.where('t.id', '=', query.taskId);
  if (query.ownerOrAssignedUnitId !== undefined) {
    const unitId = query.ownerOrAssignedUnitId;
    q = q.where(({ or, eb, exists, selectFrom }) =>
      or([
        eb('p.owner_unit_id', '=', unitId),
        exists(
          selectFrom('task_assignment as ua')
            .innerJoin('organization as uo', 'uo.id', 'ua.organization_id')
            .select('ua.id')
            .whereRef('ua.task_id', '=', 't.id')
            .whereRef('ua.province_id', '=', 't.province_id')
            .where('uo.unit_id', '=', unitId),
        ),
      ]),
    );
  }
  if (query.body !== undefined || query.organizationIds !== undefined) {
    const { body, organizationIds } = query;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('task_assignment as fa')
          .select('fa.id')
          .whereRef('fa.task_id', '=', 't.id')
          .whereRef('fa.province_id', '=', 't.province_id')
          .$if(body !== undefined, (sub) => sub.where(sql<boolean>`fold_vi(fa.body_name) like fold_vi(${likeFolded(body ?? '')})`))
          .$if(organizationIds !== undefined, (sub) => sub.where(sql<boolean>`fa.organization_id = any(${organizationIds ?? []}::bigint[])`)),
      ),
    );
  }
  return q.orderBy('p.id').orderBy('t.position').orderBy('t.id').execute();
}
export type TaskRow = Awaited<ReturnType<typeof findTasks>>[number];

/** Assignments of tasks of readable programmes, with the organisation (named by the programme, so shown to its readers). */
export async function findAssignments(db: Kysely<DB>, scope: Scope, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return readableProgrammes(db, scope)
    .innerJoin('programme_task as t', (join) => join.onRef('t.programme_id', '=', 'p.id').onRef('t.province_id', '=', 'p.province_id'))
    .innerJoin('task_assignment as a', (join) => join.onRef('a.task_id', '=', 't.id').onRef('a.province_id', '=', 't.province_id'))
    .leftJoin('organization as o', 'o.id', 'a.organization_id')
    .leftJoin('admin_unit as ou', 'ou.id', 'o.unit_id')
    .select([
      'a.id', 'a.task_id', 'a.role', 'a.body_name', 'a.organization_type', 'a.level', 'a.organization_id', 'a.position',
      'o.name as organization_name', 'o.unit_id as unit_id', 'ou.full_name as unit_name', 'ou.path as unit_path',
    ])
    .where('t.id', 'in', [...taskIds])
    .orderBy('a.task_id').orderBy(sql`a.role = 'lead'`, 'desc').orderBy('a.position').orderBy('a.id')
    .execute();
}
export type AssignmentRow = Awaited<ReturnType<typeof findAssignments>>[number];

/** One assignment of a readable programme, with whether its organisation's unit is in the actor's scope. */
export async function findAssignment(db: Kysely<DB>, scope: Scope, assignmentId: number) {
  return readableProgrammes(db, scope)
    .innerJoin('programme_task as t', (join) => join.onRef('t.programme_id', '=', 'p.id').onRef('t.province_id', '=', 'p.province_id'))
    .innerJoin('task_assignment as a', (join) => join.onRef('a.task_id', '=', 't.id').onRef('a.province_id', '=', 't.province_id'))
    .leftJoin('organization as o', 'o.id', 'a.organization_id')
    .leftJoin('admin_unit as ou', 'ou.id', 'o.unit_id')
    .select(['a.id', 'a.task_id', 'a.role', 'a.body_name', 'a.organization_id', 'o.unit_id', 'p.id as programme_id', 'p.owner_unit_id'])
    .select(sql<boolean>`coalesce(${inScope('ou.path', scope)}, false)`.as('organization_in_scope'))
    .where('a.id', '=', assignmentId)
    .executeTakeFirst();
}

/** Day and percent of every progress report of these tasks of readable programmes (for the task rules). */
export async function findReportMarks(db: Kysely<DB>, scope: Scope, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return readableProgrammes(db, scope)
    .innerJoin('programme_task as t', (join) => join.onRef('t.programme_id', '=', 'p.id').onRef('t.province_id', '=', 'p.province_id'))
    .innerJoin('task_progress as r', (join) => join.onRef('r.task_id', '=', 't.id').onRef('r.province_id', '=', 'p.province_id'))
    .select([
      'r.task_id',
      'r.percent',
      'r.reported_at',
      sql<string>`to_char(r.reported_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`.as('on'),
    ])
    .where('t.id', 'in', [...taskIds])
    .execute();
}

export async function findGroups(db: Kysely<DB>, scope: Scope, programmeId: number) {
  return readableProgrammes(db, scope)
    .innerJoin('programme_solution_group as g', (join) => join.onRef('g.programme_id', '=', 'p.id').onRef('g.province_id', '=', 'p.province_id'))
    .select(['g.id', 'g.programme_id', 'g.code', 'g.position', 'g.title'])
    .where('p.id', '=', programmeId)
    .orderBy('g.position').orderBy('g.id')
    .execute();
}

export async function insertGroup(db: Kysely<DB>, values: { province_id: number; programme_id: number; code: string; title: string; position: number }) {
  return db.insertInto('programme_solution_group').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateGroup(db: Kysely<DB>, programme: ProgrammeKey, groupId: number, values: Partial<{ code: string; title: string; position: number }>) {
  return db
    .updateTable('programme_solution_group')
    .set(values)
    .where('province_id', '=', programme.province_id)
    .where('id', '=', groupId)
    .where('programme_id', '=', programme.id)
    .returningAll()
    .executeTakeFirst();
}

/** How many tasks a group holds (a group with tasks is not deleted). */
export async function countGroupTasks(db: Kysely<DB>, programme: ProgrammeKey, groupId: number) {
  const row = await db
    .selectFrom('programme_task')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('province_id', '=', programme.province_id)
    .where('programme_id', '=', programme.id)
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function deleteGroup(db: Kysely<DB>, programme: ProgrammeKey, groupId: number) {
  await db.deleteFrom('programme_solution_group').where('province_id', '=', programme.province_id).where('programme_id', '=', programme.id).where('id', '=', groupId).execute();
}

/** The next position after the last one of a programme's groups, tasks or a task's assignments. */
export async function nextPosition(db: Kysely<DB>, table: 'programme_solution_group' | 'programme_task', programme: ProgrammeKey) {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('n'))
    .where('province_id', '=', programme.province_id)
    .where('programme_id', '=', programme.id)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function codeTaken(db: Kysely<DB>, table: 'programme_solution_group' | 'programme_task', programme: ProgrammeKey, code: string, exceptId?: number) {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('province_id', '=', programme.province_id)
    .where('programme_id', '=', programme.id)
    .where('code', '=', code)
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId ?? 0))
    .executeTakeFirst();
  return row !== undefined;
}

export interface TaskValues {
  group_id: number | null;
  code: string;
  text: string;
  due_on: string | null;
  recurrence: 'yearly' | 'half_yearly' | 'quarterly' | 'monthly' | null;
  expected_output: string | null;
  position: number;
}

export async function insertTask(db: Kysely<DB>, values: TaskValues & { province_id: number; programme_id: number; created_at: Date }) {
  const row = await db.insertInto('programme_task').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateTask(db: Kysely<DB>, provinceId: number, taskId: number, values: Partial<TaskValues>) {
  if (Object.keys(values).length === 0) return;
  await db.updateTable('programme_task').set(values).where('province_id', '=', provinceId).where('id', '=', taskId).execute();
}

export async function insertAssignment(
  db: Kysely<DB>,
  values: { province_id: number; task_id: number; role: 'lead' | 'coordinate'; body_name: string; organization_type: string | null; level: 'province' | 'district' | 'commune' | 'village' | null; organization_id: number | null },
) {
  const position = await db
    .selectFrom('task_assignment')
    .select(sql<number>`coalesce(max(position), 0) + 1`.as('n'))
    .where('province_id', '=', values.province_id)
    .where('task_id', '=', values.task_id)
    .executeTakeFirstOrThrow();
  const row = await db.insertInto('task_assignment').values({ ...values, position: position.n }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteAssignment(db: Kysely<DB>, provinceId: number, assignmentId: number) {
  await db.deleteFrom('task_assignment').where('province_id', '=', provinceId).where('id', '=', assignmentId).execute();
}
