import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { insertItems, insertNomination, insertSheet } from './review.repository.ts';

/**
 * For the foreign-scope test: a campaign of the unit with a scoring sheet, a model of the unit and its nomination
 * to the unit's parent (written directly: the fixture only needs rows owned by the unit, not the nomination rules).
 */
export async function reviewScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const unit = await db.selectFrom('admin_unit').select(['id', 'parent_id']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const provinceId = (await sql<{ id: number }>`select unit_province_id(${unitId}::bigint) as id`.execute(db)).rows[0]?.id as number;
  const campaign = await db
    .insertInto('emulation_campaign')
    .values({
      province_id: provinceId, unit_id: unitId, code: `REVIEW-${unitId}`, title: `Bình xét thử ${unitId}`, year: 2026,
      starts_on: '2026-01-01', ends_on: '2026-12-31', level: 'commune', search_text: `binh xet thu ${unitId}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sheetId = await insertSheet(db, { province_id: provinceId, campaign_id: campaign.id, pass_percent: 80, created_by: null });
  await insertItems(db, provinceId, sheetId, [
    { criterion_id: null, applies_to: 'general', code: '1', text: 'Tạo đồng thuận', scoring: 'weight', weight: 100, max_score: 10, position: 1 },
  ]);
  const modelId = uuidv7();
  const now = new Date();
  await db
    .insertInto('emulation_model')
    .values({ id: modelId, province_id: provinceId, unit_id: unitId, campaign_id: campaign.id, kind: 'collective', field: 'economy', title: 'Mô hình thử', search_text: 'mo hinh thu', created_at: now, updated_at: now })
    .execute();
  const id = uuidv7();
  if (unit.parent_id !== null) {
    await insertNomination(db, { id, province_id: provinceId, campaign_id: campaign.id, sheet_id: sheetId, model_id: modelId, unit_id: unitId, to_unit_id: unit.parent_id, kind: 'collective', note: null, created_by: null });
  }
  return {
    '/api/emulation/campaigns/:campaignId/review-sheet': { campaignId: campaign.id },
    '/api/emulation/campaigns/:campaignId/nominations': { campaignId: campaign.id },
    '/api/emulation/campaigns/:campaignId/nominable': { campaignId: campaign.id },
    ...(unit.parent_id !== null ? { '/api/emulation/nominations/:id': { id } } : {}),
  };
}
