import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';

/**
 * For the foreign-scope test: a monthly commune-level data set owned by the fixture commune's province (the root of
 * its path), and a period the commune reports (the month it ended in, or January 2026), so the commune's own users
 * download its template while users of another province or a sibling commune get 404.
 */
export async function excelScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const unit = await db.selectFrom('admin_unit').select(['path', 'valid_from', 'valid_to']).where('id', '=', unitId).executeTakeFirstOrThrow();
  const ownerId = Number(unit.path.split('.')[0]);
  const period = unit.valid_to ? unit.valid_to.slice(0, 7).replace('-', '') : unit.valid_from && unit.valid_from > '2026-01-31' ? unit.valid_from.slice(0, 7).replace('-', '') : '202601';
  const tag = `XF_${unitId}_${Date.now() % 1e9}_${Math.floor(Math.random() * 1e6)}`;
  const combo = await db.selectFrom('category_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
  const element = await db
    .insertInto('data_element')
    .values({ code: `${tag}_DE`, dhis2_uid: null, name: `Chỉ tiêu thử ${tag}`, short_name: 'Chỉ tiêu thử', value_type: 'integer', aggregation: 'sum', unit_of_measure: null, combo_id: combo.id, derived_code: null, owner_unit_id: ownerId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dataSet = await db
    .insertInto('data_set')
    .values({ code: `${tag}_DS`, name: `Biểu mẫu thử ${tag}`, period_type: 'monthly', due_days: 5, lock_days: 15, owner_unit_id: ownerId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('data_set_element').values({ data_set_id: dataSet.id, data_element_id: element.id, section: null, sort: 0 }).execute();
  await db.insertInto('data_set_assignment').values({ data_set_id: dataSet.id, level: 'commune', unit_id: null }).execute();
  const query = { dataSetId: dataSet.id, unitId, period };
  return { '/api/indicators/forms/:dataSetId/template.xlsx': query, '/api/indicators/forms/:dataSetId': query };
}
