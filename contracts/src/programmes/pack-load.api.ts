import { z } from 'zod';
import { ZId } from '../common.ts';
import { ZProgrammeKind } from './pack.ts';

/** Programme packs: the shipped ones as listed, and loading one into a unit (endpoints in programmes.api.ts). */

/** A pack shipped with the application (server/src/modules/programmes/packs/). */
export const ZPackSummary = z.object({
  code: z.string(),
  version: z.number().int(),
  source: z.string(),
  kind: ZProgrammeKind,
  number: z.string(),
  title: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  targetCount: z.number().int(),
  taskCount: z.number().int(),
});
export type TPackSummary = z.infer<typeof ZPackSummary>;

/** Load a shipped pack by code, or an uploaded one, into a unit of the user's scope; dryRun counts without writing. */
export const ZPackLoadInput = z
  .object({
    unitId: ZId,
    code: z.string().regex(/^[A-Z0-9-]{3,60}$/).optional(),
    /**
     * An uploaded pack (ZProgrammePack of pack.ts, as the shipped files are written). Checked by the service with that
     * schema and the pack's internal references: a bad pack answers 400 naming the field ('pack.targets.3.rule').
     */
    pack: z.record(z.string(), z.unknown()).optional(),
    dryRun: z.boolean().default(false),
  })
  .refine((b) => (b.code === undefined) !== (b.pack === undefined), { message: 'cần đúng một trong hai: mã gói có sẵn hoặc nội dung gói', path: ['code'] });
export type TPackLoadInput = z.infer<typeof ZPackLoadInput>;

export const ZPackLoadCounts = z.object({
  targets: z.number().int(),
  groups: z.number().int(),
  tasks: z.number().int(),
  assignments: z.number().int(),
  /** Assignments whose body was matched to an organisation of the province (the rest keep the name as written). */
  matchedAssignments: z.number().int(),
  reviews: z.number().int(),
  budgetLines: z.number().int(),
});
export type TPackLoadCounts = z.infer<typeof ZPackLoadCounts>;

export const ZPackLoadResult = z.object({
  dryRun: z.boolean(),
  pack: z.object({ code: z.string(), version: z.number().int() }),
  /** The same code and version is already loaded in that unit: nothing was created, programmeId is the existing one. */
  alreadyLoaded: z.boolean(),
  /** The programme created (or already there); null on a dry run of a new load. */
  programmeId: ZId.nullable(),
  /** What was (or, on a dry run, would be) created; zeros when alreadyLoaded. */
  created: ZPackLoadCounts,
});
export type TPackLoadResult = z.infer<typeof ZPackLoadResult>;
