import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Actor } from '#server/shared/actor.ts';
import { notFound } from '#server/shared/errors.ts';
import { findCampaign, findCampaignParts } from '../campaigns/index.ts';

/** What the commitments need of a campaign: its province, unit, period and commitments (in their order). */
export interface CommitmentCampaign {
  id: number;
  provinceId: number;
  unitId: number;
  unitLevel: string;
  unitPath: string;
  title: string;
  year: number;
  startsOn: string;
  endsOn: string;
  commitments: { id: number; code: string; title: string }[];
}

/** The campaign when the actor reads it (its unit in or above the actor's scope, emu-core's rule), else 404. */
export async function readableCampaign(db: Kysely<DB>, actor: Actor, campaignId: number): Promise<CommitmentCampaign> {
  const row = await findCampaign(db, actor.scope, campaignId);
  if (!row) throw notFound('entity.emulationCampaign');
  const parts = await findCampaignParts(db, { province_id: Number(row.province_id), id: Number(row.id) });
  return {
    id: Number(row.id),
    provinceId: Number(row.province_id),
    unitId: Number(row.unit_id),
    unitLevel: row.unit_level,
    unitPath: row.unit_path,
    title: row.title,
    year: Number(row.year),
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    commitments: parts.commitments.map((c) => ({ id: Number(c.id), code: c.code, title: c.title })),
  };
}
