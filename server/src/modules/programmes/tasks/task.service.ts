import type { TAssignmentInput, TTask, TTaskAssignment, TTaskInput, TTaskList } from '#contracts/programmes/tasks.api.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import type { Kysely } from 'kysely';
import type { ModuleContext } from '#server/shared/module.ts';
import { touchTaskFigures } from './programme-derived.ts';
import { recordAudit } from '../../audit/index.ts';
import { findOrganization, organizationWithPredecessors } from '../../organizations/index.ts';
import { findManageableProgramme, findReadableProgramme } from '../programme-access.repository.ts';
import * as progressRepo from './task-progress.repository.ts';
import { taskPolicy } from './task.policy.ts';
import { filterTasks, presentAssignment, presentGroup, presentTasks } from './task.presenter.ts';
import * as repo from './task.repository.ts';
import type { ProgrammeKey } from '../targets/programme-target.repository.ts';

/** What a write needs: the database, and the derived values it refreshes in its transaction. */
export type Deps = Pick<ModuleContext, 'db' | 'derived'>;

/** Refreshes the programmes' derived figures of the units a task concerns: its bodies' units and the issuing unit. */
export async function touchTask(trx: Kysely<DB>, derived: Deps['derived'], actor: Actor, taskId: number, extraUnits: ReadonlyArray<number | null> = []) {
  const { rows, tasks } = await readTaskRows(trx, actor, { taskId });
  const units = [...rows.map((row) => row.owner_unit_id), ...tasks.flatMap((task) => task.assignments.map((a) => a.unitId))];
  await touchTaskFigures(trx, derived, actor, [...units, ...extraUnits]);
}

type TaskFilter = { body?: string; organizationId?: number; status?: TTask['status']; dueBefore?: string };

/** Tasks of a query with their assignments and status today (one read each, status computed by task.rules). */
export async function readTaskRows(db: Kysely<DB>, actor: Actor, query: repo.TaskQuery) {
  const rows = await repo.findTasks(db, actor.scope, { ...query, ...(query.body !== undefined ? { body: foldVi(query.body) } : {}) });
  const ids = rows.map((row) => row.id);
  const assignments = await repo.findAssignments(db, actor.scope, ids);
  const marks = await repo.findReportMarks(db, actor.scope, ids);
  return { rows, tasks: presentTasks(rows, assignments, marks, clock.today()) };
}

export const readTasks = async (db: Kysely<DB>, actor: Actor, query: repo.TaskQuery): Promise<TTask[]> => (await readTaskRows(db, actor, query)).tasks;

/** Solution groups and tasks of a readable programme, filtered. */
export async function listTasks(db: Database, actor: Actor, programmeId: number, filter: TaskFilter): Promise<TTaskList> {
  authorize(taskPolicy.read(actor));
  if (!(await findReadableProgramme(db, actor.scope, programmeId))) throw notFound('entity.programme');
  const groups = await repo.findGroups(db, actor.scope, programmeId);
  const organizationIds = filter.organizationId ? await organizationWithPredecessors(db, filter.organizationId) : undefined;
  const tasks = await readTasks(db, actor, { programmeId, ...(filter.body ? { body: filter.body } : {}), ...(organizationIds ? { organizationIds } : {}) });
  return { today: clock.today(), groups: groups.map(presentGroup), tasks: filterTasks(tasks, filter) };
}

/** One task of a readable programme (404 otherwise). */
export async function getTask(db: Kysely<DB>, actor: Actor, taskId: number): Promise<TTask> {
  const [task] = await readTasks(db, actor, { taskId });
  if (!task) throw notFound('entity.programmeTask');
  return task;
}

async function manageable(trx: Kysely<DB>, actor: Actor, programmeId: number) {
  authorize(taskPolicy.manage(actor));
  const programme = await findManageableProgramme(trx, actor.scope, programmeId);
  if (!programme) {
    // a reader who may not change it is refused; anyone else learns nothing
    if (await findReadableProgramme(trx, actor.scope, programmeId)) authorize(false);
    throw notFound('entity.programme');
  }
  return programme;
}

/** The task's programme when the actor manages it. */
async function manageableTask(trx: Kysely<DB>, actor: Actor, taskId: number) {
  const task = await getTask(trx, actor, taskId);
  const programme = await manageable(trx, actor, task.programmeId);
  return { task, programme };
}

async function checkCode(trx: Kysely<DB>, table: 'programme_solution_group' | 'programme_task', programme: ProgrammeKey, code: string, exceptId?: number) {
  if (await repo.codeTaken(trx, table, programme, code, exceptId)) throw invalidField('code', msg('programmes.tasks.codeTaken', { code }));
}

export async function createGroup(db: Database, actor: Actor, programmeId: number, input: { code: string; title: string; position?: number | undefined }) {
  return db.transaction().execute(async (trx) => {
    const programme = await manageable(trx, actor, programmeId);
    await checkCode(trx, 'programme_solution_group', programme, input.code);
    const position = input.position ?? (await repo.nextPosition(trx, 'programme_solution_group', programme));
    const row = await repo.insertGroup(trx, { province_id: programme.province_id, programme_id: programmeId, code: input.code, title: input.title, position });
    await recordAudit(trx, actor, { action: 'create', entity: 'programme_solution_group', entityId: row.id, unitId: programme.owner_unit_id, after: { name: input.title, ...input } });
    return presentGroup(row);
  });
}

export async function updateGroup(db: Database, actor: Actor, programmeId: number, groupId: number, input: { code?: string | undefined; title?: string | undefined; position?: number | undefined }) {
  return db.transaction().execute(async (trx) => {
    const programme = await manageable(trx, actor, programmeId);
    const before = (await repo.findGroups(trx, actor.scope, programmeId)).find((group) => group.id === groupId);
    if (!before) throw notFound('entity.solutionGroup');
    if (input.code !== undefined) await checkCode(trx, 'programme_solution_group', programme, input.code, groupId);
    const values = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const row = (await repo.updateGroup(trx, programme, groupId, values)) ?? before;
    await recordAudit(trx, actor, { action: 'update', entity: 'programme_solution_group', entityId: groupId, unitId: programme.owner_unit_id, before, after: { name: row.title, ...values } });
    return presentGroup(row);
  });
}

/** Deletes a solution group, unless tasks still belong to it (they would lose their group silently). */
export async function deleteGroup(db: Database, actor: Actor, programmeId: number, groupId: number) {
  return db.transaction().execute(async (trx) => {
    const programme = await manageable(trx, actor, programmeId);
    const group = (await repo.findGroups(trx, actor.scope, programmeId)).find((row) => row.id === groupId);
    if (!group) throw notFound('entity.solutionGroup');
    const tasks = await repo.countGroupTasks(trx, programme, groupId);
    if (tasks > 0) throw conflict(msg('programmes.tasks.groupHasTasks', { title: group.title, count: tasks }));
    await repo.deleteGroup(trx, programme, groupId);
    await recordAudit(trx, actor, { action: 'delete', entity: 'programme_solution_group', entityId: groupId, unitId: programme.owner_unit_id, before: { name: group.title, code: group.code, position: group.position } });
    return { ok: true as const };
  });
}

/** Contract fields → columns, only those sent; the group must be one of the programme's. */
async function taskColumns(trx: Kysely<DB>, actor: Actor, programmeId: number, input: Partial<TTaskInput>) {
  const columns: Partial<repo.TaskValues> = {};
  if (input.groupId != null && !(await repo.findGroups(trx, actor.scope, programmeId)).some((group) => group.id === input.groupId)) {
    throw invalidField('groupId', msg('programmes.tasks.groupNotInProgramme'));
  }
  if (input.groupId !== undefined) columns.group_id = input.groupId;
  if (input.code !== undefined) columns.code = input.code;
  if (input.text !== undefined) columns.text = input.text;
  if (input.dueOn !== undefined) columns.due_on = input.dueOn;
  if (input.recurrence !== undefined) columns.recurrence = input.recurrence;
  if (input.expectedOutput !== undefined) columns.expected_output = input.expectedOutput;
  if (input.position !== undefined) columns.position = input.position;
  return columns;
}

export async function createTask({ db, derived }: Deps, actor: Actor, programmeId: number, input: TTaskInput): Promise<TTask> {
  return db.transaction().execute(async (trx) => {
    const programme = await manageable(trx, actor, programmeId);
    await checkCode(trx, 'programme_task', programme, input.code);
    const columns = await taskColumns(trx, actor, programmeId, input);
    const position = input.position ?? (await repo.nextPosition(trx, 'programme_task', programme));
    const id = await repo.insertTask(trx, {
      province_id: programme.province_id, programme_id: programmeId, group_id: null, due_on: null, recurrence: null, expected_output: null, code: input.code, text: input.text,
      ...columns, position, created_at: clock.now(),
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'programme_task', entityId: id, unitId: programme.owner_unit_id, after: { name: input.text, ...input } });
    await touchTask(trx, derived, actor, id);
    return getTask(trx, actor, id);
  });
}

export async function updateTask({ db, derived }: Deps, actor: Actor, taskId: number, input: Partial<TTaskInput>): Promise<TTask> {
  return db.transaction().execute(async (trx) => {
    const { task, programme } = await manageableTask(trx, actor, taskId);
    if (input.code !== undefined) await checkCode(trx, 'programme_task', programme, input.code, taskId);
    const columns = await taskColumns(trx, actor, task.programmeId, input);
    await repo.updateTask(trx, programme.province_id, taskId, columns);
    const { assignments: _a, ...before } = task;
    await recordAudit(trx, actor, { action: 'update', entity: 'programme_task', entityId: taskId, unitId: programme.owner_unit_id, before, after: { name: input.text ?? task.text, ...input } });
    await touchTask(trx, derived, actor, taskId);
    return getTask(trx, actor, taskId);
  });
}

/** Assigns a task to a body; an organisation named must be one of the registry in the actor's scope today. */
export async function assignTask({ db, derived }: Deps, actor: Actor, taskId: number, input: TAssignmentInput): Promise<TTaskAssignment> {
  return db.transaction().execute(async (trx) => {
    const { programme } = await manageableTask(trx, actor, taskId);
    if (input.organizationId != null && !(await findOrganization(trx, actor.scope, input.organizationId, clock.today()))) {
      throw invalidField('organizationId', msg('programmes.tasks.organizationOutOfScope'));
    }
    const id = await repo.insertAssignment(trx, {
      province_id: programme.province_id, task_id: taskId, role: input.role, body_name: input.bodyName, organization_type: input.organizationType ?? null,
      level: input.level ?? null, organization_id: input.organizationId ?? null,
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'task_assignment', entityId: id, unitId: programme.owner_unit_id, after: { name: input.bodyName, taskId, ...input } });
    const row = (await repo.findAssignments(trx, actor.scope, [taskId])).find((assignment) => assignment.id === id);
    if (!row) throw new Error('written assignment not readable');
    await touchTask(trx, derived, actor, taskId);
    return presentAssignment(row);
  });
}

/** Removes an assignment, unless progress was reported under it (reports are never orphaned). */
export async function unassignTask({ db, derived }: Deps, actor: Actor, assignmentId: number) {
  return db.transaction().execute(async (trx) => {
    const assignment = await repo.findAssignment(trx, actor.scope, assignmentId);
    if (!assignment) throw notFound('entity.taskAssignment');
    const programme = await manageable(trx, actor, assignment.programme_id);
    if (await progressRepo.hasReportsUnder(trx, actor.scope, assignment.task_id, assignmentId)) throw conflict(msg('programmes.tasks.assignmentHasReports'));
    await repo.deleteAssignment(trx, programme.province_id, assignmentId);
    await touchTask(trx, derived, actor, assignment.task_id, [assignment.unit_id]);
    await recordAudit(trx, actor, { action: 'delete', entity: 'task_assignment', entityId: assignmentId, unitId: programme.owner_unit_id, before: { name: assignment.body_name, taskId: assignment.task_id, role: assignment.role, organizationId: assignment.organization_id } });
    return { ok: true as const };
  });
}
