import { z } from 'zod';
import { ZDate, ZId, ZIdParams, zString, zText } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZAttachment } from '../files.ts';
import { ZUnitLevel } from '../units.ts';
import { ZPackCode, ZProgrammeKind } from './pack.ts';
import { ZPackLoadInput, ZPackLoadResult, ZPackSummary } from './pack-load.api.ts';
import { ZTargetLevel, ZTargetRule, ZWaitsFor } from './target-rule.ts';

export * from './pack-load.api.ts';

/** Programmes: create, list, read, edit, implementation plans, targets, the document file, pack loading (programmes core). */

export const PROGRAMME_STATUSES = ['draft', 'active', 'closed'] as const;
export const ZProgrammeStatus = z.enum(PROGRAMME_STATUSES);
export type TProgrammeStatus = z.infer<typeof ZProgrammeStatus>;

const ZYear = z.number().int().min(1900).max(2100);

/** A programme as listed: the directive document, who issued it, its period, and how much it holds. */
export const ZProgramme = z.object({
  id: ZId,
  /** The unit that issued it (its readers: that unit's subtree). */
  ownerUnit: z.object({ id: ZId, fullName: z.string(), level: ZUnitLevel }),
  /** For an implementation plan (kế hoạch thực hiện): the programme it implements. */
  parentProgrammeId: ZId.nullable(),
  kind: ZProgrammeKind,
  /** "334-QĐ/TU", "14-NQ/TU", "189-KH/TU". */
  number: z.string(),
  issuer: z.string(),
  issuedOn: ZDate,
  title: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  generalObjective: z.string().nullable(),
  status: ZProgrammeStatus,
  /** Loaded from a programme pack: its code and version. */
  pack: z.object({ code: z.string(), version: z.number().int() }).nullable(),
  /** Optimistic concurrency: an edit sends the version it read. */
  version: z.number().int(),
  targetCount: z.number().int(),
  taskCount: z.number().int(),
});
export type TProgramme = z.infer<typeof ZProgramme>;

/** A target (chỉ tiêu) as stored: a rule over an indicator, or what its measurement waits for. */
export const ZProgrammeTarget = z.object({
  id: ZId,
  code: z.string(),
  text: z.string(),
  rule: ZTargetRule.nullable(),
  /** Set when the target cannot be measured from data yet: its status is "chưa có dữ liệu". */
  waitsFor: z.string().nullable(),
  levels: z.array(ZTargetLevel).nullable(),
  /** In an implementation plan: the parent programme's target it inherits (the same or stricter). */
  parentTargetId: ZId.nullable(),
});
export type TProgrammeTarget = z.infer<typeof ZProgrammeTarget>;

export const ZSolutionGroup = z.object({ id: ZId, code: z.string(), title: z.string() });
export type TSolutionGroup = z.infer<typeof ZSolutionGroup>;

export const ZProgrammeDetail = ZProgramme.extend({
  targets: z.array(ZProgrammeTarget),
  solutionGroups: z.array(ZSolutionGroup),
  /** Implementation plans of lower units that implement this programme, those the user may read. */
  plans: z.array(ZProgramme),
  /** The document file(s) attached (owner type 'programme'); bytes at GET /api/files/:id. */
  attachments: z.array(ZAttachment),
  /** The user may edit it, add targets, attach its document (its owner unit is in the user's scope). */
  canManage: z.boolean(),
});
export type TProgrammeDetail = z.infer<typeof ZProgrammeDetail>;

export const ZProgrammeListQuery = z.object({
  /** Programmes owned by this unit (readable ones only). */
  unitId: ZId.optional(),
  status: ZProgrammeStatus.optional(),
  /** Part of the number or title, with or without diacritics. */
  q: zString().trim().min(1).max(100).optional(),
});

const programmeFields = {
  kind: ZProgrammeKind,
  number: zText(60),
  issuer: zText(300),
  issuedOn: ZDate,
  title: zText(1000),
  fromYear: ZYear,
  toYear: ZYear,
  generalObjective: zText(8000).nullable().optional(),
  status: ZProgrammeStatus.optional(),
};
const yearsInOrder = (p: { fromYear?: number; toYear?: number }) => p.fromYear === undefined || p.toYear === undefined || p.toYear >= p.fromYear;
const yearsMessage = { message: 'năm kết thúc không được trước năm bắt đầu', path: ['toYear'] };

/** A new programme, owned by a unit in the user's scope. */
export const ZProgrammeInput = z.object({ unitId: ZId, ...programmeFields }).refine(yearsInOrder, yearsMessage);
export type TProgrammeInput = z.infer<typeof ZProgrammeInput>;

/** An edit: the fields that change and the version read (409 when someone changed it since). */
export const ZProgrammeUpdate = z
  .object({ version: z.number().int().positive() })
  .extend(z.object(programmeFields).partial().shape)
  .refine(yearsInOrder, yearsMessage);
export type TProgrammeUpdate = z.infer<typeof ZProgrammeUpdate>;

/**
 * An implementation plan of a lower unit (in the user's scope, under the parent's owner): a child programme that
 * inherits every target of the parent (parentTargetId). Period defaults to the parent's.
 */
export const ZPlanInput = z
  .object({
    unitId: ZId,
    kind: ZProgrammeKind.default('plan'),
    number: zText(60),
    issuer: zText(300),
    issuedOn: ZDate,
    title: zText(1000),
    fromYear: ZYear.optional(),
    toYear: ZYear.optional(),
    generalObjective: zText(8000).nullable().optional(),
  })
  .refine(yearsInOrder, yearsMessage);
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZTargetInput = z
  .object({
    code: ZPackCode,
    text: zText(4000),
    rule: ZTargetRule.nullable().optional(),
    waitsFor: ZWaitsFor.nullable().optional(),
    levels: z.array(ZTargetLevel).min(1).nullable().optional(),
  })
  .refine((t) => (t.rule ?? null) !== null || (t.waitsFor ?? null) !== null, { message: 'chỉ tiêu cần quy tắc đo hoặc ghi rõ đang chờ dữ liệu gì', path: ['waitsFor'] });
export type TTargetInput = z.infer<typeof ZTargetInput>;

/** A change to a target. An inherited target may only be made stricter than the parent's (400 otherwise). */
export const ZTargetUpdate = z.object({
  text: zText(4000).optional(),
  rule: ZTargetRule.nullable().optional(),
  waitsFor: ZWaitsFor.nullable().optional(),
  levels: z.array(ZTargetLevel).min(1).nullable().optional(),
});
export type TTargetUpdate = z.infer<typeof ZTargetUpdate>;

export const ZTargetParams = z.object({ id: ZId, targetId: ZId });

export const programmeEndpoints = {
  listProgrammes: endpoint({
    method: 'GET',
    path: '/api/programmes',
    summary: 'Programmes the user may read (owned in or above their scope)',
    query: ZProgrammeListQuery,
    response: z.array(ZProgramme),
  }),
  getProgramme: endpoint({
    method: 'GET',
    path: '/api/programmes/:id',
    summary: 'One programme with its targets, solution groups, implementation plans and document files',
    params: ZIdParams,
    response: ZProgrammeDetail,
  }),
  createProgramme: endpoint({
    method: 'POST',
    path: '/api/programmes',
    summary: 'Create a programme owned by a unit in scope',
    body: ZProgrammeInput,
    response: ZProgrammeDetail,
  }),
  updateProgramme: endpoint({
    method: 'PATCH',
    path: '/api/programmes/:id',
    summary: 'Change a programme (409 when the version read is stale)',
    params: ZIdParams,
    body: ZProgrammeUpdate,
    response: ZProgrammeDetail,
  }),
  createPlan: endpoint({
    method: 'POST',
    path: '/api/programmes/:id/plans',
    summary: "A lower unit's implementation plan of the programme, inheriting its targets",
    params: ZIdParams,
    body: ZPlanInput,
    response: ZProgrammeDetail,
  }),
  createTarget: endpoint({
    method: 'POST',
    path: '/api/programmes/:id/targets',
    summary: 'Add a target to a programme',
    params: ZIdParams,
    body: ZTargetInput,
    response: ZProgrammeTarget,
  }),
  updateTarget: endpoint({
    method: 'PATCH',
    path: '/api/programmes/:id/targets/:targetId',
    summary: 'Change a target; an inherited one only stricter than the parent programme’s',
    params: ZTargetParams,
    body: ZTargetUpdate,
    response: ZProgrammeTarget,
  }),
  listPacks: endpoint({
    method: 'GET',
    path: '/api/programmes/packs',
    summary: 'Programme packs shipped with the application (the seed documents)',
    response: z.array(ZPackSummary),
  }),
  loadPack: endpoint({
    method: 'POST',
    path: '/api/programmes/packs/load',
    summary: 'Load a shipped or uploaded programme pack into a unit; idempotent; dryRun counts only',
    body: ZPackLoadInput,
    response: ZPackLoadResult,
  }),
};
