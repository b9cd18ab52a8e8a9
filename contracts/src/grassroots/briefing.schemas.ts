import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { ZUuid } from '../jobs.ts';
import { BRIEFING_BODY_TYPES, BRIEFING_RECURRENCES } from './briefings.ts';

export const ZBriefingRecurrence = z.enum(BRIEFING_RECURRENCES);
export const ZBriefingBodyType = z.enum(BRIEFING_BODY_TYPES);
/** A period: a month 'yyyy-mm' or a quarter 'yyyy-Qn'. */
export const ZBriefingPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { message: 'kỳ phải có dạng yyyy-mm (tháng) hoặc yyyy-Qn (quý)' });
/** A topic code of the public sentiment list (GET /api/sentiment/topics). */
export const ZBriefingTopic = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'mã chủ đề không hợp lệ' });

/**
 * A briefing as recorded (on a phone, possibly offline): `id` is the client's UUIDv7, so a resend is stored once.
 * Held: the day and who attended (people registered in the body that day); not held: the reason.
 */
export const ZBriefingCreate = z
  .object({
    id: ZUuid,
    /** The Khối dân vận or Tổ dân vận. */
    organizationId: ZId,
    /** The period met for, of the body's recurrence. */
    period: ZBriefingPeriod,
    held: z.boolean(),
    heldOn: ZDate.nullish(),
    /** People present (person ids), each registered in the body on `heldOn`. */
    attendees: z.array(ZId).max(500).default([]),
    issues: zText(20000).nullish(),
    topics: z.array(ZBriefingTopic).max(20).default([]),
    /** Why it was not held. */
    reason: zText(2000).nullish(),
  })
  .superRefine((value, ctx) => {
    if (value.held && !value.heldOn) ctx.addIssue({ code: 'custom', path: ['heldOn'], message: 'cần ngày tổ chức khi buổi giao ban đã được tổ chức' });
    if (!value.held && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'cần lý do khi buổi giao ban không được tổ chức' });
    if (!value.held && value.attendees.length > 0) ctx.addIssue({ code: 'custom', path: ['attendees'], message: 'buổi giao ban không tổ chức thì không có người tham dự' });
  });
export type TBriefingCreate = z.input<typeof ZBriefingCreate>;

export const ZBriefingAttendee = z.object({ personId: ZId, personName: z.string(), title: z.string(), attended: z.boolean() });

export const ZBriefing = z.object({
  id: ZUuid,
  organizationId: ZId,
  organizationName: z.string(),
  organizationType: ZBriefingBodyType,
  unitId: ZId,
  unitName: z.string(),
  period: z.string(),
  held: z.boolean(),
  heldOn: z.string().nullable(),
  reason: z.string().nullable(),
  /** People registered in the body on the day (or at the period's end when not held). */
  members: z.number().int(),
  attended: z.number().int(),
  issues: z.string().nullable(),
  topics: z.array(z.string()),
  createdAt: z.string(),
});
export type TBriefing = z.infer<typeof ZBriefing>;

/** One briefing with the body's registered members of the day, each marked present or not. */
export const ZBriefingDetail = ZBriefing.extend({ attendees: z.array(ZBriefingAttendee) });
export type TBriefingDetail = z.infer<typeof ZBriefingDetail>;

/** The answer to a recorded briefing: `duplicate` when the id was already stored (the stored briefing stands). */
export const ZBriefingReceipt = z.object({ id: ZUuid, duplicate: z.boolean(), briefing: ZBriefing });

/** Briefings of the blocs and teams in scope (or under `unitId`), period by period, over the months from–to. */
export const ZBriefingListQuery = z.object({
  unitId: ZId.optional(),
  /** First and last month shown, 'yyyy-mm' (default: the 12 months ending with the current one). */
  from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'tháng phải có dạng yyyy-mm' }).optional(),
  to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'tháng phải có dạng yyyy-mm' }).optional(),
  type: ZBriefingBodyType.optional(),
});

export const ZBriefingCell = z.object({
  period: z.string(),
  status: z.enum(['held', 'missed', 'open']),
  briefingId: ZUuid.nullable(),
  heldOn: z.string().nullable(),
  attended: z.number().int().nullable(),
  members: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type TBriefingCell = z.infer<typeof ZBriefingCell>;

export const ZBriefingBody = z.object({
  organizationId: ZId,
  name: z.string(),
  type: ZBriefingBodyType,
  unitId: ZId,
  unitName: z.string(),
  /** The commune the body belongs to (a bloc's own unit, a team's village's commune). */
  communeName: z.string(),
  recurrence: ZBriefingRecurrence,
  /** People registered in the body today. */
  members: z.number().int(),
  /** The periods of the range the body existed in, oldest first. */
  periods: z.array(ZBriefingCell),
});
export type TBriefingBody = z.infer<typeof ZBriefingBody>;

export const ZBriefingList = z.object({
  from: z.string(),
  to: z.string(),
  bodies: z.array(ZBriefingBody),
  /** Over the periods that ended in the range (open ones left out): due, held, share held in percent, attendance. */
  total: z.object({ due: z.number().int(), held: z.number().int(), share: z.number().nullable(), attended: z.number().int(), members: z.number().int(), attendanceRate: z.number().nullable() }),
  /** More bodies than listed (the list stops at 1500): narrow by unit. */
  truncated: z.boolean(),
});
export type TBriefingList = z.infer<typeof ZBriefingList>;

/** People registered in a body on a day: the attendance list of the form. */
export const ZBriefingMembersQuery = z.object({ asOf: ZDate.optional() });
export const ZBriefingMember = z.object({ personId: ZId, personName: z.string(), title: z.string(), isHead: z.boolean() });
/** A dated change of a body's recurrence (validFrom: the first day it holds; null: since always). */
export const ZBriefingRecurrenceChange = z.object({ validFrom: ZDate.nullable(), recurrence: ZBriefingRecurrence });
export const ZBriefingMembers = z.object({
  organizationId: ZId,
  name: z.string(),
  type: ZBriefingBodyType,
  /** The recurrence in force on the day asked (default today). */
  recurrence: ZBriefingRecurrence,
  /** The body's changes of recurrence, oldest first (none: monthly throughout). */
  schedule: z.array(ZBriefingRecurrenceChange),
  members: z.array(ZBriefingMember),
});
export type TBriefingMembers = z.infer<typeof ZBriefingMembers>;

export const ZOrganizationParams = z.object({ organizationId: ZId });
/** A change of recurrence from a period of the new recurrence on ('2026-07' monthly, '2026-Q3' quarterly); the periods before keep theirs. */
export const ZBriefingRecurrenceUpdate = z.object({ recurrence: ZBriefingRecurrence, fromPeriod: ZBriefingPeriod });
