import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { msg } from '#server/shared/messages.ts';
import type { DerivedValue, DerivedValues } from '#server/shared/module.ts';
import { listUnitsOfLevel, provinceScope } from '../../units/index.ts';
import { ancestorsAmong, organizationUnits, provinceAssignments, reportMarksUpTo } from './programme-derived.repository.ts';
import { completionsOnTime, taskState, type ReportMark, type TaskTiming } from './task.rules.ts';

/**
 * Figures of the programmes module stored as derived values (docs/design/indicators.md §2), per commune:
 *
 * - `programmes.tasks_overdue`: tasks assigned to the commune (to an organisation of the commune or of one of its
 *   villages, or, unmatched to any organisation, in a programme the commune issued) that are overdue on the day
 *   (task.rules: past the due date of the occurrence in course, or of the one just ended, without a 100% report).
 *   A month's value is the count on its last day (today for the month in course).
 * - `programmes.tasks_done_on_time`: how many of those tasks (or occurrences of recurring ones) were completed on
 *   time from 1 January to the day: the year's value is the year's count; a month's value is the count so far
 *   that year (a derived value is a figure as of a day, so a count per year is kept year-to-date).
 *
 * A task is counted once per commune however many of its bodies lie in it. Tasks of draft programmes do not count.
 */
export const TASKS_OVERDUE = 'programmes.tasks_overdue';
export const TASKS_DONE_ON_TIME = 'programmes.tasks_done_on_time';

interface CommuneTask {
  communeId: number;
  taskId: number;
  timing: TaskTiming;
}

/** The (commune, task) pairs of the province on the day, with each task's reports up to the day. */
async function communeTasks(db: Kysely<DB>, args: { provinceId: number; asOf: string; unitIds?: readonly number[] | undefined }) {
  const communes = await listUnitsOfLevel(db, { ...args, level: 'commune' });
  const assignments = await provinceAssignments(db, args.provinceId, args.asOf);
  const scope = await provinceScope(db, args.provinceId);
  const organizations = new Map(
    (await organizationUnits(db, scope, [...new Set(assignments.flatMap((a) => (a.organization_id === null ? [] : [a.organization_id])))])).map((o) => [o.id, o.unit_id]),
  );
  // an assignment belongs to its organisation's unit; unmatched (a body named in the text), to the issuing unit
  const unitOf = (a: (typeof assignments)[number]) => (a.organization_id === null ? a.owner_unit_id : organizations.get(a.organization_id));
  const held = await ancestorsAmong(db, assignments.flatMap((a) => unitOf(a) ?? []), communes);
  const communeOf = new Map(held.map((row) => [row.unit_id, row.ancestor_id]));
  const pairs = new Map<string, CommuneTask>();
  for (const a of assignments) {
    const unitId = unitOf(a);
    const communeId = unitId === undefined ? undefined : communeOf.get(unitId);
    if (communeId === undefined) continue;
    pairs.set(`${communeId}:${a.task_id}`, {
      communeId,
      taskId: a.task_id,
      timing: { dueOn: a.due_on, recurrence: a.recurrence, createdOn: a.created_on, fromYear: a.from_year, toYear: a.to_year },
    });
  }
  const marks = new Map<number, ReportMark[]>();
  const taskIds = [...new Set([...pairs.values()].map((pair) => pair.taskId))];
  for (const mark of await reportMarksUpTo(db, scope, args.provinceId, taskIds, args.asOf)) {
    marks.set(mark.task_id, [...(marks.get(mark.task_id) ?? []), { on: mark.on, percent: mark.percent }]);
  }
  return { communes, pairs: [...pairs.values()], marks };
}

/** Every commune of the day (0 included) with the count of its tasks that `counts`. */
async function perCommune(
  db: Kysely<DB>,
  args: { provinceId: number; asOf: string; unitIds?: readonly number[] | undefined },
  counts: (pair: CommuneTask, marks: readonly ReportMark[]) => number,
) {
  const { communes, pairs, marks } = await communeTasks(db, args);
  const totals = new Map(communes.map((id) => [id, 0]));
  for (const pair of pairs) totals.set(pair.communeId, (totals.get(pair.communeId) ?? 0) + counts(pair, marks.get(pair.taskId) ?? []));
  return communes.map((unitId) => ({ unitId, value: totals.get(unitId) ?? 0 }));
}

export const tasksOverdue: DerivedValue = {
  code: TASKS_OVERDUE,
  elementCode: 'PROG_TASKS_OVERDUE',
  name: msg('programmes.derived.tasksOverdue'),
  valueType: 'integer',
  level: 'commune',
  unitOfMeasure: msg('programmes.derived.unitTask'),
  compute: (db, args) => perCommune(db, args, (pair, marks) => (taskState(pair.timing, marks, args.asOf).status === 'overdue' ? 1 : 0)),
};

export const tasksDoneOnTime: DerivedValue = {
  code: TASKS_DONE_ON_TIME,
  elementCode: 'PROG_TASKS_DONE_ON_TIME',
  name: msg('programmes.derived.tasksDoneOnTime'),
  valueType: 'integer',
  level: 'commune',
  unitOfMeasure: msg('programmes.derived.unitTask'),
  compute: (db, args) => perCommune(db, args, (pair, marks) => completionsOnTime(pair.timing, marks, `${args.asOf.slice(0, 4)}-01-01`, args.asOf)),
};

/**
 * Refreshes both figures for the units a task write moves (its bodies' units and the issuing unit), in the
 * writer's transaction; codes in a fixed order so two writers take the derived locks in the same order.
 */
export async function touchTaskFigures(trx: Kysely<DB>, derived: DerivedValues, actor: { userId: number }, unitIds: ReadonlyArray<number | null>): Promise<void> {
  const units = [...new Set(unitIds.filter((id): id is number => id !== null))];
  if (units.length === 0) return;
  for (const code of [TASKS_DONE_ON_TIME, TASKS_OVERDUE].sort()) await derived.touch(trx, actor, code, units);
}
