import { sql } from 'kysely';
import { pgArray } from '#server/db/pg-array.ts';
import type { Database } from '#server/db/database.ts';
import type { RollupView } from '#server/db/schema.ts';

/** One place a unit's value is added up: the target unit, in which view, with what share (< 1 for a split). */
export interface RollupTarget {
  view: RollupView;
  targetId: number;
  share: number;
  provinceId: number;
}

/**
 * Rollup targets of each unit (unit_rollup_targets(), reference tables only), with the target's 2025 province.
 * Callers keep the map for one batch: units change rarely, but a process-wide cache would go stale across
 * app processes (SCALE.md rule 7).
 */
export async function findRollupTargets(db: Database, unitIds: readonly number[]): Promise<Map<number, RollupTarget[]>> {
  const result = new Map<number, RollupTarget[]>(unitIds.map((id) => [id, []]));
  if (unitIds.length === 0) return result;
  // The inlined recursive walk is costed high (≈ 1,000 per unit), so a batch of ~100 units crosses
  // jit_above_cost and PostgreSQL spends ~70 ms compiling a 10 ms query: no JIT for this statement.
  await sql`set local jit = off`.execute(db);
  const rows = await sql<{ unit_id: number; view: RollupView; target_id: number; share: number; province_id: number }>`
    select u.id as unit_id, t.view, t.target_id, t.share, unit_province_id(t.target_id) as province_id
    from unnest(${[...unitIds]}::bigint[]) as u(id)
    cross join lateral unit_rollup_targets(u.id) t`.execute(db);
  await sql`set local jit to default`.execute(db);
  for (const row of rows.rows) {
    result.get(Number(row.unit_id))?.push({ view: row.view, targetId: Number(row.target_id), share: Number(row.share), provinceId: Number(row.province_id) });
  }
  return result;
}

/** The 2025 province of each unit (SCALE.md rule 1). */
export async function findProvinceIds(db: Database, unitIds: readonly number[]): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await sql<{ id: number; province_id: number }>`
    select u.id, unit_province_id(u.id) as province_id from unnest(${[...unitIds]}::bigint[]) as u(id)`.execute(db);
  return new Map(rows.rows.map((row) => [Number(row.id), Number(row.province_id)]));
}

/** A change to one data_total row. */
export interface TotalDelta {
  provinceId: number;
  view: RollupView;
  unitId: number;
  period: string;
  dataElementId: number;
  cocId: number;
  sum: number;
  apportioned: number;
  nValues: number;
}

/**
 * Adds the deltas to data_total in one statement; rows come sorted by key so two writers lock hot rows (a
 * province's total) in the same order and never deadlock.
 */
export async function applyTotalDeltas(db: Database, deltas: readonly TotalDelta[]): Promise<void> {
  const rows = deltas.filter((d) => d.sum !== 0 || d.apportioned !== 0 || d.nValues !== 0);
  if (rows.length === 0) return;
  rows.sort(compareDelta);
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await sql`
      insert into data_total as t (province_id, view, unit_id, period, data_element_id, coc_id, sum, apportioned, n_values)
      select * from unnest(${pgArray(chunk.map((d) => d.provinceId))}::bigint[], ${pgArray(chunk.map((d) => d.view))}::text[],
        ${pgArray(chunk.map((d) => d.unitId))}::bigint[], ${pgArray(chunk.map((d) => d.period))}::text[], ${pgArray(chunk.map((d) => d.dataElementId))}::bigint[],
        ${pgArray(chunk.map((d) => d.cocId))}::bigint[], ${pgArray(chunk.map((d) => d.sum))}::numeric[], ${pgArray(chunk.map((d) => d.apportioned))}::numeric[],
        ${pgArray(chunk.map((d) => d.nValues))}::int[])
      on conflict (province_id, view, unit_id, data_element_id, period, coc_id) do update
        set sum = t.sum + excluded.sum, apportioned = t.apportioned + excluded.apportioned, n_values = t.n_values + excluded.n_values`.execute(db);
  }
}

function compareDelta(a: TotalDelta, b: TotalDelta): number {
  return (
    a.provinceId - b.provinceId ||
    a.view.localeCompare(b.view) ||
    a.unitId - b.unitId ||
    a.dataElementId - b.dataElementId ||
    a.period.localeCompare(b.period) ||
    a.cocId - b.cocId
  );
}

/**
 * Recomputes data_total of the values of one province from scratch (bench seed, after a change of units or
 * succession, and the test that proves the incremental path). Values of text and non-summed elements are skipped.
 */
export async function rebuildTotals(db: Database, provinceId: number): Promise<void> {
  await sql`delete from data_total where province_id = ${provinceId}`.execute(db);
  // materialized: inlined, the planner may evaluate unit_rollup_targets() (a recursive walk) once per value
  // instead of once per unit when it underestimates data_value (fresh rows not analysed yet: the bench seed)
  await sql`
    with units as materialized (select distinct unit_id from data_value where province_id = ${provinceId}),
    targets as materialized (
      select u.unit_id, t.view, t.target_id, t.share, unit_province_id(t.target_id) as target_province
      from units u cross join lateral unit_rollup_targets(u.unit_id) t
    )
    insert into data_total as dt (province_id, view, unit_id, period, data_element_id, coc_id, sum, apportioned, n_values)
    select r.target_province, r.view, r.target_id, p.period, v.data_element_id, v.coc_id,
           sum(v.num * r.share), sum(case when r.share < 1 then v.num * r.share else 0 end), count(*)
    from data_value v
    join data_element e on e.id = v.data_element_id and e.aggregation = 'sum'
    join targets r on r.unit_id = v.unit_id
    -- the value's period and its year's rollup (totals.rules.ts yearRollup)
    cross join lateral (values (v.period), ('Y' || left(v.period, 4))) as p(period)
    where v.province_id = ${provinceId} and not v.deleted and v.num is not null
    group by 1, 2, 3, 4, 5, 6
    on conflict (province_id, view, unit_id, data_element_id, period, coc_id) do update
      set sum = dt.sum + excluded.sum, apportioned = dt.apportioned + excluded.apportioned, n_values = dt.n_values + excluded.n_values`.execute(db);
}
