import { z } from 'zod';
import { ZDate, ZId, ZRowError, zText } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZUuid, ZUuidParams } from '../jobs.ts';

/**
 * Commitments of an emulation campaign (seed 002 II.1: the "04 không") registered by agencies, cadres and
 * households: counts per unit × commitment × kind of registrant, optionally per body (an organisation of the
 * registry), entered or imported from Excel; corrections keep every earlier value; breaches recorded when reported;
 * figures by commune and by body.
 */

/** Who registers: agencies and units (cơ quan, đơn vị), cadres (cán bộ, đảng viên, công chức, viên chức), households. */
export const REGISTRANT_KINDS = ['agency', 'cadre', 'household'] as const;
export const ZRegistrantKind = z.enum(REGISTRANT_KINDS);
export type TRegistrantKind = z.infer<typeof ZRegistrantKind>;

export const COUNT_SOURCES = ['entry', 'excel', 'demo'] as const;
export const ZCountSource = z.enum(COUNT_SOURCES);

/** A count as stored now: how many registered the commitment in the unit (and the body), and how many were expected to. */
export const ZCommitmentCount = z.object({
  id: ZUuid,
  campaignId: ZId,
  commitmentId: ZId,
  commitmentCode: z.string(),
  commitmentTitle: z.string(),
  unitId: ZId,
  unitName: z.string(),
  registrantKind: ZRegistrantKind,
  organizationId: ZId.nullable(),
  organizationName: z.string().nullable(),
  registered: z.number().int(),
  /** Expected to register (households of the commune, cadres of the agency); null: not given. */
  eligible: z.number().int().nullable(),
  /** 1 at registration, +1 at each correction: a correction names the version it corrects. */
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TCommitmentCount = z.infer<typeof ZCommitmentCount>;

export const ZCommitmentCountQuery = z.object({
  campaignId: ZId,
  /** Counts of this unit and the units below it (default: the whole scope). */
  unitId: ZId.optional(),
  commitmentId: ZId.optional(),
  registrantKind: ZRegistrantKind.optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});

/**
 * Registers or corrects one count. `expectedVersion` is 0 for a count not registered yet, else the version the
 * user saw (409 when it changed meanwhile); a correction of a registered count needs a reason.
 */
export const ZCommitmentCountInput = z.object({
  campaignId: ZId,
  commitmentId: ZId,
  unitId: ZId,
  registrantKind: ZRegistrantKind,
  organizationId: ZId.nullable().optional(),
  registered: z.number().int().min(0).max(10_000_000),
  eligible: z.number().int().min(0).max(10_000_000).nullable().optional(),
  expectedVersion: z.number().int().min(0),
  reason: zText(1000).optional(),
});
export type TCommitmentCountInput = z.infer<typeof ZCommitmentCountInput>;

/** One value a count has had: version 1 is the registration, later ones corrections. */
export const ZCommitmentCountChange = z.object({
  version: z.number().int(),
  registeredBefore: z.number().int().nullable(),
  registered: z.number().int(),
  eligibleBefore: z.number().int().nullable(),
  eligible: z.number().int().nullable(),
  source: ZCountSource,
  reason: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: z.string(),
});
export type TCommitmentCountChange = z.infer<typeof ZCommitmentCountChange>;

export const ZCommitmentCountHistory = z.object({ count: ZCommitmentCount, changes: z.array(ZCommitmentCountChange) });

/** A breach of a commitment as reported: when, where, by what kind of registrant (and body), what happened. */
export const ZCommitmentBreach = z.object({
  id: ZUuid,
  campaignId: ZId,
  commitmentId: ZId,
  commitmentCode: z.string(),
  commitmentTitle: z.string(),
  unitId: ZId,
  unitName: z.string(),
  registrantKind: ZRegistrantKind,
  organizationId: ZId.nullable(),
  organizationName: z.string().nullable(),
  occurredOn: ZDate,
  reportedOn: ZDate,
  description: z.string(),
  reportedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TCommitmentBreach = z.infer<typeof ZCommitmentBreach>;

export const ZCommitmentBreachInput = z
  .object({
    campaignId: ZId,
    commitmentId: ZId,
    unitId: ZId,
    registrantKind: ZRegistrantKind,
    organizationId: ZId.nullable().optional(),
    occurredOn: ZDate,
    reportedOn: ZDate,
    description: zText(4000),
    /** Who reported it (Ban công tác Mặt trận thôn, Công an xã). */
    reportedBy: zText(300).optional(),
  })
  .refine((b) => b.reportedOn >= b.occurredOn, { message: 'không được trước ngày xảy ra', path: ['reportedOn'] });
export type TCommitmentBreachInput = z.infer<typeof ZCommitmentBreachInput>;

export const ZCommitmentBreachQuery = z
  .object({
    campaignId: ZId,
    unitId: ZId.optional(),
    commitmentId: ZId.optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .refine((q) => !q.from || !q.to || q.to >= q.from, { message: 'không được trước từ ngày', path: ['to'] });

/** Figures grouped by commune (the unit's commune, or the unit itself above it) or by body. */
export const ZFiguresBy = z.enum(['commune', 'body']);

export const ZCommitmentFiguresQuery = z.object({
  campaignId: ZId,
  /** Figures of this unit's subtree (default: the whole scope). */
  unitId: ZId.optional(),
  by: ZFiguresBy.default('commune'),
});

/** One cell of the figures: registered, expected and breaches of one commitment and kind of registrant. */
export const ZCommitmentFigure = z.object({
  commitmentId: ZId,
  registrantKind: ZRegistrantKind,
  registered: z.number().int(),
  /** Sum of the expected numbers given (counts without one add nothing). */
  eligible: z.number().int(),
  breaches: z.number().int(),
});

/** A group of the figures: a commune (by = commune) or a body (by = body; null: counts without a body). */
export const ZCommitmentFigureGroup = z.object({
  /** The commune (by = commune), or the unit itself for counts made above commune level (a province agency). */
  unitId: ZId.nullable(),
  /** The body (by = body). */
  organizationId: ZId.nullable(),
  name: z.string(),
  cells: z.array(ZCommitmentFigure),
  registered: z.number().int(),
  breaches: z.number().int(),
});

export const ZCommitmentFigures = z.object({
  campaignId: ZId,
  by: ZFiguresBy,
  commitments: z.array(z.object({ id: ZId, code: z.string(), title: z.string() })),
  groups: z.array(ZCommitmentFigureGroup),
  /** Totals of the whole subtree, by commitment and kind. */
  totals: z.array(ZCommitmentFigure),
});
export type TCommitmentFigures = z.infer<typeof ZCommitmentFigures>;

// ---------- Excel

export const ZCommitmentTemplateQuery = z.object({
  campaignId: ZId,
  /** The unit whose communes (or itself, for a commune, its villages) are the rows. */
  unitId: ZId,
});

export const ZCommitmentUploadQuery = ZCommitmentTemplateQuery.extend({
  /** true = check and preview only (nothing written). */
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

/** One count the upload changes (old → new); `before` null: a new registration. */
export const ZCommitmentUploadChange = z.object({
  row: z.number().int(),
  unitId: ZId,
  unitName: z.string(),
  registrantKind: ZRegistrantKind,
  organizationId: ZId.nullable(),
  commitmentId: ZId,
  commitmentCode: z.string(),
  registeredBefore: z.number().int().nullable(),
  registered: z.number().int(),
  eligibleBefore: z.number().int().nullable(),
  eligible: z.number().int().nullable(),
});
export type TCommitmentUploadChange = z.infer<typeof ZCommitmentUploadChange>;

/** Preview (dryRun) or result of an upload: nothing is written when `errorCount` > 0 (a commit then answers 400). */
export const ZCommitmentUploadResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  changes: z.array(ZCommitmentUploadChange),
  changeCount: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ZRowError),
  errorCount: z.number().int(),
  written: z.number().int(),
});
export type TCommitmentUploadResult = z.infer<typeof ZCommitmentUploadResult>;

/** Largest number of changes and errors listed in a preview (the counts are always complete). */
export const MAX_COMMITMENT_PREVIEW = 1000;

export const commitmentEndpoints = {
  listCommitmentCounts: endpoint({
    method: 'GET',
    path: '/api/emulation/commitment-counts',
    summary: "Commitment counts of a campaign in the user's scope (under a unit), by unit, commitment, kind of registrant and body",
    query: ZCommitmentCountQuery,
    response: z.array(ZCommitmentCount),
  }),
  saveCommitmentCount: endpoint({
    method: 'PUT',
    path: '/api/emulation/commitment-counts',
    summary: 'Register or correct one count (expectedVersion 0 = new; a correction keeps the earlier value and needs a reason; 409 when stale)',
    body: ZCommitmentCountInput,
    response: ZCommitmentCount,
  }),
  commitmentCountHistory: endpoint({
    method: 'GET',
    path: '/api/emulation/commitment-counts/:id/history',
    summary: 'A count and every value it has had (registration, corrections, imports): who, when, why',
    params: ZUuidParams,
    response: ZCommitmentCountHistory,
  }),
  commitmentTemplate: endpoint({
    method: 'GET',
    path: '/api/emulation/commitment-counts/template.xlsx',
    summary: "Excel template of a campaign's commitments for the units under a unit, pre-filled with the current counts",
    query: ZCommitmentTemplateQuery,
    response: z.unknown().describe('xlsx bytes'),
  }),
  commitmentUpload: endpoint({
    method: 'POST',
    path: '/api/emulation/commitment-counts/upload',
    summary: 'Upload a filled template: preview (dryRun) with row errors, or write every change in one transaction (nothing on error)',
    query: ZCommitmentUploadQuery,
    multipart: true,
    response: ZCommitmentUploadResult,
  }),
  listCommitmentBreaches: endpoint({
    method: 'GET',
    path: '/api/emulation/commitment-breaches',
    summary: 'Breaches of commitments reported in the scope (under a unit), newest first',
    query: ZCommitmentBreachQuery,
    response: z.array(ZCommitmentBreach),
  }),
  recordCommitmentBreach: endpoint({
    method: 'POST',
    path: '/api/emulation/commitment-breaches',
    summary: 'Record a breach of a commitment when it is reported',
    body: ZCommitmentBreachInput,
    response: ZCommitmentBreach,
  }),
  commitmentFigures: endpoint({
    method: 'GET',
    path: '/api/emulation/commitment-figures',
    summary: 'Registered, expected and breaches by commitment and kind of registrant, per commune or per body, with totals',
    query: ZCommitmentFiguresQuery,
    response: ZCommitmentFigures,
  }),
};
