import type { TAssignmentRow, TDueList, TReviewWorkspace, TTask, TTaskStatus } from '#contracts/programmes/tasks.api.ts';
import { REVIEW_REMINDER_DAYS, TASK_STATUSES } from '#contracts/programmes/tasks.api.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { organizationWithPredecessors } from '../../organizations/index.ts';
import { findUnit } from '../../units/index.ts';
import { presentReview } from '../reviews/review.presenter.ts';
import { findReviews } from '../reviews/review.repository.ts';
import { getBudget } from '../budget/budget.service.ts';
import { getReview } from '../reviews/review.service.ts';
import { countReportsBetween } from './task-progress.repository.ts';
import { taskPolicy } from './task.policy.ts';
import { filterTasks } from './task.presenter.ts';
import { readTaskRows } from './task.service.ts';
import { targetStatusesForReview } from '../reviews/review-targets.ts';

/** The unit a cross-programme list is about: the one asked for (in scope), else the actor's own. */
async function unitOf(db: Database, actor: Actor, unitId: number | undefined) {
  const id = unitId ?? actor.unitId;
  if (id === null) throw invalidField('unitId', msg('common.required'));
  const unit = await findUnit(db, actor.scope, id, clock.today());
  if (!unit) throw notFound('entity.unit');
  return unit;
}

const refOf = (task: { programme_id: number }, programmes: Map<number, TAssignmentRow['programme']>) => programmes.get(task.programme_id);

interface AssignmentQuery {
  unitId?: number | undefined;
  programmeId?: number | undefined;
  body?: string | undefined;
  organizationId?: number | undefined;
  role?: 'lead' | 'coordinate' | undefined;
  status?: TTaskStatus | undefined;
  dueBefore?: string | undefined;
}

/**
 * The assigning unit's one table: every assignment of the programmes it issued, across bodies, filtered. Asked
 * for one organisation without a unit, it is that body's table across every programme the actor reads, with the
 * assignments of the bodies it took over (a task of the 2019 Ban Dân vận reads under its Ban Tuyên giáo và Dân vận).
 */
export async function assignmentTable(db: Database, actor: Actor, query: AssignmentQuery) {
  authorize(taskPolicy.read(actor));
  const byBody = query.organizationId !== undefined && query.unitId === undefined;
  const unit = byBody ? undefined : await unitOf(db, actor, query.unitId);
  const organizationIds = query.organizationId === undefined ? undefined : await organizationWithPredecessors(db, query.organizationId);
  const { tasks, programmes } = await tasksWithProgrammes(db, actor, {
    ...(unit ? { ownerUnitId: unit.id } : {}),
    ...(query.programmeId !== undefined ? { programmeId: query.programmeId } : {}),
    ...(query.body !== undefined ? { body: query.body } : {}),
    ...(organizationIds ? { organizationIds } : {}),
  });
  const body = query.body === undefined ? undefined : foldVi(query.body);
  const rows = filterTasks(tasks, query).flatMap(({ assignments, ...task }) =>
    assignments
      .filter((a) => (body === undefined || foldVi(a.bodyName).includes(body)) && (organizationIds === undefined || (a.organizationId !== null && organizationIds.includes(a.organizationId))))
      .filter((a) => query.role === undefined || a.role === query.role)
      .flatMap((assignment) => {
        const programme = refOf({ programme_id: task.programmeId }, programmes);
        return programme ? [{ assignment, task, programme }] : [];
      }),
  );
  return { today: clock.today(), rows, total: rows.length };
}

async function tasksWithProgrammes(db: Database, actor: Actor, query: Parameters<typeof readTaskRows>[2]) {
  const { tasks, rows } = await readTaskRows(db, actor, query);
  const programmes = new Map(rows.map((row) => [row.programme_id, {
    id: row.programme_id, number: row.programme_number, title: row.programme_title, ownerUnitId: row.owner_unit_id, ownerUnitName: row.owner_unit_name,
  }]));
  return { tasks, programmes };
}

/** What is due for a unit: its programmes' open reviews due within 30 days or late, overdue tasks it issued or carries. */
export async function dueList(db: Database, actor: Actor, unitId: number | undefined): Promise<TDueList> {
  authorize(taskPolicy.read(actor));
  const unit = await unitOf(db, actor, unitId);
  const today = clock.today();
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + REVIEW_REMINDER_DAYS * 86_400_000).toISOString().slice(0, 10);
  const reviews = await findReviews(db, actor.scope, { ownerUnitId: unit.id, dueBefore: horizon, open: true });
  const { tasks, programmes } = await tasksWithProgrammes(db, actor, { ownerOrAssignedUnitId: unit.id });
  return {
    today,
    reviews: reviews.map((row) => ({
      programme: { id: row.programme_id, number: row.programme_number, title: row.programme_title, ownerUnitId: row.owner_unit_id, ownerUnitName: row.owner_unit_name },
      review: presentReview(row, today),
    })),
    overdueTasks: tasks
      .filter((task) => task.status === 'overdue')
      .sort((a, b) => (a.currentDueOn ?? '').localeCompare(b.currentDueOn ?? ''))
      .flatMap((task) => {
        const programme = programmes.get(task.programmeId);
        return programme ? [{ programme, task }] : [];
      }),
  };
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);

/**
 * A review's workspace: its period (whole years), the programme's tasks with their status today (late ones
 * listed), progress reports written within the period, budget lines of its years, target statuses for its years.
 */
export async function reviewWorkspace(db: Database, actor: Actor, programmeId: number, reviewId: number): Promise<TReviewWorkspace> {
  authorize(taskPolicy.read(actor));
  const row = await getReview(db, actor, programmeId, reviewId);
  const today = clock.today();
  const period = { fromYear: row.from_year, toYear: row.to_year, from: `${row.from_year}-01-01`, to: `${row.to_year}-12-31` };
  const { tasks } = await readTaskRows(db, actor, { programmeId });
  const byStatus = Object.fromEntries(TASK_STATUSES.map((status) => [status, tasks.filter((task) => task.status === status).length])) as Record<TTaskStatus, number>;
  const late: TTask[] = tasks.filter((task) => task.status === 'overdue').sort((a, b) => (a.currentDueOn ?? '').localeCompare(b.currentDueOn ?? ''));
  return {
    today,
    programme: { id: row.programme_id, number: row.programme_number, title: row.programme_title, ownerUnitId: row.owner_unit_id, ownerUnitName: row.owner_unit_name },
    review: presentReview(row, today),
    period,
    tasks: {
      total: tasks.length,
      byStatus,
      averagePercent: mean(tasks.map((task) => (task.status === 'done' ? 100 : (task.percent ?? 0)))),
      reportsInPeriod: await countReportsBetween(db, actor.scope, programmeId, period.from, period.to),
      late,
    },
    budget: await getBudget(db, actor, programmeId, { fromYear: row.from_year, toYear: row.to_year }),
    ...(await targetStatusesForReview(db, actor, programmeId, period, { fromYear: row.programme_from_year, toYear: row.programme_to_year })),
  };
}
