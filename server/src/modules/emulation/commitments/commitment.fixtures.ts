import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { insertBreach, insertCount, provinceOf } from './commitment.repository.ts';

/**
 * A campaign of the commune with one commitment, a count (registered by households) and a breach, for the
 * foreign-scope test: the commune's own campaign, so another commune reads neither it nor its counts.
 */
export async function commitmentScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const provinceId = await provinceOf(db, unitId);
  const code = `CK-${uuidv7().slice(-8)}`;
  const campaign = await db
    .insertInto('emulation_campaign')
    .values({
      province_id: provinceId,
      unit_id: unitId,
      code,
      title: 'Phong trào thử',
      year: 2026,
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
      level: 'commune',
      search_text: code.toLowerCase(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const campaignId = Number(campaign.id);
  const commitment = await db
    .insertInto('emulation_commitment')
    .values({ province_id: provinceId, campaign_id: campaignId, code: 'K1', position: 1, title: 'Không xả rác thải nhựa' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const key = { provinceId, campaignId, unitId, commitmentId: Number(commitment.id), registrantKind: 'household' as const, organizationId: null };
  const countId = uuidv7();
  await insertCount(db, countId, uuidv7(), key, { registered: 120, eligible: 150, source: 'demo', reason: null, userId: null, at: new Date() });
  await insertBreach(db, {
    id: uuidv7(),
    province_id: provinceId,
    campaign_id: campaignId,
    commitment_id: Number(commitment.id),
    unit_id: unitId,
    registrant_kind: 'household',
    organization_id: null,
    occurred_on: '2026-01-10',
    reported_on: '2026-01-11',
    description: 'Vi phạm thử',
    reported_by: null,
    created_by: null,
    created_at: new Date(),
  });
  const list = { campaignId, unitId };
  return {
    '/api/emulation/commitment-counts/:id/history': { id: countId },
    '/api/emulation/commitment-counts': list,
    '/api/emulation/commitment-counts/template.xlsx': list,
    '/api/emulation/commitment-breaches': list,
    '/api/emulation/commitment-figures': list,
  };
}
