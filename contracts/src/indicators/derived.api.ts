import { z } from 'zod';
import { ZId } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZUuid } from '../jobs.ts';

/** A figure a module computes from its records (villages with a Tổ dân vận), stored as a data element. */
export const ZDerivedValue = z.object({
  /** Module-prefixed code: 'organizations.villages_with_team'. */
  code: z.string(),
  /** Its data element: id and code for formulas (#{ORG_VILLAGES_WITH_TEAM}). */
  elementId: ZId,
  elementCode: z.string(),
  name: z.string(),
  valueType: z.enum(['integer', 'yes_no', 'number']),
  /** Units it is computed for; totals carry it up. */
  level: z.enum(['village', 'commune', 'province']), // province: pet-recv
  unitOfMeasure: z.string().nullable(),
});
export type TDerivedValue = z.infer<typeof ZDerivedValue>;

export const ZDerivedBackfillInput = z.object({
  /** The (2025) province whose closed and open periods since 2019 are recomputed, its predecessors' units included. */
  provinceId: ZId,
});

export const derivedEndpoints = {
  listDerivedValues: endpoint({
    method: 'GET',
    path: '/api/indicators/derived',
    summary: 'Derived values the modules register, with their data elements',
    response: z.array(ZDerivedValue),
  }),
  backfillDerivedValues: endpoint({
    method: 'POST',
    path: '/api/indicators/derived/backfill',
    summary: "Recompute a province's derived values for every period since 2019 (a background job)",
    body: ZDerivedBackfillInput,
    response: z.object({ jobId: ZUuid }),
  }),
};
