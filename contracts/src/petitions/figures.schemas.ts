import { z } from 'zod';
import { ZDate, ZId } from '../common.ts';
import { endpoint } from '../endpoint.ts';

/**
 * Figures of citizens' cases (pet-figures): received, resolved, resolved on time, complaints and denunciations to
 * resolve and resolved, and the resolution rate of seed 000 i2 (≥ 85 % a year), over a range of days, by province
 * or by commune. Definitions: server/src/modules/petitions/figures/figures.rules.ts.
 */
export const ZPetitionFiguresQuery = z.object({
  from: ZDate,
  to: ZDate,
  /** Rows by 2025 province, or by commune of the matter. */
  by: z.enum(['province', 'commune']).default('province'),
  /** Only the cases received by units under this unit (in scope). */
  unitId: ZId.optional(),
});
export type TPetitionFiguresQuery = z.infer<typeof ZPetitionFiguresQuery>;

export const ZPetitionFigureRow = z.object({
  /** Province or commune id; null: cases without a commune (by commune). */
  unitId: ZId.nullable(),
  name: z.string(),
  received: z.number().int(),
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  /** Complaints and denunciations received that are the unit's to resolve. */
  kdToResolve: z.number().int(),
  kdResolved: z.number().int(),
  /** 100 × kdResolved / kdToResolve, one decimal; null when nothing was to resolve. */
  resolutionRate: z.number().nullable(),
});
export type TPetitionFigureRow = z.infer<typeof ZPetitionFigureRow>;

export const ZPetitionFigures = z.object({
  from: ZDate,
  to: ZDate,
  by: z.enum(['province', 'commune']),
  /** The seed's target of the resolution rate (percent). */
  target: z.number(),
  rows: z.array(ZPetitionFigureRow),
  total: ZPetitionFigureRow,
});
export type TPetitionFigures = z.infer<typeof ZPetitionFigures>;

export const petitionFigureEndpoints = {
  figures: endpoint({
    method: 'GET',
    path: '/api/petition-figures',
    summary: 'Figures of cases over a range of days by province or commune: received, resolved, on time, resolution rate of complaints and denunciations',
    query: ZPetitionFiguresQuery,
    response: ZPetitionFigures,
  }),
};
