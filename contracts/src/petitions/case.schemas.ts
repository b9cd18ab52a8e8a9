import { z } from 'zod';
import { ZDate, ZId, zString, zText } from '../common.ts';
import { ZUuid } from '../jobs.ts';
import { ZDeadline } from '../legal/deadline.schemas.ts';

/**
 * Citizens' cases (DOMAIN.md capability 5; issue 12): kinds, channels, flags, statuses, steps, and the shapes of a
 * case, its persons and its history. The lifecycle (statuses and moves) is the petitions module's workflow.
 */

/** Khiếu nại, tố cáo, kiến nghị, phản ánh. */
export const CASE_KINDS = ['complaint', 'denunciation', 'petition', 'feedback'] as const;
export const ZCaseKind = z.enum(CASE_KINDS);
export type TCaseKind = z.infer<typeof ZCaseKind>;

/** Trực tiếp, qua bưu chính, điện thoại, trang điện tử, đường dây nóng, chuyển đến, cổng công dân. */
export const CASE_CHANNELS = ['in_person', 'mail', 'phone', 'web', 'hotline', 'forwarded', 'portal'] as const;
export const ZCaseChannel = z.enum(CASE_CHANNELS);
export type TCaseChannel = z.infer<typeof ZCaseChannel>;

/** Đông người (≥ CROWD_MIN_PERSONS persons, set automatically), vượt cấp, kéo dài, điểm nóng. */
export const CASE_FLAGS = ['crowd', 'above_level', 'prolonged', 'hot_spot'] as const;
export const ZCaseFlag = z.enum(CASE_FLAGS);
export type TCaseFlag = z.infer<typeof ZCaseFlag>;
/** A case filed by this many persons or more is a crowd case (đông người). */
export const CROWD_MIN_PERSONS = 5;

/**
 * Where a case stands. received → (jurisdiction check) accepted (thụ lý) | refused | transferred (to the competent
 * body); accepted → verifying (a handler assigned) → concluded (conclusion or decision) → notified → closed, or
 * appealed (complaints: second instance) → verifying …; withdrawn (rút đơn) from any open status; duplicate: linked
 * to an earlier case and not counted again.
 */
export const CASE_STATUSES = [
  'received', 'accepted', 'refused', 'transferred', 'verifying', 'concluded', 'notified', 'appealed', 'closed', 'withdrawn', 'duplicate',
] as const;
export const ZCaseStatus = z.enum(CASE_STATUSES);
export type TCaseStatus = z.infer<typeof ZCaseStatus>;
/** Statuses in which nothing more is done on the case (it no longer runs against a deadline). */
export const ENDED_STATUSES = ['refused', 'transferred', 'closed', 'withdrawn', 'duplicate'] as const satisfies readonly TCaseStatus[];
export const isEndedStatus = (status: TCaseStatus) => (ENDED_STATUSES as readonly TCaseStatus[]).includes(status);

/** Kinds of history steps (petition_step.kind). */
export const STEP_KINDS = [
  'receive', 'duplicate_confirm', 'duplicate_reject', 'accept', 'refuse', 'transfer', 'assign', 'verify', 'extend',
  'conclude', 'notify', 'appeal', 'close', 'withdraw', 'satisfaction', 'publish', 'document', 'note', 'flags',
] as const;
export const ZStepKind = z.enum(STEP_KINDS);
export type TStepKind = z.infer<typeof ZStepKind>;

/** How a closed case ended against its deadline, counted the way Hue-S reports it. */
export const CASE_OUTCOMES = ['on_time', 'late', 'late_extended'] as const;
export const ZCaseOutcome = z.enum(CASE_OUTCOMES);
export type TCaseOutcome = z.infer<typeof ZCaseOutcome>;

export const SATISFACTIONS = ['satisfied', 'neutral', 'unsatisfied'] as const;
export const ZSatisfaction = z.enum(SATISFACTIONS);
export type TSatisfaction = z.infer<typeof ZSatisfaction>;

export const CASE_SOURCES = ['officer', 'portal'] as const;
export const ZCaseSource = z.enum(CASE_SOURCES);

export const PERSON_ROLES = ['filer', 'representative'] as const;
export const ZPersonRole = z.enum(PERSON_ROLES);
export const ZGender = z.enum(['male', 'female', 'other']);

/** What a redacted identity field shows to a reader without the right (and in every export). */
export const REDACTED = '[đã ẩn]';

/** A field of cases (lĩnh vực): national defaults and a province's additions. */
export const ZPetitionField = z.object({
  id: ZId,
  code: z.string(),
  name: z.string(),
  /** null: national default. */
  provinceId: ZId.nullable(),
  position: z.number().int(),
  active: z.boolean(),
});
export type TPetitionField = z.infer<typeof ZPetitionField>;

export const ZPetitionFieldInput = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,40}$/),
  /** The province: a system administrator names it; others add to their own province. */
  provinceId: ZId.optional(),
  name: zText(200),
  position: z.number().int().min(0).max(100_000).optional(),
});

/** A person as entered by an officer (or the portal). */
export const ZCasePersonInput = z.object({
  role: ZPersonRole.optional(),
  fullName: zText(200),
  birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  gender: ZGender.nullable().optional(),
  idNumber: zText(30).nullable().optional(),
  phone: zText(30).nullable().optional(),
  email: zText(200, 3).nullable().optional(),
  address: zText(500).nullable().optional(),
});
export type TCasePersonInput = z.infer<typeof ZCasePersonInput>;

/**
 * A person as read: a protected identity (a denouncer's) is REDACTED unless the reader holds
 * `petitions.readIdentity` and declared a need (then `revealed` is true and the read was audited).
 */
export const ZCasePerson = z.object({
  id: ZUuid,
  position: z.number().int(),
  role: ZPersonRole,
  protected: z.boolean(),
  revealed: z.boolean(),
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  gender: ZGender.nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});
export type TCasePerson = z.infer<typeof ZCasePerson>;

export const ZCaseFlags = z.object({ crowd: z.boolean(), aboveLevel: z.boolean(), prolonged: z.boolean(), hotSpot: z.boolean() });
export type TCaseFlags = z.infer<typeof ZCaseFlags>;

/** One legal deadline computed for a case at a step: the legal module's shape (contracts/src/legal). */
export const ZCaseDeadline = ZDeadline;
export type TCaseDeadline = z.infer<typeof ZCaseDeadline>;

/** One step of a case's history (immutable). */
export const ZCaseStep = z.object({
  id: ZUuid,
  seq: z.number().int(),
  kind: ZStepKind,
  fromStatus: ZCaseStatus.nullable(),
  toStatus: ZCaseStatus.nullable(),
  byUserId: ZId.nullable(),
  byUserName: z.string().nullable(),
  at: z.string(),
  onDate: ZDate,
  note: z.string().nullable(),
  fileIds: z.array(ZUuid),
  dueOn: ZDate.nullable(),
  deadlines: z.array(ZCaseDeadline).nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TCaseStep = z.infer<typeof ZCaseStep>;

/** A case in a list. */
export const ZCaseSummary = z.object({
  id: ZUuid,
  provinceId: ZId,
  code: z.string(),
  kind: ZCaseKind,
  channel: ZCaseChannel,
  fieldId: ZId,
  fieldName: z.string(),
  subject: z.string(),
  unitId: ZId,
  unitName: z.string(),
  communeId: ZId.nullable(),
  communeName: z.string().nullable(),
  receivedOn: ZDate,
  status: ZCaseStatus,
  instance: z.number().int(),
  flags: ZCaseFlags,
  personCount: z.number().int(),
  /** First filer's name, REDACTED when protected. */
  firstPerson: z.string().nullable(),
  duplicateOfId: ZUuid.nullable(),
  handlerUserId: ZId.nullable(),
  dueOn: ZDate.nullable(),
  extensions: z.number().int(),
  closedOn: ZDate.nullable(),
  outcome: ZCaseOutcome.nullable(),
  /** Days past due (open cases past their due date, as of the server's today), else null. */
  overdueDays: z.number().int().nullable(),
  version: z.number().int(),
});
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

/** A case with its persons, steps, documents and the moves the reader may make. */
export const ZCase = ZCaseSummary.extend({
  content: z.string(),
  villageId: ZId.nullable(),
  villageName: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  originCaseId: ZUuid.nullable(),
  competentUnitId: ZId.nullable(),
  competentUnitName: z.string().nullable(),
  competentBody: z.string().nullable(),
  handlerName: z.string().nullable(),
  acceptedOn: ZDate.nullable(),
  ruleSetCode: z.string().nullable(),
  complex: z.boolean(),
  remoteArea: z.boolean(),
  resolvedOn: ZDate.nullable(),
  satisfaction: ZSatisfaction.nullable(),
  publicAnswer: z.string().nullable(),
  answerPublished: z.boolean(),
  answeredOn: ZDate.nullable(),
  source: ZCaseSource,
  /** Deadlines in force now (computed at the last step that computed them) and the rule set they come from. */
  deadlines: z.array(ZCaseDeadline),
  ruleSetName: z.string().nullable(),
  persons: z.array(ZCasePerson),
  steps: z.array(ZCaseStep),
  /** Cases this one duplicates or that duplicate it. */
  duplicates: z.array(z.object({ id: ZUuid, code: z.string(), subject: z.string(), status: ZCaseStatus })),
  /** Actions the reader may take now (the page's buttons). */
  actions: z.array(z.string()),
  today: ZDate,
});
export type TCase = z.infer<typeof ZCase>;

/** An officer's intake of a case. `id` is a UUIDv7 from the client (a resend is idempotent). */
export const ZCaseCreate = z.object({
  id: ZUuid.optional(),
  kind: ZCaseKind,
  channel: ZCaseChannel,
  fieldId: ZId,
  /** The receiving unit (in the officer's scope). */
  unitId: ZId,
  /** Where the matter is: a commune or a village (optional). */
  locationUnitId: ZId.nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
  subject: zText(500),
  content: zText(20000),
  receivedOn: ZDate,
  persons: z.array(ZCasePersonInput).min(1).max(500),
  /** The number of persons when more came than are named (a crowd); at least the persons named. */
  personCount: z.number().int().min(1).max(100000).optional(),
  aboveLevel: z.boolean().optional(),
  prolonged: z.boolean().optional(),
  hotSpot: z.boolean().optional(),
  remoteArea: z.boolean().optional(),
  /** A case this one duplicates, confirmed by the officer at intake. */
  duplicateOfId: ZUuid.nullable().optional(),
});
export type TCaseCreate = z.infer<typeof ZCaseCreate>;

/** A candidate duplicate: an open case of the province with the same person and a similar subject. */
export const ZDuplicateCandidate = z.object({
  id: ZUuid,
  code: z.string(),
  subject: z.string(),
  status: ZCaseStatus,
  receivedOn: ZDate,
  unitName: z.string(),
  /** Trigram similarity of the folded subjects (0–1). */
  similarity: z.number(),
  /** What matched: the person's name, and birth year / phone / id number when given. */
  matchedOn: z.array(z.enum(['name', 'birthYear', 'phone', 'idNumber'])),
});
export type TDuplicateCandidate = z.infer<typeof ZDuplicateCandidate>;

export const ZDuplicateCheck = ZCaseCreate.pick({ kind: true, unitId: true, subject: true, persons: true });

/** The filters of a case list. */
export const ZCaseListQuery = z.object({
  q: zText(200).optional(),
  code: zText(40).optional(),
  person: zText(200).optional(),
  unitId: ZId.optional(),
  status: ZCaseStatus.optional(),
  kind: ZCaseKind.optional(),
  fieldId: ZId.optional(),
  flag: ZCaseFlag.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  /** overdue: open and past due; due_soon: open and due within `soonDays` days (default 7). */
  due: z.enum(['overdue', 'due_soon']).optional(),
  soonDays: z.coerce.number().int().min(1).max(60).optional(),
  outcome: ZCaseOutcome.optional(),
  includeDuplicates: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;

export const ZCaseList = z.object({
  today: ZDate,
  /** Cases matching the filters; a lower bound when `totalExact` is false. */
  total: z.number().int(),
  /**
   * False for a text search (q, person, code) with more matches than this page: the list is not counted (a common
   * word matches a large share of a province), `total` is then the cases up to this page and one more; the exact
   * count is in GET /api/petitions/counts.
   */
  totalExact: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ZCaseSummary),
});
export type TCaseList = z.infer<typeof ZCaseList>;

/** Counts for the overdue panel and the Hue-S style on-time figures, over the same filters as the list. */
export const ZCaseCounts = z.object({
  today: ZDate,
  soonDays: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  closed: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  lateExtended: z.number().int(),
  /** Duplicates linked to another case (not counted in the figures above). */
  duplicates: z.number().int(),
});
export type TCaseCounts = z.infer<typeof ZCaseCounts>;

/** A move on a case. `seenVersion` is the version the user saw (409 when it changed). */
export const CASE_ACTIONS = [
  'accept', 'refuse', 'transfer', 'assign', 'verify', 'extend', 'conclude', 'notify', 'appeal', 'close', 'withdraw',
  'satisfaction', 'publish', 'document', 'note', 'flags', 'confirmDuplicate', 'rejectDuplicate',
] as const;
export const ZCaseActionName = z.enum(CASE_ACTIONS);
export type TCaseActionName = z.infer<typeof ZCaseActionName>;

export const ZCaseAction = z.object({
  action: ZCaseActionName,
  seenVersion: z.number().int().min(1),
  /** The legal date of the step (decision, notice); default: today. */
  onDate: ZDate.optional(),
  note: zText(4000).nullable().optional(),
  /** Reason (refusal, extension, withdrawal). */
  reason: zText(2000).nullable().optional(),
  /** Attachments of the case this step records (the transfer letter, the decision, the notice). */
  fileIds: z.array(ZUuid).max(20).optional(),
  /** transfer: the competent unit of the system, or the body named in words. */
  competentUnitId: ZId.nullable().optional(),
  competentBody: zText(300).nullable().optional(),
  /** assign: the handler (an account of a unit in scope). */
  handlerUserId: ZId.optional(),
  /** conclude / publish: the answer the citizen may see when published. */
  publicAnswer: zText(20000).nullable().optional(),
  publish: z.boolean().optional(),
  satisfaction: ZSatisfaction.optional(),
  flags: ZCaseFlags.partial().optional(),
  /** confirmDuplicate: the earlier case. */
  duplicateOfId: ZUuid.optional(),
});
export type TCaseAction = z.infer<typeof ZCaseAction>;

/** Reading a protected identity: the reader declares why (stored in the audit log). */
export const ZIdentityReadInput = z.object({ reason: zText(500, 5) });

export const ZCaseParams = z.object({ id: ZUuid });
export const ZCaseCodeParams = z.object({ code: zString().pipe(z.string().min(3).max(40)) });
