import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';
import { readableProgrammes } from '../programme-access.repository.ts';

/**
 * Progress reports (task_progress, a big table: UUIDv7 ids, province_id). Append-only: there is no update or
 * delete here. Reports are read through their task's programme (readableProgrammes): whoever reads the programme
 * reads how its tasks progress.
 */

export async function insertProgress(
  db: Kysely<DB>,
  values: { id: string; task_id: number; assignment_id: number | null; unit_id: number; reported_by: number; reported_at: Date; percent: number; note: string },
) {
  await db
    .insertInto('task_progress')
    .values({ ...values, province_id: sql<number>`unit_province_id(${values.unit_id}::bigint)` })
    .execute();
}

/** Reports of a task of a readable programme, newest first, with the reporter's name, unit and body. */
export async function findProgress(db: Kysely<DB>, scope: Scope, query: { taskId: number; id?: string }) {
  return readableProgrammes(db, scope)
    .innerJoin('programme_task as t', (join) => join.onRef('t.programme_id', '=', 'p.id').onRef('t.province_id', '=', 'p.province_id'))
    .innerJoin('task_progress as r', (join) => join.onRef('r.task_id', '=', 't.id').onRef('r.province_id', '=', 'p.province_id'))
    .innerJoin('admin_unit as ru', 'ru.id', 'r.unit_id')
    .leftJoin('app_user as u', 'u.id', 'r.reported_by')
    .leftJoin('task_assignment as a', (join) => join.onRef('a.id', '=', 'r.assignment_id').onRef('a.province_id', '=', 't.province_id'))
    .select([
      'r.id', 'r.task_id', 'r.assignment_id', 'a.body_name', 'r.unit_id', 'ru.full_name as unit_name', 'u.full_name as reported_by',
      'r.reported_by as reported_by_id', 'r.reported_at', 'r.percent', 'r.note', 'r.province_id',
    ])
    .where('t.id', '=', query.taskId)
    .$if(query.id !== undefined, (q) => q.where('r.id', '=', query.id ?? ''))
    .orderBy('r.reported_at', 'desc').orderBy('r.id', 'desc')
    .execute();
}
export type ProgressRow = Awaited<ReturnType<typeof findProgress>>[number];

/** One report by id (a file owner), through its programme's reach. */
export async function findProgressById(db: Kysely<DB>, scope: Scope, id: string) {
  return readableProgrammes(db, scope)
    .innerJoin('programme_task as t', (join) => join.onRef('t.programme_id', '=', 'p.id').onRef('t.province_id', '=', 'p.province_id'))
    .innerJoin('task_progress as r', (join) => join.onRef('r.task_id', '=', 't.id').onRef('r.province_id', '=', 'p.province_id'))
    .select(['r.id', 'r.task_id', 'r.unit_id', 'r.reported_by'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Whether progress was reported under an assignment (it then stays). */
export async function hasReportsUnder(db: Kysely<DB>, scope: Scope, taskId: number, assignmentId: number) {
  const row = await readableProgrammes(db, scope)
    .innerJoin('programme_task as t', (join) => join.onRef('t.programme_id', '=', 'p.id').onRef('t.province_id', '=', 'p.province_id'))
    .innerJoin('task_progress as r', (join) => join.onRef('r.task_id', '=', 't.id').onRef('r.province_id', '=', 'p.province_id'))
    .select('r.id')
    .where('t.id', '=', taskId)
    .where('r.assignment_id', '=', assignmentId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Files attached to these reports that the actor's scope reaches (the files platform's own rule). */
export async function findProgressAttachments(db: Kysely<DB>, scope: Scope, provinceId: number, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return unitOwned(db, 'attachment as f', 'f.unit_id', scope)
    .select(['f.id', 'f.owner_id', 'f.filename', 'f.mime_type', 'f.size_bytes'])
    .where('f.province_id', '=', provinceId)
    .where('f.owner_type', '=', 'task_progress')
    .where('f.owner_id', 'in', [...ids])
    .orderBy('f.created_at')
    .execute();
}

/** Reports of a programme's tasks written within [from, to] (days in Vietnam). */
export async function countReportsBetween(db: Kysely<DB>, scope: Scope, programmeId: number, from: string, to: string) {
  const row = await readableProgrammes(db, scope)
    .innerJoin('programme_task as t', (join) => join.onRef('t.programme_id', '=', 'p.id').onRef('t.province_id', '=', 'p.province_id'))
    .innerJoin('task_progress as r', (join) => join.onRef('r.task_id', '=', 't.id').onRef('r.province_id', '=', 'p.province_id'))
    .select(sql<number>`count(*)::int`.as('n'))
    .where('p.id', '=', programmeId)
    .where('r.reported_at', '>=', new Date(`${from}T00:00:00+07:00`))
    .where('r.reported_at', '<', new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000))
    .executeTakeFirstOrThrow();
  return row.n;
}
