import { z } from 'zod';
import { ZDate, ZId, zText } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZBodyTask, ZCampaignCode, ZCommitment, ZCriterion, ZMilestone, zParagraphs } from './campaign.ts';
import { ZCampaignLevel } from './enums.ts';

/**
 * A campaign pack: one campaign document (seed 002, Kế hoạch 189-KH/TU "Năm Dân vận khéo" 2020) written down as a
 * versioned, human-readable JSON file that any province can load (issue 15 item 7). Vietnamese text is exactly as in
 * the document. Loading is idempotent: the pack's `code` and `version` identify what was loaded into which unit.
 */
export const ZCampaignPackCode = z.string().regex(/^[A-Z0-9-]{3,60}$/, { message: 'mã gói chỉ gồm chữ in hoa, số và -' });

export const ZCampaignPack = z.object({
  format: z.literal('dan-van-so/emulation-pack'),
  code: ZCampaignPackCode,
  version: z.number().int().positive(),
  /** Where the text comes from and what the document does not say (what the loading unit adds itself). */
  source: zText(2000),
  /** The programme pack of the same document: on loading, the campaign is linked to that programme if the unit loaded it. */
  programmePack: z.string().regex(/^[A-Z0-9-]{3,60}$/).nullable().default(null),
  campaign: z.object({
    code: ZCampaignCode,
    title: zText(500),
    year: z.number().int().min(1990).max(2100),
    startsOn: ZDate,
    endsOn: ZDate,
    /** The level of the unit it is loaded into. */
    level: ZCampaignLevel,
    themes: z.array(zText(200)).max(20).default([]),
    purpose: zParagraphs(20000).nullable().default(null),
  }),
  commitments: z.array(ZCommitment).max(50),
  criteria: z.array(ZCriterion).max(100),
  bodyTasks: z.array(ZBodyTask).max(200),
  milestones: z.array(ZMilestone).max(50),
});
export type TCampaignPack = z.infer<typeof ZCampaignPack>;

/** A pack shipped with the application (server/src/modules/emulation/packs/). */
export const ZCampaignPackSummary = z.object({
  code: z.string(),
  version: z.number().int(),
  source: z.string(),
  title: z.string(),
  year: z.number().int(),
  level: ZCampaignLevel,
  commitmentCount: z.number().int(),
  criterionCount: z.number().int(),
  bodyTaskCount: z.number().int(),
  milestoneCount: z.number().int(),
});
export type TCampaignPackSummary = z.infer<typeof ZCampaignPackSummary>;

/** Load a shipped pack (by code) or an uploaded one into a unit of the user's scope; dryRun counts without writing. */
export const ZCampaignPackLoadInput = z
  .object({
    unitId: ZId,
    code: ZCampaignPackCode.optional(),
    /** An uploaded pack (ZCampaignPack, as the shipped files are written), checked by the service: 400 naming the field. */
    pack: z.record(z.string(), z.unknown()).optional(),
    dryRun: z.boolean().default(false),
  })
  .refine((b) => (b.code === undefined) !== (b.pack === undefined), { message: 'cần đúng một trong hai: mã gói có sẵn hoặc nội dung gói', path: ['code'] });
export type TCampaignPackLoadInput = z.infer<typeof ZCampaignPackLoadInput>;

export const ZCampaignPackLoadResult = z.object({
  dryRun: z.boolean(),
  pack: z.object({ code: z.string(), version: z.number().int() }),
  /** The same code and version is already loaded in that unit: nothing was created, campaignId is the existing one. */
  alreadyLoaded: z.boolean(),
  /** The campaign created (or already there); null on a dry run of a new load. */
  campaignId: ZId.nullable(),
  /** The programme of the same document the campaign was linked to (the unit had loaded its programme pack), or null. */
  programmeId: ZId.nullable(),
  created: z.object({ commitments: z.number().int(), criteria: z.number().int(), bodyTasks: z.number().int(), milestones: z.number().int() }),
});
export type TCampaignPackLoadResult = z.infer<typeof ZCampaignPackLoadResult>;

export const campaignPackEndpoints = {
  listCampaignPacks: endpoint({
    method: 'GET',
    path: '/api/emulation/packs',
    summary: 'The campaign packs shipped with the application (seed 002: "Năm Dân vận khéo" 2020)',
    response: z.array(ZCampaignPackSummary),
  }),
  loadCampaignPack: endpoint({
    method: 'POST',
    path: '/api/emulation/packs/load',
    summary: 'Load a campaign pack into a unit in scope (idempotent: the same code and version loads once)',
    body: ZCampaignPackLoadInput,
    response: ZCampaignPackLoadResult,
  }),
};
