import { z } from 'zod';
import { ZDate, zText } from '../common.ts';
import { ZOrganizationType } from '../organizations.ts';
import { ZTargetLevel, ZTargetRule, ZWaitsFor } from './target-rule.ts';

/**
 * A programme pack: one directive document (a seed) written down as a versioned, human-readable JSON file that
 * anyone can load into their own province (issue 11 item 6). Vietnamese text is exactly as in the document.
 * Loading is idempotent: the pack's `code` and `version` identify what was loaded into which province.
 */

export const PROGRAMME_KINDS = [
  'resolution', // Nghị quyết
  'project', // Đề án
  'plan', // Kế hoạch
  'directive', // Chỉ thị
  'conclusion', // Kết luận
  'decision', // Quyết định (approving a Đề án)
  'report', // Báo cáo (seed 001: a survey report, loaded for what fits)
] as const;
export const ZProgrammeKind = z.enum(PROGRAMME_KINDS);
export type TProgrammeKind = z.infer<typeof ZProgrammeKind>;

/** A pack-local code: 'i2', '3.1', '3.1.2-4'; unique within its list. */
export const ZPackCode = z.string().regex(/^[A-Za-z0-9_.()-]{1,40}$/, { message: 'mã chỉ gồm chữ, số và . _ - ( )' });

/**
 * A body named by the document ("Ban Dân vận Tỉnh ủy", "Các đảng bộ trực thuộc tỉnh"). On loading, a body with an
 * organisation type and level is matched to the importing province's organisation of that type at that level;
 * otherwise (or when none exists) the name is kept as written.
 */
export const ZPackBody = z.object({
  name: zText(300),
  organizationType: ZOrganizationType.optional(),
  level: ZTargetLevel.optional(),
});
export type TPackBody = z.infer<typeof ZPackBody>;

export const ZRecurrence = z.enum(['yearly', 'half_yearly', 'quarterly', 'monthly']);
export type TRecurrence = z.infer<typeof ZRecurrence>;

export const ZPackTarget = z.object({
  code: ZPackCode,
  /** The target as the document words it. */
  text: zText(4000),
  /** How it is measured; absent when the document's wording cannot be measured from data (then waitsFor). */
  rule: ZTargetRule.optional(),
  /** What a measurement waits for (a module or an indicator to be set up), in Vietnamese. */
  waitsFor: ZWaitsFor.optional(),
  /** Evaluated at these levels (default: every level the threshold names, else the programme's own). */
  levels: z.array(ZTargetLevel).min(1).optional(),
}).refine((t) => t.rule !== undefined || t.waitsFor !== undefined, { message: 'chỉ tiêu cần quy tắc đo hoặc ghi rõ đang chờ dữ liệu gì', path: ['waitsFor'] });
export type TPackTarget = z.infer<typeof ZPackTarget>;

export const ZPackTask = z.object({
  code: ZPackCode,
  /** The task as written. */
  text: zText(4000),
  lead: z.array(ZPackBody).min(1),
  coordinating: z.array(ZPackBody).default([]),
  /** A one-off due date, or a recurrence (annual reports), or neither (continuous work). */
  dueOn: ZDate.optional(),
  recurrence: ZRecurrence.optional(),
  expectedOutput: zText(1000).optional(),
});
export type TPackTask = z.infer<typeof ZPackTask>;

export const ZPackSolutionGroup = z.object({
  code: ZPackCode,
  title: zText(2000),
  tasks: z.array(ZPackTask).default([]),
});
export type TPackSolutionGroup = z.infer<typeof ZPackSolutionGroup>;

export const REVIEW_KINDS = ['annual', 'midterm', 'final', 'evaluation'] as const;
export const ZReviewKind = z.enum(REVIEW_KINDS);
export type TReviewKind = z.infer<typeof ZReviewKind>;

export const ZPackReview = z.object({
  kind: ZReviewKind,
  title: zText(500),
  /** The period it reviews (a year, or from–to years for mid-term and final reviews). */
  fromYear: z.number().int().min(1900).max(2100),
  toYear: z.number().int().min(1900).max(2100),
  dueOn: ZDate,
});
export type TPackReview = z.infer<typeof ZPackReview>;

export const ZPackBudgetLine = z.object({
  year: z.number().int().min(1900).max(2100).optional(),
  title: zText(500),
  /** VND; absent when the document states the source but not the amount. */
  planned: z.number().nonnegative().optional(),
  source: zText(500).optional(),
});
export type TPackBudgetLine = z.infer<typeof ZPackBudgetLine>;

export const PACK_FORMAT = 'dan-van-so/programme-pack';

export const ZProgrammePack = z.object({
  format: z.literal(PACK_FORMAT),
  /** Pack code (stable across versions): 'QN-DEAN-2019-DANVAN'. */
  code: z.string().regex(/^[A-Z0-9-]{3,60}$/, { message: 'mã gói chỉ gồm chữ in hoa, số và -' }),
  version: z.number().int().positive(),
  /** Where the text comes from (the seed file and the document). */
  source: zText(500),
  programme: z.object({
    kind: ZProgrammeKind,
    number: zText(60),
    issuer: zText(300),
    issuedOn: ZDate,
    title: zText(1000),
    fromYear: z.number().int().min(1900).max(2100),
    toYear: z.number().int().min(1900).max(2100),
    /** The level of the body that issues it: province for all seeds. */
    level: ZTargetLevel,
    generalObjective: zText(8000).optional(),
  }),
  targets: z.array(ZPackTarget).default([]),
  solutionGroups: z.array(ZPackSolutionGroup).default([]),
  reviews: z.array(ZPackReview).default([]),
  budget: z.array(ZPackBudgetLine).default([]),
});
export type TProgrammePack = z.infer<typeof ZProgrammePack>;
