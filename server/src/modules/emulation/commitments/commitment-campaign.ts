import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Actor } from '#server/shared/actor.ts';
import { notFound } from '#server/shared/errors.ts';
import { findCampaignForParts, type CampaignForParts } from '../index.ts';

/** What the commitments need of a campaign: its province, unit, period and commitments (in their order). */
export type CommitmentCampaign = CampaignForParts;

/** The campaign when the actor reads it (launched in or above the actor's scope: the campaigns' rule), else 404. */
export async function readableCampaign(db: Kysely<DB>, actor: Actor, campaignId: number): Promise<CommitmentCampaign> {
  const campaign = await findCampaignForParts(db, actor.scope, campaignId);
  if (!campaign) throw notFound('entity.emulationCampaign');
  return campaign;
}
