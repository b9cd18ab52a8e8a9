import { z } from 'zod';
import { ZDate } from '../common.ts';

/**
 * Legal time limits of citizens' cases (issue 12 item 3): the kinds of case, the events a time limit is counted
 * from, and the answer of the deadlines computation. The rules themselves are data (rule sets in the database,
 * loaded from resources/legal/ and editable by a system administrator), never code.
 */

/** khiếu nại, tố cáo, kiến nghị, phản ánh. */
export const CASE_KINDS = ['complaint', 'denunciation', 'petition', 'feedback'] as const;
export const ZCaseKind = z.enum(CASE_KINDS);
export type CaseKind = z.infer<typeof ZCaseKind>;

/** "N ngày" (calendar days, the last day moved to the next working day) or "N ngày làm việc". */
export const DEADLINE_UNITS = ['calendar_days', 'working_days'] as const;
export const ZDeadlineUnit = z.enum(DEADLINE_UNITS);
export type DeadlineUnit = z.infer<typeof ZDeadlineUnit>;

/**
 * What a time limit is counted from: the day the case was received (ngày nhận được / tiếp nhận), accepted (thụ lý),
 * decided (quyết định giải quyết / kết luận nội dung tố cáo / vụ việc được giải quyết), or the last day of the
 * resolution time limit of the same case (khiếu nại lần hai: Điều 33 Luật Khiếu nại).
 */
export const LEGAL_EVENTS = ['received', 'accepted', 'decided', 'resolution_due'] as const;
export const ZLegalEvent = z.enum(LEGAL_EVENTS);
export type LegalEvent = z.infer<typeof ZLegalEvent>;

/** Most extensions the law allows (tố cáo đặc biệt phức tạp: two, each ≤ 30 days). */
export const MAX_EXTENSIONS = 2;

/** Input of the computation (server function `caseDeadlines` and GET /api/legal/deadlines). */
export interface DeadlineQuery {
  kind: CaseKind;
  /** Ngày nhận được: chooses the rule set in force (unless `ruleSetCode`). */
  receivedOn: string;
  /** Ngày thụ lý; deadlines counted from it are null without it. */
  acceptedOn?: string | null;
  /** Ngày có quyết định giải quyết / kết luận; deadlines counted from it are null without it. */
  decidedOn?: string | null;
  /** Vùng sâu, vùng xa đi lại khó khăn (khiếu nại). */
  remoteArea: boolean;
  /** Vụ việc phức tạp (khiếu nại: longer limit; tố cáo: may be extended). */
  complex: boolean;
  /** Extensions decided (tố cáo: 1 for phức tạp, 2 for đặc biệt phức tạp). */
  extensions: number;
  /** A rule set by code instead of the one in force on receivedOn. */
  ruleSetCode?: string | null;
  /** Khiếu nại lần hai / tố cáo tiếp. */
  secondInstance?: boolean;
}

const zFlag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

/** GET /api/legal/deadlines query string. */
export const ZDeadlineQuery = z.object({
  kind: ZCaseKind,
  receivedOn: ZDate,
  acceptedOn: ZDate.optional(),
  decidedOn: ZDate.optional(),
  remoteArea: zFlag,
  complex: zFlag,
  extensions: z.coerce.number().int().min(0).max(MAX_EXTENSIONS).default(0),
  ruleSetCode: z.string().trim().min(1).max(40).optional(),
  secondInstance: zFlag,
});

/** One time limit of a case. */
export const ZDeadline = z.object({
  /** Step code, stable across rule sets: 'accept', 'resolve', 'send_decision', 'reception_answer', … */
  step: z.string(),
  /** Vietnamese name of the step. */
  label: z.string(),
  from: ZLegalEvent,
  /** The date counted from; null when that event has not happened (date not given). */
  fromDate: ZDate.nullable(),
  /** Last day of the time limit (end of that day); null when `fromDate` is null. */
  dueOn: ZDate.nullable(),
  /** Total count applied (after complex / remote / extensions). */
  count: z.number().int(),
  unit: ZDeadlineUnit,
  /** Short legal basis: "Luật Khiếu nại 2011, Điều 28". */
  basis: z.string(),
  /** The Vietnamese phrase of the article. */
  phrase: z.string(),
  /** The figure could not be checked against the text of the law (editable by an administrator). */
  unconfirmed: z.boolean(),
  /** A year of the span has no confirmed calendar (2027 is provisional): the date may move. */
  provisionalCalendar: z.boolean(),
  /** How the count was reached ("phức tạp", "vùng sâu, vùng xa", "gia hạn 2 lần"), empty when the base count. */
  adjustments: z.array(z.string()),
});
export type TDeadline = z.infer<typeof ZDeadline>;

export const ZDeadlineResult = z.object({
  ruleSetCode: z.string(),
  ruleSetName: z.string(),
  /** The rule set's first day in force. */
  ruleSetValidFrom: ZDate,
  ruleSetStatus: z.enum(['confirmed', 'provisional']),
  deadlines: z.array(ZDeadline),
});
export type TDeadlineResult = z.infer<typeof ZDeadlineResult>;
