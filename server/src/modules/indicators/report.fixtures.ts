import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { findProvinceIds } from './totals.repository.ts';

let serial = 0;

/**
 * A data set owned and reported by the commune, one element with a value and the report of a period the commune
 * existed in, for the foreign-scope test: another commune or province must get 404 for each.
 */
export async function reportScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const tag = `${process.pid % 1000}_${unitId}_${++serial}`;
  const unit = await db.selectFrom('admin_unit').select(['valid_to']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const period = unit.valid_to === null ? '202601' : '202501';
  const combo = await db.selectFrom('category_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
  const coc = await db.selectFrom('category_option_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
  const dataSet = await db
    .insertInto('data_set')
    .values({ code: `FX_${tag}`, name: `Biểu mẫu thử ${tag}`, period_type: 'monthly', due_days: 5, lock_days: 10, owner_unit_id: unitId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const element = await db
    .insertInto('data_element')
    .values({ code: `FXE_${tag}`, name: `Chỉ tiêu thử ${tag}`, short_name: 'Chỉ tiêu thử', value_type: 'integer', aggregation: 'sum', unit_of_measure: null, combo_id: combo.id, derived_code: null, owner_unit_id: unitId, dhis2_uid: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('data_set_element').values({ data_set_id: dataSet.id, data_element_id: element.id, section: null }).execute();
  await db.insertInto('data_set_assignment').values({ data_set_id: dataSet.id, level: null, unit_id: unitId }).execute();
  const provinceId = (await findProvinceIds(db, [unitId])).get(unitId) as number;
  const reportId = uuidv7();
  const at = new Date();
  await db.insertInto('report').values({ id: reportId, province_id: provinceId, unit_id: unitId, data_set_id: dataSet.id, period, holder_unit_id: unitId, created_at: at }).execute();
  await db
    .insertInto('data_value')
    .values({ id: uuidv7(), province_id: provinceId, unit_id: unitId, period, data_element_id: element.id, coc_id: coc.id, num: 7, txt: null, comment: null, version: 1, stored_by: 1, stored_at: at, created_at: at })
    .execute();
  const form = { dataSetId: dataSet.id, unitId, period };
  return {
    '/api/indicators/data-sets/:id': { id: dataSet.id },
    '/api/indicators/forms/:dataSetId': form,
    '/api/indicators/reports/:id': { id: reportId },
    '/api/indicators/completeness': form,
    '/api/indicators/values/history': { unitId, period, dataElementId: element.id, cocId: coc.id },
  };
}
