import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { ZReviewKind } from './pack.ts';
import { ZTargetStatus } from './target-rule.ts';
import { ZStatusCounts } from './targets.api.ts';
import { ZProgrammeRef, ZTask, ZTaskStatus } from './tasks.schemas.ts';

/** The review schedule, its workspace, budget lines and the "what is due" list of a programme (issue 11 items 4–5). */

/** A review is done, overdue (due date passed, not done), due_soon (within 30 days) or upcoming. */
export const ZReviewState = z.enum(['upcoming', 'due_soon', 'overdue', 'done']);
export const REVIEW_REMINDER_DAYS = 30;

export const ZReview = z.object({
  id: ZId,
  programmeId: ZId,
  kind: ZReviewKind,
  title: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  dueOn: ZDate,
  doneOn: ZDate.nullable(),
  state: ZReviewState,
  /** Days from today to the due date (negative: late). */
  daysLeft: z.number().int(),
});
export type TReview = z.infer<typeof ZReview>;

const year = z.number().int().min(1900).max(2100);
export const ZReviewInput = z
  .object({ kind: ZReviewKind, title: zText(500), fromYear: year, toYear: year, dueOn: ZDate })
  .refine((r) => r.toYear >= r.fromYear, { message: 'năm kết thúc phải từ năm bắt đầu trở đi', path: ['toYear'] });
export const ZReviewPatch = z.object({
  kind: ZReviewKind.optional(),
  title: zText(500).optional(),
  fromYear: year.optional(),
  toYear: year.optional(),
  dueOn: ZDate.optional(),
  doneOn: ZDate.nullable().optional(),
});
export const ZReviewDoneInput = z.object({ doneOn: ZDate.optional() });

export const ZBudgetLine = z.object({
  id: ZId,
  programmeId: ZId,
  year: z.number().int().nullable(),
  title: z.string(),
  source: z.string().nullable(),
  planned: z.number().nullable(),
  allocated: z.number().nullable(),
  spent: z.number().nullable(),
  position: z.number().int(),
});
export type TBudgetLine = z.infer<typeof ZBudgetLine>;

const money = z.number().nonnegative().max(1e15);
export const ZBudgetLineInput = z.object({
  year: year.nullable().optional(),
  title: zText(500),
  source: zText(500).nullable().optional(),
  planned: money.nullable().optional(),
  allocated: money.nullable().optional(),
  spent: money.nullable().optional(),
  position: z.number().int().min(0).max(100_000).optional(),
});

/** Sums in VND; a line without a year is counted in the null year. */
export const ZBudgetTotals = z.object({ year: z.number().int().nullable(), planned: z.number(), allocated: z.number(), spent: z.number(), lineCount: z.number().int() });
export const ZBudget = z.object({ lines: z.array(ZBudgetLine), years: z.array(ZBudgetTotals), total: ZBudgetTotals });
export type TBudget = z.infer<typeof ZBudget>;

export const ZBudgetQuery = z.object({ fromYear: year.optional(), toYear: year.optional() });

/**
 * A target's status at the programme's unit for one year of the review's period (the targets evaluation, as
 * GET /api/programmes/:id/evaluation answers it for that year). status null: the unit's level is not held to it.
 */
export const ZWorkspaceTarget = z.object({
  targetId: ZId,
  code: z.string(),
  text: z.string(),
  year: z.number().int(),
  status: ZTargetStatus.nullable(),
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  /** Units at the evaluated level by status (null: the level is not held to the target). */
  counts: ZStatusCounts.nullable(),
  /** What the target waits for, or why there is no data (Vietnamese). */
  waitsFor: z.string().nullable(),
});

/** Everything a review gathers for its period, in one answer (the document generation is a separate issue). */
export const ZReviewWorkspace = z.object({
  today: ZDate,
  programme: ZProgrammeRef,
  review: ZReview,
  period: z.object({ fromYear: z.number().int(), toYear: z.number().int(), from: ZDate, to: ZDate }),
  tasks: z.object({
    total: z.number().int(),
    byStatus: z.record(ZTaskStatus, z.number().int()),
    /** Mean of the latest percent of every task (a task without a report counts 0). */
    averagePercent: z.number(),
    /** Progress reports written within the period. */
    reportsInPeriod: z.number().int(),
    late: z.array(ZTask),
  }),
  budget: ZBudget,
  targets: z.array(ZWorkspaceTarget),
  /** Years of the period the evaluation could not be made for at the programme's unit, and why (Vietnamese). */
  targetsUnavailable: z.array(z.object({ year: z.number().int(), reason: z.string() })),
});
export type TReviewWorkspace = z.infer<typeof ZReviewWorkspace>;

export const ZDueQuery = z.object({ unitId: ZId.optional() });
/** What is due for a unit: its programmes' reviews within 30 days or late, and overdue tasks it issued or carries. */
export const ZDueList = z.object({
  today: ZDate,
  reviews: z.array(z.object({ programme: ZProgrammeRef, review: ZReview })),
  overdueTasks: z.array(z.object({ programme: ZProgrammeRef, task: ZTask })),
});
export type TDueList = z.infer<typeof ZDueList>;
