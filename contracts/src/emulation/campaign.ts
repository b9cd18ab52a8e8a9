import { z } from 'zod';
import { ZDate, ZId, ZIdParams, zString, zText } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZUnitLevel } from '../units.ts';
import {
  ZBodyKind,
  ZCampaignLevel,
  ZCampaignStatus,
  ZCriterionScoring,
  ZCriterionTarget,
  ZMilestoneKind,
} from './enums.ts';

/**
 * Emulation campaigns (phong trào thi đua "Dân vận khéo"; issue 15 item 1): title, the programme that launches it,
 * period, level, themes, commitments ("04 không" with the appendix), criteria, tasks per kind of body, the
 * timeline and the units and bodies taking part. Children are written with the campaign (one edit = the whole
 * campaign, optimistic concurrency on its version).
 */

/** A campaign-local code: 'K1', 'III.2', '2.2.1-3'. */
export const ZCampaignItemCode = z.string().regex(/^[A-Za-z0-9_.()-]{1,20}$/, { message: 'mã chỉ gồm chữ, số và . _ - ( ), tối đa 20 ký tự' });
/** A campaign's code, unique within its unit: 'DVK-2020'. */
export const ZCampaignCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/, { message: 'mã chỉ gồm chữ, số và . _ -, tối đa 60 ký tự' });

/**
 * Text of several paragraphs (an appendix, the purpose): NFC, spaces collapsed inside each paragraph, paragraphs
 * kept apart by one blank line, so the page shows them as the document does.
 */
export const zParagraphs = (max: number) =>
  zString()
    .transform((value) =>
      value
        .normalize('NFC')
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim().replace(/\s+/g, ' '))
        .filter((paragraph) => paragraph.length > 0)
        .join('\n\n'),
    )
    .pipe(z.string().min(1).max(max));

const ZScore = z.number().positive().max(1000).multipleOf(0.01);

export const ZCommitment = z.object({
  code: ZCampaignItemCode,
  title: zText(1000),
  /** What it means in practice (the appendix of seed 002), or null. */
  appendix: zParagraphs(40000).nullable().default(null),
});
export type TCommitment = z.infer<typeof ZCommitment>;

export const ZCriterion = z
  .object({
    appliesTo: ZCriterionTarget,
    code: ZCampaignItemCode,
    text: zText(4000),
    scoring: ZCriterionScoring,
    /** With `weight` scoring: its weight and the highest score a reviewer may give. */
    weight: ZScore.nullable().default(null),
    maxScore: ZScore.nullable().default(null),
  })
  .refine((c) => c.scoring === 'pass_fail' || (c.weight !== null && c.maxScore !== null), {
    message: 'tiêu chí chấm điểm cần trọng số và điểm tối đa',
    path: ['weight'],
  })
  .refine((c) => c.scoring === 'weight' || (c.weight === null && c.maxScore === null), {
    message: 'tiêu chí đạt/không đạt không có trọng số hay điểm tối đa',
    path: ['weight'],
  });
export type TCriterion = z.infer<typeof ZCriterion>;

export const ZBodyTask = z.object({
  bodyKind: ZBodyKind,
  /** The document's heading for the body ("Đối với các lực lượng vũ trang"), or null. */
  heading: zText(500).nullable().default(null),
  code: ZCampaignItemCode,
  text: zText(4000),
});
export type TBodyTask = z.infer<typeof ZBodyTask>;

export const ZMilestone = z
  .object({
    kind: ZMilestoneKind,
    onDate: ZDate,
    /** The last day of a stage that lasts (registration, building), or null. */
    untilDate: ZDate.nullable().default(null),
    /** A recurring milestone (the province conference every 2 years), or null. */
    everyYears: z.number().int().min(1).max(10).nullable().default(null),
    title: zText(500),
  })
  .refine((m) => m.untilDate === null || m.untilDate >= m.onDate, { message: 'ngày kết thúc không được trước ngày bắt đầu', path: ['untilDate'] });
export type TMilestone = z.infer<typeof ZMilestone>;

/** A participant: a unit, or a body (organisation of the registry). */
export const ZParticipantInput = z
  .object({ unitId: ZId.nullable().default(null), organizationId: ZId.nullable().default(null) })
  .refine((p) => (p.unitId === null) !== (p.organizationId === null), { message: 'chọn một đơn vị hoặc một tổ chức', path: ['unitId'] });
export type TParticipantInput = z.infer<typeof ZParticipantInput>;

export const ZParticipant = z.object({
  unit: z.object({ id: ZId, fullName: z.string(), level: ZUnitLevel }).nullable(),
  organization: z.object({ id: ZId, name: z.string(), unitId: ZId, unitName: z.string() }).nullable(),
});
export type TParticipant = z.infer<typeof ZParticipant>;

/** A campaign as listed. */
export const ZCampaign = z.object({
  id: ZId,
  /** The unit that launched it (its readers: that unit's subtree). */
  unit: z.object({ id: ZId, fullName: z.string(), level: ZUnitLevel }),
  programme: z.object({ id: ZId, number: z.string(), title: z.string() }).nullable(),
  code: z.string(),
  title: z.string(),
  year: z.number().int(),
  startsOn: ZDate,
  endsOn: ZDate,
  level: ZCampaignLevel,
  themes: z.array(z.string()),
  status: ZCampaignStatus,
  pack: z.object({ code: z.string(), version: z.number().int() }).nullable(),
  /** Optimistic concurrency: an edit sends the version it read. */
  version: z.number().int(),
  commitmentCount: z.number().int(),
  criterionCount: z.number().int(),
  participantCount: z.number().int(),
});
export type TCampaign = z.infer<typeof ZCampaign>;

export const ZCampaignDetail = ZCampaign.extend({
  purpose: z.string().nullable(),
  commitments: z.array(z.object({ id: ZId, code: z.string(), title: z.string(), appendix: z.string().nullable() })),
  criteria: z.array(
    z.object({
      id: ZId,
      appliesTo: ZCriterionTarget,
      code: z.string(),
      text: z.string(),
      scoring: ZCriterionScoring,
      weight: z.number().nullable(),
      maxScore: z.number().nullable(),
    }),
  ),
  bodyTasks: z.array(z.object({ id: ZId, bodyKind: ZBodyKind, heading: z.string().nullable(), code: z.string(), text: z.string() })),
  milestones: z.array(
    z.object({ id: ZId, kind: ZMilestoneKind, onDate: ZDate, untilDate: ZDate.nullable(), everyYears: z.number().int().nullable(), title: z.string() }),
  ),
  participants: z.array(ZParticipant.extend({ id: ZId })),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The user may edit it (its unit is in the user's scope and the user manages campaigns). */
  canManage: z.boolean(),
});
export type TCampaignDetail = z.infer<typeof ZCampaignDetail>;

const ZYear = z.number().int().min(1990).max(2100);

const campaignFields = {
  programmeId: ZId.nullable().default(null),
  code: ZCampaignCode,
  title: zText(500),
  year: ZYear,
  startsOn: ZDate,
  endsOn: ZDate,
  level: ZCampaignLevel,
  themes: z.array(zText(200)).max(20).default([]),
  purpose: zParagraphs(20000).nullable().default(null),
  status: ZCampaignStatus.default('active'),
  commitments: z.array(ZCommitment).max(50).default([]),
  criteria: z.array(ZCriterion).max(100).default([]),
  bodyTasks: z.array(ZBodyTask).max(200).default([]),
  milestones: z.array(ZMilestone).max(50).default([]),
  participants: z.array(ZParticipantInput).max(2000).default([]),
};

const datesInOrder = (c: { startsOn: string; endsOn: string }) => c.endsOn >= c.startsOn;
const datesMessage = { message: 'ngày kết thúc không được trước ngày bắt đầu', path: ['endsOn'] };
const uniqueCodes = (c: { commitments: { code: string }[]; criteria: { code: string }[]; bodyTasks: { code: string }[] }) =>
  [c.commitments, c.criteria, c.bodyTasks].every((list) => new Set(list.map((item) => item.code)).size === list.length);
const uniqueMessage = { message: 'mã cam kết, tiêu chí, nhiệm vụ không được trùng nhau', path: ['code'] };

/** A new campaign launched by a unit in the user's scope, with all its parts. */
export const ZCampaignInput = z.object({ unitId: ZId, ...campaignFields }).refine(datesInOrder, datesMessage).refine(uniqueCodes, uniqueMessage);
export type TCampaignInput = z.infer<typeof ZCampaignInput>;

/** An edit replaces the campaign and its parts as read (409 when someone changed it since `version`). */
export const ZCampaignUpdate = z
  .object({ version: z.number().int().positive(), ...campaignFields })
  .refine(datesInOrder, datesMessage)
  .refine(uniqueCodes, uniqueMessage);
export type TCampaignUpdate = z.infer<typeof ZCampaignUpdate>;

export const ZCampaignListQuery = z.object({
  /** Campaigns launched by this unit (readable ones only). */
  unitId: ZId.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: ZCampaignStatus.optional(),
  /** Part of the code, title or a theme, with or without diacritics. */
  q: zString().trim().min(1).max(100).optional(),
});
export type TCampaignListQuery = z.infer<typeof ZCampaignListQuery>;

export const campaignEndpoints = {
  listCampaigns: endpoint({
    method: 'GET',
    path: '/api/emulation/campaigns',
    summary: 'Emulation campaigns the user may read (launched in or above their scope)',
    query: ZCampaignListQuery,
    response: z.array(ZCampaign),
  }),
  getCampaign: endpoint({
    method: 'GET',
    path: '/api/emulation/campaigns/:id',
    summary: 'One campaign with its commitments, criteria, tasks per body, timeline and participants',
    params: ZIdParams,
    response: ZCampaignDetail,
  }),
  createCampaign: endpoint({
    method: 'POST',
    path: '/api/emulation/campaigns',
    summary: 'Launch a campaign owned by a unit in scope',
    body: ZCampaignInput,
    response: ZCampaignDetail,
  }),
  updateCampaign: endpoint({
    method: 'PUT',
    path: '/api/emulation/campaigns/:id',
    summary: 'Replace a campaign and its parts (409 when the version read is stale)',
    params: ZIdParams,
    body: ZCampaignUpdate,
    response: ZCampaignDetail,
  }),
};
