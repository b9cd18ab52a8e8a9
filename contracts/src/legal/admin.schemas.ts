import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { ZCaseKind, ZDeadlineUnit, ZLegalEvent } from './deadline.schemas.ts';

/** The working calendar per year and the rule sets, as an administrator reads and edits them (issue 12 item 3). */

export const CALENDAR_STATUSES = ['provisional', 'confirmed'] as const;
export const ZCalendarStatus = z.enum(CALENDAR_STATUSES);
export type TCalendarStatus = z.infer<typeof ZCalendarStatus>;

export const ZYearParams = z.object({ year: z.coerce.number().int().min(1900).max(2100) });
export const ZDayParams = z.object({ date: ZDate });

/** A listed day: `off` (holiday, nghỉ bù, swapped-off weekday, weekend inside a block) or `work` (make-up Saturday). */
export const ZCalendarDay = z.object({ date: ZDate, kind: z.enum(['off', 'work']), note: z.string() });
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendarYearSummary = z.object({
  year: z.number().int(),
  status: ZCalendarStatus,
  /** Weekdays off (holidays, nghỉ bù, swaps), not counting listed weekend days. */
  weekdaysOff: z.number().int(),
  workSaturdays: z.number().int(),
  /** An administrator changed the year (the loader no longer refreshes it from resources/legal/calendar.json). */
  edited: z.boolean(),
});
export type TCalendarYearSummary = z.infer<typeof ZCalendarYearSummary>;

export const ZCalendarYear = ZCalendarYearSummary.extend({
  sources: z.array(z.string()),
  notes: z.string(),
  version: z.number().int(),
  days: z.array(ZCalendarDay),
});
export type TCalendarYear = z.infer<typeof ZCalendarYear>;

export const ZCalendarYears = z.object({ years: z.array(ZCalendarYearSummary) });

/** Make a date a working day or a day off (the change is kept in the edit history). */
export const ZCalendarDayInput = z.object({
  working: z.boolean(),
  note: zText(300, 0).optional(),
});

export const ZCalendarYearInput = z.object({
  status: ZCalendarStatus.optional(),
  notes: zText(4000, 0).optional(),
  /** The version read: a concurrent change answers 409. */
  seenVersion: z.number().int().positive(),
});

export const ZRule = z.object({
  id: ZId,
  ruleSetCode: z.string(),
  kind: ZCaseKind,
  instance: z.number().int(),
  step: z.string(),
  position: z.number().int(),
  label: z.string(),
  from: ZLegalEvent,
  count: z.number().int(),
  unit: ZDeadlineUnit,
  complexCount: z.number().int().nullable(),
  remoteCount: z.number().int().nullable(),
  remoteComplexCount: z.number().int().nullable(),
  extensionCount: z.number().int().nullable(),
  maxExtensions: z.number().int(),
  law: z.string(),
  article: z.string(),
  phrase: z.string(),
  unconfirmed: z.boolean(),
  notes: z.string(),
  edited: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TRule = z.infer<typeof ZRule>;

export const ZRuleSetSummary = z.object({
  code: z.string(),
  name: z.string(),
  law: z.string(),
  validFrom: ZDate,
  /** The day before the next set's validFrom; null for the latest. */
  validTo: ZDate.nullable(),
  status: ZCalendarStatus,
  notes: z.string(),
  edited: z.boolean(),
  version: z.number().int(),
  ruleCount: z.number().int(),
  unconfirmedCount: z.number().int(),
});
export type TRuleSetSummary = z.infer<typeof ZRuleSetSummary>;

export const ZRuleSet = ZRuleSetSummary.extend({ rules: z.array(ZRule) });
export type TRuleSet = z.infer<typeof ZRuleSet>;

export const ZRuleSets = z.object({ ruleSets: z.array(ZRuleSetSummary) });
export const ZRuleSetParams = z.object({ code: z.string().trim().min(1).max(40) });

const zCount = z.number().int().min(0).max(3650);

/** An administrator's correction of one rule (every field optional but the version read). */
export const ZRuleInput = z.object({
  count: zCount.optional(),
  unit: ZDeadlineUnit.optional(),
  complexCount: zCount.nullable().optional(),
  remoteCount: zCount.nullable().optional(),
  remoteComplexCount: zCount.nullable().optional(),
  extensionCount: zCount.nullable().optional(),
  article: zText(300).optional(),
  /** Checked against the law's text: clear the UNCONFIRMED mark (or set it). */
  unconfirmed: z.boolean().optional(),
  notes: zText(4000, 0).optional(),
  seenVersion: z.number().int().positive(),
});

/** A new version of the rules: a copy of `copyFrom` in force from `validFrom` (a later law or decree). */
export const ZRuleSetInput = z.object({
  code: z.string().trim().regex(/^[A-Za-z0-9._-]{1,40}$/),
  name: zText(300),
  law: zText(1000),
  validFrom: ZDate,
  status: ZCalendarStatus,
  notes: zText(4000, 0).optional(),
  copyFrom: z.string().trim().min(1).max(40),
});

export const LEGAL_EDIT_ENTITIES = ['calendar_year', 'calendar_day', 'rule_set', 'rule'] as const;
export const ZLegalEdit = z.object({
  id: ZId,
  at: z.string(),
  userName: z.string().nullable(),
  entity: z.enum(LEGAL_EDIT_ENTITIES),
  entityKey: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type TLegalEdit = z.infer<typeof ZLegalEdit>;
export const ZLegalEditQuery = z.object({
  entity: z.enum(LEGAL_EDIT_ENTITIES).optional(),
  key: z.string().trim().min(1).max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZLegalEdits = z.object({ edits: z.array(ZLegalEdit) });
