import type { TRecurrence } from '#contracts/programmes/pack.ts';
import type { TProgrammeRef, TSolutionGroup, TTask, TTaskAssignment } from '#contracts/programmes/tasks.api.ts';
import type { TTargetLevel } from '#contracts/programmes/target-rule.ts';
import type { TOrganizationType } from '#contracts/organizations.ts';
import type { AssignmentRow, TaskRow } from './task.repository.ts';
import { taskState, type ReportMark } from './task.rules.ts';

export interface MarkRow {
  task_id: number;
  percent: number | null;
  reported_at: Date;
  on: string;
}

export const presentGroup = (row: { id: number; programme_id: number; code: string; position: number; title: string }): TSolutionGroup => ({
  id: row.id,
  programmeId: row.programme_id,
  code: row.code,
  position: row.position,
  title: row.title,
});

export const presentAssignment = (row: AssignmentRow): TTaskAssignment => ({
  id: row.id,
  taskId: row.task_id,
  role: row.role,
  bodyName: row.body_name,
  organizationType: row.organization_type as TOrganizationType | null,
  level: row.level as TTargetLevel | null,
  organizationId: row.organization_id,
  organizationName: row.organization_name,
  unitId: row.unit_id,
  unitName: row.unit_name,
  position: row.position,
});

export const presentProgrammeRef = (row: Pick<TaskRow, 'programme_id' | 'programme_number' | 'programme_title' | 'owner_unit_id' | 'owner_unit_name'>): TProgrammeRef => ({
  id: row.programme_id,
  number: row.programme_number,
  title: row.programme_title,
  ownerUnitId: row.owner_unit_id,
  ownerUnitName: row.owner_unit_name,
});

/** Tasks with their status on `today`, from the rows of one read (tasks, their assignments, their report marks). */
export function presentTasks(rows: readonly TaskRow[], assignments: readonly AssignmentRow[], marks: readonly MarkRow[], today: string): TTask[] {
  const byTask = new Map<number, TTaskAssignment[]>();
  for (const row of assignments) byTask.set(row.task_id, [...(byTask.get(row.task_id) ?? []), presentAssignment(row)]);
  const marksOf = new Map<number, MarkRow[]>();
  for (const mark of marks) marksOf.set(mark.task_id, [...(marksOf.get(mark.task_id) ?? []), mark]);
  return rows.map((row) => {
    const own = marksOf.get(row.id) ?? [];
    const reports: ReportMark[] = own.map((mark) => ({ on: mark.on, percent: mark.percent }));
    const state = taskState(
      { dueOn: row.due_on, recurrence: row.recurrence as TRecurrence | null, createdOn: row.created_on, fromYear: row.from_year, toYear: row.to_year },
      reports,
      today,
    );
    const last = own.reduce<Date | null>((latest, mark) => (latest === null || mark.reported_at > latest ? mark.reported_at : latest), null);
    return {
      id: row.id,
      programmeId: row.programme_id,
      groupId: row.group_id,
      code: row.code,
      position: row.position,
      text: row.text,
      dueOn: row.due_on,
      recurrence: row.recurrence as TRecurrence | null,
      expectedOutput: row.expected_output,
      currentDueOn: state.currentDueOn,
      occurrenceFrom: state.occurrenceFrom,
      status: state.status,
      percent: state.percent,
      lastReportedAt: last ? last.toISOString() : null,
      reportCount: own.length,
      assignments: byTask.get(row.id) ?? [],
    };
  });
}

/** Keeps the tasks of a status and due (current occurrence) on or before a day. */
export function filterTasks<T extends Pick<TTask, 'status' | 'currentDueOn'>>(tasks: readonly T[], filter: { status?: TTask['status']; dueBefore?: string }): T[] {
  return tasks.filter(
    (task) =>
      (filter.status === undefined || task.status === filter.status) &&
      (filter.dueBefore === undefined || (task.currentDueOn !== null && task.currentDueOn <= filter.dueBefore)),
  );
}
