import { sql } from 'kysely';
import type { Database } from '#server/db/database.ts';

/** The data element of a derived value, as the registry declares it. */
export interface DerivedElementSpec {
  derivedCode: string;
  code: string;
  name: string;
  valueType: 'integer' | 'yes_no' | 'number';
  unitOfMeasure: string | null;
}

/**
 * One data element per derived value (national: no owner; default disaggregation; summed; zeros not stored).
 * Inserted when missing, renamed when the registry's name changed, otherwise left alone; two processes starting
 * at once both end with the same single row (an advisory lock orders them; the second insert is then a no-op). An
 * entered element already holding the code is a startup error (unique code), never silently taken over.
 */
export async function upsertDerivedElements(db: Database, specs: readonly DerivedElementSpec[]): Promise<void> {
  if (specs.length === 0) return;
  // two processes inserting the same new row at once: ON CONFLICT (derived_code) cannot arbitrate a clash on the
  // other unique key (code), so the second waits for the first here (transaction-level lock, SCALE rule 6)
  await sql`select pg_advisory_xact_lock(hashtext('indicators.derived-elements'))`.execute(db);
  await sql`
    insert into data_element as e (code, name, short_name, value_type, aggregation, unit_of_measure, combo_id, zero_significant, source, derived_code, owner_unit_id)
    select s.code, s.name, s.name, s.value_type, 'sum', s.unit_of_measure, (select id from category_combo where code = 'default'), false, 'derived', s.derived_code, null
    from unnest(${specs.map((s) => s.code)}::text[], ${specs.map((s) => s.name)}::text[], ${specs.map((s) => s.valueType)}::text[],
                ${specs.map((s) => s.unitOfMeasure)}::text[], ${specs.map((s) => s.derivedCode)}::text[])
      as s(code, name, value_type, unit_of_measure, derived_code)
    order by s.derived_code
    on conflict (derived_code) do update
      set name = excluded.name, short_name = excluded.short_name, unit_of_measure = excluded.unit_of_measure
      where (e.name, e.unit_of_measure) is distinct from (excluded.name, excluded.unit_of_measure)`.execute(db);
}

/** Derived data elements by derived code (all of them when `codes` is omitted), with the default option combo. */
export async function findDerivedElements(db: Database, codes?: readonly string[]) {
  if (codes && codes.length === 0) return [];
  let query = db
    .selectFrom('data_element as e')
    .innerJoin('category_option_combo as coc', (join) => join.onRef('coc.combo_id', '=', 'e.combo_id').on('coc.code', '=', 'default'))
    .select(['e.id', 'e.code', 'e.derived_code', 'e.name', 'e.value_type', 'e.unit_of_measure', 'coc.id as coc_id'])
    .where('e.source', '=', 'derived');
  if (codes) query = query.where('e.derived_code', 'in', [...codes]);
  const rows = await query.orderBy('e.derived_code').execute();
  return rows.map((row) => ({ ...row, derived_code: row.derived_code as string }));
}

export type DerivedElementRow = Awaited<ReturnType<typeof findDerivedElements>>[number];

/**
 * The units of `level` that hold each of these units (the unit itself when it is of that level), each with its
 * 2025 province; units above the level map to nothing.
 */
export async function unitsAtLevel(db: Database, unitIds: readonly number[], level: 'village' | 'commune' | 'province') {
  if (unitIds.length === 0) return [];
  const rows = await sql<{ id: number; province_id: number }>`
    select distinct a.id, unit_province_id(a.id) as province_id
    from admin_unit u join admin_unit a on a.path @> u.path and a.level = ${level}
    where u.id = any(${[...unitIds]}::bigint[])
    order by a.id`.execute(db);
  return rows.rows.map((row) => ({ unitId: Number(row.id), provinceId: Number(row.province_id) }));
}

/**
 * Serialises the refreshes of one derived element in one province until the transaction ends: the later one
 * computes after the earlier one committed, so two writers never leave a value computed from a stale snapshot.
 * (Writes of one province already queue on its total row; this costs no extra concurrency.)
 */
export async function lockDerived(db: Database, elementId: number, provinceId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`derived:${elementId}:${provinceId}`}, 0))`.execute(db);
}
