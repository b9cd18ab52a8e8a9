import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { defaultComboId, insertDataElement, insertDataSet, insertIndicator } from './metadata-write.repository.ts';

/**
 * For the foreign-scope test: a data set and an indicator owned by the fixture's unit (a commune), so a user of
 * another province, or of a sibling commune, must get 404 for them while the unit's own users see them.
 */
export async function indicatorScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const tag = `FX_${unitId}_${Date.now() % 1e9}_${Math.floor(Math.random() * 1e6)}`;
  const elementId = await insertDataElement(db, {
    code: `${tag}_DE`,
    dhis2_uid: null,
    name: `Chỉ tiêu thử ${tag}`,
    short_name: `Chỉ tiêu thử ${tag}`,
    value_type: 'integer',
    aggregation: 'sum',
    unit_of_measure: null,
    combo_id: await defaultComboId(db),
    derived_code: null,
    owner_unit_id: unitId,
  });
  const dataSetId = await insertDataSet(db, {
    dataSet: { code: `${tag}_DS`, dhis2_uid: null, name: `Biểu mẫu thử ${tag}`, period_type: 'monthly', due_days: 5, lock_days: 15, owner_unit_id: unitId },
    elements: [{ dataElementId: elementId, section: null, required: false }],
    levels: ['village'],
    unitIds: [],
    rules: [],
  });
  const indicatorId = await insertIndicator(db, {
    code: `${tag}_IN`,
    dhis2_uid: null,
    name: `Chỉ số thử ${tag}`,
    description: null,
    numerator: `#{${tag}_DE}`,
    denominator: '1',
    factor: 1,
    decimals: 0,
    unit_of_measure: null,
    target: null,
    target_direction: null,
    owner_unit_id: unitId,
  });
  return { '/api/indicators/data-sets/:id': { id: dataSetId }, '/api/indicators/indicators/:id': { id: indicatorId } };
}
