import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { insertCampaign, replaceCampaignParts } from './campaign.repository.ts';

/** A campaign of the commune with a commitment, for the foreign-scope test. */
export async function campaignScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const campaign = await insertCampaign(db, {
    unit_id: unitId,
    programme_id: null,
    code: `DVK-${unitId}`,
    title: `Dân vận khéo thử ${unitId}`,
    year: 2026,
    starts_on: '2026-01-01',
    ends_on: '2026-12-31',
    level: 'commune',
    themes: [],
    purpose: null,
    status: 'active',
    pack_code: null,
    pack_version: null,
    search_text: `dvk-${unitId} dan van kheo thu ${unitId}`,
    created_by: null,
  });
  await replaceCampaignParts(db, campaign, {
    commitments: [{ code: 'K1', title: 'Không gây phiền hà', appendix: null }],
    criteria: [],
    bodyTasks: [],
    milestones: [],
    participants: [],
  });
  return { '/api/emulation/campaigns/:id': { id: campaign.id }, '/api/emulation/campaigns': { unitId } };
}
