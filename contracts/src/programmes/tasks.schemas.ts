import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { ZUuid } from '../jobs.ts';
import { ZOrganizationType } from '../organizations.ts';
import { ZPackCode, ZRecurrence } from './pack.ts';
import { ZTargetLevel } from './target-rule.ts';

/**
 * Solution groups, tasks and their assignments to bodies, progress reports, the review schedule with its
 * workspace, and budget lines of a programme (issue 11 items 3–5). Dates are computed from the server's one clock.
 */

/**
 * A task's status today: done (a report at 100% in the current occurrence), overdue (the current occurrence's due
 * date passed without it), on_track (reported, not yet due), not_started (nothing reported, not yet due).
 */
export const TASK_STATUSES = ['not_started', 'on_track', 'overdue', 'done'] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES);
export type TTaskStatus = z.infer<typeof ZTaskStatus>;

export const ZAssignmentRole = z.enum(['lead', 'coordinate']);
export type TAssignmentRole = z.infer<typeof ZAssignmentRole>;

export const ZTaskIdParams = z.object({ taskId: ZId });
export const ZGroupParams = z.object({ id: ZId, groupId: ZId });
export const ZReviewParams = z.object({ id: ZId, reviewId: ZId });
export const ZBudgetLineParams = z.object({ id: ZId, lineId: ZId });
export const ZAssignmentParams = z.object({ assignmentId: ZId });

/** A programme named in a row of a cross-programme list. */
export const ZProgrammeRef = z.object({ id: ZId, number: z.string(), title: z.string(), ownerUnitId: ZId, ownerUnitName: z.string() });
export type TProgrammeRef = z.infer<typeof ZProgrammeRef>;

export const ZSolutionGroup = z.object({ id: ZId, programmeId: ZId, code: z.string(), position: z.number().int(), title: z.string() });
export type TSolutionGroup = z.infer<typeof ZSolutionGroup>;

export const ZSolutionGroupInput = z.object({ code: ZPackCode, title: zText(2000), position: z.number().int().min(0).max(100_000).optional() });

/** A body carrying a task, as the document names it, matched to an organisation of the registry when one fits. */
export const ZTaskAssignment = z.object({
  id: ZId,
  taskId: ZId,
  role: ZAssignmentRole,
  bodyName: z.string(),
  organizationType: ZOrganizationType.nullable(),
  level: ZTargetLevel.nullable(),
  organizationId: ZId.nullable(),
  organizationName: z.string().nullable(),
  /** The organisation's unit (its members report progress). */
  unitId: ZId.nullable(),
  unitName: z.string().nullable(),
  position: z.number().int(),
});
export type TTaskAssignment = z.infer<typeof ZTaskAssignment>;

export const ZAssignmentInput = z.object({
  role: ZAssignmentRole,
  bodyName: zText(300),
  /** An organisation of the registry, in the scope of the programme's owner unit. */
  organizationId: ZId.nullable().optional(),
  organizationType: ZOrganizationType.nullable().optional(),
  level: ZTargetLevel.nullable().optional(),
});
export type TAssignmentInput = z.infer<typeof ZAssignmentInput>;

export const ZTask = z.object({
  id: ZId,
  programmeId: ZId,
  groupId: ZId.nullable(),
  code: z.string(),
  position: z.number().int(),
  text: z.string(),
  dueOn: ZDate.nullable(),
  recurrence: ZRecurrence.nullable(),
  expectedOutput: z.string().nullable(),
  /** The due date of the occurrence in course today (a recurring task: the end of the current year, half, quarter, month). */
  currentDueOn: ZDate.nullable(),
  /** First day of the occurrence in course (recurring tasks); reports from it on count for it. */
  occurrenceFrom: ZDate.nullable(),
  status: ZTaskStatus,
  /** Percent of the latest report in the current occurrence (null: none). */
  percent: z.number().int().nullable(),
  lastReportedAt: z.string().nullable(),
  reportCount: z.number().int(),
  assignments: z.array(ZTaskAssignment),
});
export type TTask = z.infer<typeof ZTask>;

export const ZTaskInput = z.object({
  groupId: ZId.nullable().optional(),
  code: ZPackCode,
  text: zText(4000),
  dueOn: ZDate.nullable().optional(),
  recurrence: ZRecurrence.nullable().optional(),
  expectedOutput: zText(1000).nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
});
export type TTaskInput = z.infer<typeof ZTaskInput>;

export const ZTaskFilter = z.object({
  /** Part of a body's name (accents and case ignored). */
  body: zText(300).optional(),
  /** Tasks assigned to this body or to one it took over (merged, renamed, re-parented, abolished into it). */
  organizationId: ZId.optional(),
  status: ZTaskStatus.optional(),
  /** Current due date on or before this day. */
  dueBefore: ZDate.optional(),
});

export const ZTaskList = z.object({ today: ZDate, groups: z.array(ZSolutionGroup), tasks: z.array(ZTask) });
export type TTaskList = z.infer<typeof ZTaskList>;

export const ZProgressAttachment = z.object({ id: ZUuid, filename: z.string(), mimeType: z.string(), sizeBytes: z.number().int() });

/**
 * One progress report, append-only (a correction is a new report). Files are attached after it is written with
 * POST /api/files?ownerType=task_progress&ownerId=<id>, by its author.
 */
export const ZTaskProgress = z.object({
  id: ZUuid,
  taskId: ZId,
  assignmentId: ZId.nullable(),
  bodyName: z.string().nullable(),
  unitId: ZId,
  unitName: z.string(),
  reportedBy: z.string().nullable(),
  reportedAt: z.string(),
  percent: z.number().int().nullable(),
  note: z.string(),
  attachments: z.array(ZProgressAttachment),
});
export type TTaskProgress = z.infer<typeof ZTaskProgress>;

export const ZProgressInput = z.object({
  note: zText(4000),
  percent: z.number().int().min(0).max(100),
  /** The assignment reported for (default: the one of the reporter's organisation, else the lead). */
  assignmentId: ZId.optional(),
});
export type TProgressInput = z.infer<typeof ZProgressInput>;

export const ZTaskProgressHistory = z.object({ task: ZTask, reports: z.array(ZTaskProgress) });

/** One row of the assigning unit's table of every assignment across bodies. */
export const ZAssignmentRow = z.object({
  assignment: ZTaskAssignment,
  task: ZTask.omit({ assignments: true }),
  programme: ZProgrammeRef,
});
export type TAssignmentRow = z.infer<typeof ZAssignmentRow>;

export const ZAssignmentTableQuery = z.object({
  /** The assigning unit: programmes it issued (default: the user's unit, or every readable programme when `organizationId` is given). */
  unitId: ZId.optional(),
  programmeId: ZId.optional(),
  body: zText(300).optional(),
  /** One body's assignments, with those of the bodies it took over (merged, renamed, re-parented, abolished into it). */
  organizationId: ZId.optional(),
  role: ZAssignmentRole.optional(),
  status: ZTaskStatus.optional(),
  dueBefore: ZDate.optional(),
});

export const ZAssignmentTable = z.object({ today: ZDate, rows: z.array(ZAssignmentRow), total: z.number().int() });

