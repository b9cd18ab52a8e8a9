import { z } from 'zod';
import { ZId } from '../common.ts';
import { ZQuestionType } from './form.ts';
import { ZRespondentGroup } from './survey.schemas.ts';

/**
 * The tabulation of a survey (issue 13 must-have 4): per question, counts and percentages; a select_multiple's
 * percentages are of the respondents who answered it (the base; option: of all submissions), so they may add up to
 * more than 100 % (seed 001: 49.6 % / 28.2 % / 34.3 %); skipped (by relevant) and unanswered apart; mean, median,
 * min, max of numbers. Percentages rounded to the survey's decimals (1 by default), counts alongside.
 */

/** base = respondents who answered the question (default) or every submission in the selection. */
export const ZTabulationBase = z.enum(['respondents', 'submissions']);

export const ZTabulationQuery = z.object({
  /** The subtree of this unit (default: the survey's whole sample in the user's scope). */
  unitId: ZId.optional(),
  respondentGroup: ZRespondentGroup.optional(),
  base: ZTabulationBase.default('respondents'),
  decimals: z.coerce.number().int().min(0).max(3).optional(),
  /** Cross-tabulation: by unit (the targeted units), by respondent group, or by a select_one question's name. */
  by: z.string().regex(/^(unit|group|question:[A-Za-z_][A-Za-z0-9_.-]{0,99})$/, { message: 'unit, group hoặc question:<tên câu hỏi>' }).optional(),
  language: z.string().max(100).optional(),
});
export type TTabulationQuery = z.infer<typeof ZTabulationQuery>;

export const ZTabulatedChoice = z.object({
  name: z.string(),
  label: z.string(),
  count: z.number().int(),
  base: z.number().int(),
  /** count / base × 100, rounded; null when the base is 0. */
  percent: z.number().nullable(),
});

export const ZNumberSummary = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});

export const ZTabulatedQuestion = z.object({
  name: z.string(),
  label: z.string(),
  type: ZQuestionType,
  /** The group labels around it, outermost first. */
  groups: z.array(z.string()),
  /** Respondents who answered. */
  answered: z.number().int(),
  /** Not asked: relevant was false. */
  skipped: z.number().int(),
  /** Asked and left empty. */
  unanswered: z.number().int(),
  /** The base of the percentages (answered, or every submission with base=submissions). */
  base: z.number().int(),
  choices: z.array(ZTabulatedChoice).optional(),
  numbers: ZNumberSummary.optional(),
  sensitive: z.boolean(),
});
export type TTabulatedQuestion = z.infer<typeof ZTabulatedQuestion>;

/** One column of a cross-tabulation (a unit, a group or a choice of the `by` question) and its questions. */
export const ZTabulationColumn = z.object({ key: z.string(), label: z.string(), submissions: z.number().int(), questions: z.array(ZTabulatedQuestion) });

export const ZTabulation = z.object({
  surveyId: ZId,
  title: z.string(),
  submissions: z.number().int(),
  base: ZTabulationBase,
  decimals: z.number().int(),
  language: z.string(),
  questions: z.array(ZTabulatedQuestion),
  by: z.string().nullable(),
  columns: z.array(ZTabulationColumn),
});
export type TTabulation = z.infer<typeof ZTabulation>;
