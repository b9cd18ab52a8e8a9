import type { Database } from '#server/db/database.ts';
import type { PeriodTypeColumn, ValueType } from '#server/db/schema.ts';

let counter = 0;
const tag = () => `${process.pid % 1000}_${++counter}`;

export interface TestElement {
  id: number;
  code: string;
  /** The element's default disaggregation (or the first option combo of its combo). */
  cocId: number;
}

/** The option combo 'default' (DHIS2's HllvX50cXC0). */
export async function defaultCocId(db: Database): Promise<number> {
  const row = await db.selectFrom('category_option_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A data set owned by `ownerUnitId` with its elements (all on the default combo), assigned to a level;
 * defaults: monthly, communes, due 5 days, lock 15 days, two integer summed elements.
 */
export async function buildDataSet(
  db: Database,
  ownerUnitId: number,
  overrides: Partial<{
    periodType: PeriodTypeColumn;
    level: 'province' | 'district' | 'commune' | 'village';
    dueDays: number;
    lockDays: number;
    elements: { valueType: ValueType; aggregation?: 'sum' | 'none'; name?: string }[];
  }> = {},
) {
  const t = tag();
  const coc = await defaultCocId(db);
  const combo = await db.selectFrom('category_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
  const dataSet = await db
    .insertInto('data_set')
    .values({
      code: `DS_${t}`,
      name: `Báo cáo thử ${t}`,
      period_type: overrides.periodType ?? 'monthly',
      due_days: overrides.dueDays ?? 5,
      lock_days: overrides.lockDays ?? 15,
      owner_unit_id: ownerUnitId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('data_set_assignment').values({ data_set_id: dataSet.id, level: overrides.level ?? 'commune', unit_id: null }).execute();
  const specs = overrides.elements ?? [{ valueType: 'integer' }, { valueType: 'integer' }];
  const elements: TestElement[] = [];
  for (const [i, spec] of specs.entries()) {
    const code = `DE_${t}_${i + 1}`;
    const aggregation = spec.aggregation ?? (spec.valueType === 'text' || spec.valueType === 'percentage' ? 'none' : 'sum');
    const row = await db
      .insertInto('data_element')
      .values({
        code,
        name: spec.name ?? `Chỉ tiêu ${i + 1}`,
        short_name: spec.name ?? `Chỉ tiêu ${i + 1}`,
        value_type: spec.valueType,
        aggregation,
        unit_of_measure: null,
        combo_id: combo.id,
        derived_code: null,
        owner_unit_id: ownerUnitId,
        dhis2_uid: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('data_set_element').values({ data_set_id: dataSet.id, data_element_id: row.id, section: null, sort: i }).execute();
    elements.push({ id: row.id, code, cocId: coc });
  }
  return { id: dataSet.id, code: `DS_${t}`, elements };
}
