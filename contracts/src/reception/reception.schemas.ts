import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { ZUuid } from '../jobs.ts';

/**
 * Citizen reception and dialogue (DOMAIN.md capability 5; issue 12 "Must have" 5): leaders' reception schedules and
 * their compliance with the frequency the law and Party rules require, reception sessions, direct dialogues and
 * voter meetings, Fatherland Front supervision and social critique, and recommendations tracked to the answer.
 */

/**
 * Kinds of leader: Chủ tịch UBND (head of the government of the unit), Bí thư cấp ủy (head of the Party
 * committee), Thủ trưởng cơ quan hành chính nhà nước (head of a state agency), other (no required frequency).
 */
export const LEADER_KINDS = ['government_head', 'party_secretary', 'agency_head', 'other'] as const;
export const ZLeaderKind = z.enum(LEADER_KINDS);
export type TLeaderKind = z.infer<typeof ZLeaderKind>;
/** The kinds whose leaders count as "người đứng đầu cấp ủy, chính quyền" (seed 003 (1)). */
export const HEAD_KINDS = ['government_head', 'party_secretary'] as const satisfies readonly TLeaderKind[];

export const RULE_LEVELS = ['province', 'district', 'commune'] as const;
export const ZRuleLevel = z.enum(RULE_LEVELS);
export const ZRulePer = z.enum(['week', 'month']);

/** A required reception frequency: `days` per week or month for a kind of leader at a level, from a date. */
export const ZFrequencyRule = z.object({
  id: ZId,
  /** null: national default. */
  provinceId: ZId.nullable(),
  roleKind: ZLeaderKind.exclude(['other']),
  level: ZRuleLevel,
  days: z.number().int(),
  per: ZRulePer,
  /** Law or Party rule, article and wording. */
  basis: z.string(),
  validFrom: ZDate,
  validTo: ZDate.nullable(),
  /** The figure was not read in the text (press summary only): editable, shown as unconfirmed. */
  unconfirmed: z.boolean(),
});
export type TFrequencyRule = z.infer<typeof ZFrequencyRule>;

export const ZFrequencyRuleUpdate = z.object({
  days: z.number().int().min(1).max(31),
  per: ZRulePer,
  basis: zText(500),
  unconfirmed: z.boolean(),
});

/** Who leads: a person of the people registry (name taken from it), or a position named in words. */
export const ZLeaderInput = z
  .object({
    personId: ZId.nullable().optional(),
    /** Required without personId ("Chủ tịch UBND xã"); with personId, the person's name is used. */
    name: zText(200).optional(),
    position: zText(200),
    roleKind: ZLeaderKind,
  })
  .refine((leader) => leader.personId != null || leader.name !== undefined, { message: 'cần chọn người hoặc nhập họ tên', path: ['name'] });
export type TLeaderInput = z.infer<typeof ZLeaderInput>;

export const ZLeader = z.object({
  personId: ZId.nullable(),
  name: z.string(),
  position: z.string(),
  roleKind: ZLeaderKind,
});
export type TLeader = z.infer<typeof ZLeader>;

export const RECURRENCES = ['weekly', 'monthly', 'once'] as const;
export const ZRecurrence = z.enum(RECURRENCES);

export const ZScheduleInput = z
  .object({
    unitId: ZId,
    leader: ZLeaderInput,
    /** weekly (on `weekday`, 1 = Monday), monthly (on `monthDay`), once (ad hoc, on validFrom). */
    recurrence: ZRecurrence,
    weekday: z.number().int().min(1).max(7).nullable().optional(),
    monthDay: z.number().int().min(1).max(31).nullable().optional(),
    validFrom: ZDate,
    validTo: ZDate.nullable().optional(),
    place: zText(300).nullable().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.recurrence === 'weekly' && input.weekday == null) ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'bắt buộc với lịch hằng tuần' });
    if (input.recurrence === 'monthly' && input.monthDay == null) ctx.addIssue({ code: 'custom', path: ['monthDay'], message: 'bắt buộc với lịch hằng tháng' });
    if (input.validTo && input.validTo < input.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'không được trước ngày bắt đầu' });
  });
export type TScheduleInput = z.infer<typeof ZScheduleInput>;

export const ZSchedule = z.object({
  id: ZUuid,
  unitId: ZId,
  unitName: z.string(),
  leader: ZLeader,
  recurrence: ZRecurrence,
  weekday: z.number().int().nullable(),
  monthDay: z.number().int().nullable(),
  validFrom: ZDate,
  validTo: ZDate.nullable(),
  place: z.string().nullable(),
});
export type TSchedule = z.infer<typeof ZSchedule>;

export const ZScheduleEnd = z.object({ validTo: ZDate });

/** met: the month's requirement held; not_met: a past month short of it; in_progress: the current month, not yet met. */
export const COMPLIANCE_STATUSES = ['met', 'not_met', 'in_progress', 'no_rule'] as const;
export const ZComplianceStatus = z.enum(COMPLIANCE_STATUSES);
export type TComplianceStatus = z.infer<typeof ZComplianceStatus>;

/** One leader's month: days required by the rule in force, days held (distinct dates of sessions), status. */
export const ZComplianceRow = z.object({
  unitId: ZId,
  unitName: z.string(),
  level: z.string(),
  leader: ZLeader,
  month: z.string(),
  /** Days required in the month (weekly rules: days × the weeks of the month, ISO weeks by their Thursday). */
  required: z.number().int().nullable(),
  held: z.number().int(),
  /** Weekly rules: the weeks (their Monday) without enough days. */
  weeksShort: z.array(ZDate),
  status: ZComplianceStatus,
  rule: ZFrequencyRule.nullable(),
});
export type TComplianceRow = z.infer<typeof ZComplianceRow>;

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'phải có dạng YYYY-MM' });

export const ZComplianceQuery = z.object({ unitId: ZId.optional(), month: ZMonth });

export const ZListQuery = z.object({
  unitId: ZId.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const SESSION_KINDS = ['regular', 'ad_hoc'] as const;
export const ZSessionKind = z.enum(SESSION_KINDS);

export const ZSessionInput = z.object({
  unitId: ZId,
  /** The schedule the session keeps (its leader is taken from it), or the leader given here. */
  scheduleId: ZUuid.nullable().optional(),
  leader: ZLeaderInput.optional(),
  heldOn: ZDate,
  kind: ZSessionKind,
  personsReceived: z.number().int().min(0).max(100000),
  /** Cases of the petitions module received at the session (same province). */
  caseIds: z.array(ZUuid).max(200).default([]),
  notes: zText(4000).nullable().optional(),
});
export type TSessionInput = z.infer<typeof ZSessionInput>;

export const ZSessionCase = z.object({ id: ZUuid, code: z.string(), subject: z.string(), kind: z.string(), status: z.string() });

export const ZSession = z.object({
  id: ZUuid,
  unitId: ZId,
  unitName: z.string(),
  scheduleId: ZUuid.nullable(),
  heldOn: ZDate,
  kind: ZSessionKind,
  leader: ZLeader,
  personsReceived: z.number().int(),
  cases: z.array(ZSessionCase),
  notes: z.string().nullable(),
});
export type TSession = z.infer<typeof ZSession>;

export const DIALOGUE_KINDS = ['dialogue', 'voter_meeting'] as const;
export const ZDialogueKind = z.enum(DIALOGUE_KINDS);

export const FRONT_BODIES = ['mttq', 'trade_union', 'youth_union', 'women_union', 'farmers_union', 'veterans_union'] as const;
export const ZFrontBody = z.enum(FRONT_BODIES);
export const FRONT_KINDS = ['supervision', 'critique'] as const;
export const ZFrontKind = z.enum(FRONT_KINDS);

/** A recommendation given with a dialogue or an activity: sent on its date, due on `dueOn`. */
export const ZRecommendationDraft = z.object({
  content: zText(4000),
  addressedUnitId: ZId.nullable().optional(),
  addressedBody: zText(300),
  dueOn: ZDate,
});

export const ZDialogueInput = z.object({
  unitId: ZId,
  kind: ZDialogueKind,
  heldOn: ZDate,
  subject: zText(500),
  place: zText(300).nullable().optional(),
  leaders: z.array(ZLeaderInput).min(1).max(20),
  participantCount: z.number().int().min(0).max(1000000),
  participantBodies: z.array(zText(200)).max(50).default([]),
  issues: z.array(zText(1000)).max(100).default([]),
  notes: zText(4000).nullable().optional(),
  recommendations: z.array(ZRecommendationDraft).max(50).default([]),
});
export type TDialogueInput = z.infer<typeof ZDialogueInput>;

export const RECOMMENDATION_STATUSES = ['sent', 'answered', 'closed'] as const;
export const ZRecommendationStatus = z.enum(RECOMMENDATION_STATUSES);
/** The status shown: a sent recommendation past its deadline is overdue (computed on the day read). */
export const ZRecommendationState = z.enum(['sent', 'overdue', 'answered', 'closed']);

export const ZRecommendation = z.object({
  id: ZUuid,
  unitId: ZId,
  unitName: z.string(),
  source: z.object({ kind: z.enum(['dialogue', 'voter_meeting', 'supervision', 'critique']), id: ZUuid, subject: z.string(), on: ZDate }),
  content: z.string(),
  addressedUnitId: ZId.nullable(),
  addressedBody: z.string(),
  sentOn: ZDate,
  dueOn: ZDate,
  status: ZRecommendationStatus,
  overdue: z.boolean(),
  /** Days past the deadline (sent and overdue), else 0. */
  daysOverdue: z.number().int(),
  state: ZRecommendationState,
  answerText: z.string().nullable(),
  answeredOn: ZDate.nullable(),
  closedOn: ZDate.nullable(),
  version: z.number().int(),
});
export type TRecommendation = z.infer<typeof ZRecommendation>;

export const ZDialogue = z.object({
  id: ZUuid,
  unitId: ZId,
  unitName: z.string(),
  kind: ZDialogueKind,
  heldOn: ZDate,
  subject: z.string(),
  place: z.string().nullable(),
  leaders: z.array(ZLeader),
  byHead: z.boolean(),
  participantCount: z.number().int(),
  participantBodies: z.array(z.string()),
  issues: z.array(z.string()),
  notes: z.string().nullable(),
  recommendations: z.array(ZRecommendation),
});
export type TDialogue = z.infer<typeof ZDialogue>;

export const ZFrontActivityInput = z
  .object({
    unitId: ZId,
    kind: ZFrontKind,
    body: ZFrontBody,
    subject: zText(500),
    periodFrom: ZDate,
    periodTo: ZDate,
    findings: zText(20000).nullable().optional(),
    recommendations: z.array(ZRecommendationDraft).max(50).default([]),
  })
  .refine((input) => input.periodTo >= input.periodFrom, { message: 'không được trước ngày bắt đầu', path: ['periodTo'] });
export type TFrontActivityInput = z.infer<typeof ZFrontActivityInput>;

export const ZFrontActivity = z.object({
  id: ZUuid,
  unitId: ZId,
  unitName: z.string(),
  /** The level of the unit (cấp tỉnh, cấp xã…). */
  level: z.string(),
  kind: ZFrontKind,
  body: ZFrontBody,
  subject: z.string(),
  periodFrom: ZDate,
  periodTo: ZDate,
  findings: z.string().nullable(),
  recommendations: z.array(ZRecommendation),
});
export type TFrontActivity = z.infer<typeof ZFrontActivity>;

export const ZRecommendationInput = z
  .object({
    dialogueId: ZUuid.nullable().optional(),
    activityId: ZUuid.nullable().optional(),
    content: zText(4000),
    addressedUnitId: ZId.nullable().optional(),
    addressedBody: zText(300),
    sentOn: ZDate,
    dueOn: ZDate,
  })
  .superRefine((input, ctx) => {
    if ((input.dialogueId == null) === (input.activityId == null)) ctx.addIssue({ code: 'custom', path: ['dialogueId'], message: 'cần đúng một nguồn: cuộc đối thoại/tiếp xúc cử tri hoặc hoạt động giám sát/phản biện' });
    if (input.dueOn < input.sentOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'không được trước ngày gửi' });
  });
export type TRecommendationInput = z.infer<typeof ZRecommendationInput>;

export const ZRecommendationQuery = z.object({
  unitId: ZId.optional(),
  state: ZRecommendationState.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const ZRecommendationAnswer = z.object({ answerText: zText(20000), answeredOn: ZDate, seenVersion: z.number().int().positive() });
export const ZRecommendationClose = z.object({ closedOn: ZDate, seenVersion: z.number().int().positive() });

export const ZFrontQuery = ZListQuery.extend({ kind: ZFrontKind.optional() });
export const ZDialogueQuery = ZListQuery.extend({ kind: ZDialogueKind.optional() });
