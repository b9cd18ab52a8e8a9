import type { Database } from '#server/db/database.ts';

/** The stored derived value of a unit for a period (as the indicators module keeps it), 0 when none (no zeros are kept). */
export async function storedDerivedValue(db: Database, unitId: number, code: string, period: string): Promise<number> {
  const row = await db
    .selectFrom('data_value as v')
    .innerJoin('data_element as e', 'e.id', 'v.data_element_id')
    .select('v.num')
    .where('v.unit_id', '=', unitId)
    .where('e.derived_code', '=', code)
    .where('v.period', '=', period)
    .where('v.deleted', '=', false)
    .executeTakeFirst();
  return Number(row?.num ?? 0);
}

/** The province's figure of a derived value for a period, as a dashboard reads it (data_total, current view). */
export async function provinceDerivedTotal(db: Database, provinceId: number, code: string, period: string): Promise<number> {
  const row = await db
    .selectFrom('data_total as t')
    .innerJoin('data_element as e', 'e.id', 't.data_element_id')
    .select('t.sum')
    .where('t.province_id', '=', provinceId)
    .where('t.view', '=', 'current')
    .where('t.unit_id', '=', provinceId)
    .where('e.derived_code', '=', code)
    .where('t.period', '=', period)
    .executeTakeFirst();
  return Number(row?.sum ?? 0);
}
