import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { findCampaign, findCampaignParts } from './campaign.repository.ts';

/** A campaign as the other parts of emulation need it: who launched it, its period, commitments and criteria. */
export interface CampaignForParts {
  id: number;
  provinceId: number;
  unitId: number;
  unitPath: string;
  unitLevel: string;
  title: string;
  year: number;
  startsOn: string;
  endsOn: string;
  status: 'draft' | 'active' | 'closed';
  /** The actor's scope holds the launching unit (may manage it); false for a unit below reading it. */
  inScope: boolean;
  commitments: { id: number; code: string; title: string }[];
  criteria: { id: number; appliesTo: 'general' | 'collective' | 'individual'; code: string; text: string; scoring: 'weight' | 'pass_fail'; weight: number | null; maxScore: number | null }[];
}

/**
 * The campaign `id` if the actor may read it (launched in or above the scope), else undefined: models name their
 * campaign, the review builds its scoring sheet from the criteria, commitments count per commitment.
 */
export async function findCampaignForParts(db: Kysely<DB>, scope: Scope, id: number): Promise<CampaignForParts | undefined> {
  const row = await findCampaign(db, scope, id);
  if (!row) return undefined;
  const parts = await findCampaignParts(db, row);
  return {
    id: row.id,
    provinceId: row.province_id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    unitLevel: row.unit_level,
    title: row.title,
    year: row.year,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    inScope: row.in_scope,
    commitments: parts.commitments.map(({ id: commitmentId, code, title }) => ({ id: commitmentId, code, title })),
    criteria: parts.criteria.map((c) => ({
      id: c.id,
      appliesTo: c.applies_to,
      code: c.code,
      text: c.text,
      scoring: c.scoring,
      weight: c.weight === null ? null : Number(c.weight),
      maxScore: c.max_score === null ? null : Number(c.max_score),
    })),
  };
}
