import { msg } from '#server/shared/messages.ts';
import type { DerivedValue } from '#server/shared/module.ts';
import { listUnitsOfLevel } from './unit-derived.repository.ts';

/** Which derived values a change of villages moves (the organizations module touches its own). */
export const VILLAGES_DERIVED = 'units.villages';

/**
 * 1 per village valid on the day: summed, the number of villages of a unit, the denominator of "Tỷ lệ thôn có
 * Tổ dân vận" (#{ORG_VILLAGES_WITH_TEAM} / #{UNITS_VILLAGES} × 100).
 */
export const villagesDerived: DerivedValue = {
  code: VILLAGES_DERIVED,
  name: msg('indicators.derived.villages'),
  valueType: 'integer',
  level: 'village',
  unitOfMeasure: msg('indicators.derived.unitVillage'),
  compute: async (db, { provinceId, asOf, unitIds }) =>
    (await listUnitsOfLevel(db, { provinceId, level: 'village', asOf, unitIds })).map((unitId) => ({ unitId, value: 1 })),
};
