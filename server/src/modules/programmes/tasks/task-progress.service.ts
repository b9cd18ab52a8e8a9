import type { Kysely } from 'kysely';
import type { TProgressInput, TTaskProgress } from '#contracts/programmes/tasks.api.ts';
import type { Database } from '#server/db/database.ts';
import type { DB } from '#server/db/schema.ts';
import type { FileOwnerResolver } from '#server/platform/files/file-owners.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { clock } from '#server/shared/clock.ts';
import { invalidField } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { recordAudit } from '../../audit/index.ts';
import { organizationWithPredecessors } from '../../organizations/index.ts';
import { findManageableProgramme } from '../programme-access.repository.ts';
import * as repo from './task-progress.repository.ts';
import { taskPolicy } from './task.policy.ts';
import { getTask, touchTask, type Deps } from './task.service.ts';
import { findAssignment } from './task.repository.ts';

/** Reports with their attachments (those the actor's scope reaches). */
async function present(db: Kysely<DB>, actor: Actor, rows: readonly repo.ProgressRow[]): Promise<TTaskProgress[]> {
  const provinceId = rows[0]?.province_id;
  const files = provinceId === undefined ? [] : await repo.findProgressAttachments(db, actor.scope, provinceId, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    taskId: row.task_id,
    assignmentId: row.assignment_id,
    bodyName: row.body_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    reportedBy: row.reported_by,
    reportedAt: row.reported_at.toISOString(),
    percent: row.percent,
    note: row.note,
    attachments: files
      .filter((file) => file.owner_id === row.id)
      .map((file) => ({ id: file.id, filename: file.filename, mimeType: file.mime_type, sizeBytes: file.size_bytes })),
  }));
}

export async function progressHistory(db: Database, actor: Actor, taskId: number) {
  authorize(taskPolicy.read(actor));
  const task = await getTask(db, actor, taskId);
  return { task, reports: await present(db, actor, await repo.findProgress(db, actor.scope, { taskId })) };
}

/**
 * Appends a progress report. It is written under an assignment: the one named, else the one of the reporter's
 * organisation, else (a reporter of the issuing unit) the lead. The report belongs to the assignment's
 * organisation's unit when it lies in the reporter's scope, else to the programme's owner unit.
 */
export async function reportProgress({ db, derived }: Deps, actor: Actor, taskId: number, input: TProgressInput): Promise<TTaskProgress> {
  return db.transaction().execute(async (trx) => {
    const task = await getTask(trx, actor, taskId);
    // the reporter's body and those it took over: a task given to the 2019 Ban Dân vận is reported by its successor
    const own = new Set(actor.organizationId === null ? [] : await organizationWithPredecessors(trx, actor.organizationId));
    const chosen =
      input.assignmentId !== undefined
        ? task.assignments.find((assignment) => assignment.id === input.assignmentId)
        : (task.assignments.find((assignment) => assignment.organizationId !== null && own.has(assignment.organizationId)) ??
          task.assignments.find((assignment) => assignment.role === 'lead') ??
          task.assignments[0]);
    if (input.assignmentId !== undefined && !chosen) throw invalidField('assignmentId', msg('programmes.tasks.assignmentNotOfTask'));
    const assignment = chosen ? await findAssignment(trx, actor.scope, chosen.id) : undefined;
    const programme = await findManageableProgramme(trx, actor.scope, task.programmeId);
    const allowed = taskPolicy.reportProgress(
      actor,
      assignment
        ? {
            // an assignment to a body the reporter's took over counts as one to the reporter's own
            organizationId: assignment.organization_id !== null && own.has(assignment.organization_id) ? actor.organizationId : assignment.organization_id,
            organizationInScope: assignment.organization_in_scope,
          }
        : null,
      programme !== undefined,
    );
    authorize(allowed);
    const unitId = assignment?.organization_in_scope && assignment.unit_id !== null ? assignment.unit_id : (programme?.owner_unit_id ?? null);
    if (unitId === null) authorize(false);
    const id = uuidv7();
    await repo.insertProgress(trx, {
      id, task_id: taskId, assignment_id: assignment?.id ?? null, unit_id: unitId as number, reported_by: actor.userId,
      reported_at: clock.now(), percent: input.percent, note: input.note,
    });
    await recordAudit(trx, actor, { action: 'create', entity: 'task_progress', entityId: id, unitId, after: { taskId, ...input, assignmentId: assignment?.id ?? null } });
    await touchTask(trx, derived, actor, taskId, [unitId]);
    const [row] = await present(trx, actor, await repo.findProgress(trx, actor.scope, { taskId, id }));
    if (!row) throw new Error('written report not readable');
    return row;
  });
}

/** Files of a progress report: seen by the programme's readers in scope of the report's unit, attached by its author. */
export const progressFileOwner: FileOwnerResolver = async (db, actor, ownerId) => {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ownerId)) return null;
  const report = await repo.findProgressById(db, actor.scope, ownerId.toLowerCase());
  if (!report) return null;
  return { unitId: report.unit_id, canAttach: report.reported_by === actor.userId && taskPolicy.read(actor) };
};
