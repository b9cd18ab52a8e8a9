import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { clock } from '#server/shared/clock.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { insertModel, insertStep, provinceOfUnit } from './model.repository.ts';

/** A collective model of the commune (owned by the commune itself), for the foreign-scope test. */
export async function modelScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const provinceId = await provinceOfUnit(db, unitId);
  if (provinceId === null) return {};
  const id = uuidv7();
  const now = clock.now();
  const title = `Mô hình thử ${unitId}`;
  await db.transaction().execute(async (trx) => {
    await insertModel(trx, {
      id, province_id: provinceId, unit_id: unitId, kind: 'collective', field: 'economy', owner_unit_id: unitId, title, summary: 'Nội dung thử',
      figures: '[]', started_on: clock.today(), search_text: foldVi(title), created_at: now, updated_at: now,
    });
    await insertStep(trx, { id: uuidv7(), province_id: provinceId, model_id: id, seq: 1, step: 'registered', to_status: 'registered', on_date: clock.today(), at: now });
  });
  return { '/api/emulation/models/:id': { id }, '/api/emulation/models/:id/recognisers': { id, level: 'commune', onDate: clock.today() } };
}
