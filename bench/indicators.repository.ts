import { sql } from 'kysely';
import { copyText } from '#server/db/copy.ts';
import type { Database } from '#server/db/database.ts';
import type { RollupView } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned, validOn } from '#server/shared/scope.ts';
import type { RawClient } from './db.ts';

/**
 * The reads of the indicators benchmark. `readChildTotals` is the dashboard's read of maintained totals, written
 * as the dashboard repository does it (server/src/modules/indicators/dashboard.repository.ts on the dashboard
 * branch: `findChildUnits` + `sumTotals`): children of the unit on `asOf`, then data_total of the children and
 * the unit for a few elements and periods, every filter on a primary-key column. `RAW_CHILD_SUMS` is the
 * baseline the issue names: the same sums straight from data_value ⋈ admin_unit (ltree subtree, group by child).
 */

/** One operand total per (child, element, option combo), summed over the periods. */
export interface ChildSum {
  unitId: number;
  dataElementId: number;
  cocId: number;
  sum: number;
  nValues: number;
}

export interface DashboardArgs {
  /** null = the nation (its children are the provinces). */
  parentId: number | null;
  /** The 2025 province of the parent (its data_total rows); unused for the nation. */
  provinceId: number | null;
  asOf: string;
  view: RollupView;
  elementIds: readonly number[];
  periods: readonly string[];
}

/** Children on `asOf` in the scope (as the dashboard lists them: name, code, units below), with their 2025 province. */
export async function findChildren(db: Database, scope: Scope, parentId: number | null, asOf: string) {
  let query = db
    .selectFrom('admin_unit as u')
    .select([
      'u.id',
      'u.code',
      'u.full_name',
      'u.level',
      sql<number>`(select count(*)::int from admin_unit c where c.parent_id = u.id
        and (c.valid_from is null or c.valid_from <= ${asOf}::date) and (c.valid_to is null or c.valid_to >= ${asOf}::date))`.as('child_count'),
    ])
    .where(validOn('u', asOf))
    .where(inScope('u.path', scope))
    .orderBy('u.code')
    .orderBy('u.full_name');
  query = parentId === null ? query.where('u.parent_id', 'is', null) : query.where('u.parent_id', '=', parentId);
  const rows = await query.select(parentId === null ? sql<number>`unit_province_id(u.id)`.as('province_id') : sql<null>`null`.as('province_id')).execute();
  return rows.map((row) => ({ ...row, id: Number(row.id), province_id: row.province_id === null ? null : Number(row.province_id) }));
}

export interface TotalsFilter {
  /** The units and each one's 2025 province (the data_total partition of its rows). */
  units: readonly { unitId: number; provinceId: number }[];
  view: RollupView;
  elementIds: readonly number[];
  /** Period ids of one type, in order. */
  periods: readonly string[];
}

/**
 * data_total of these units, summed over the periods per unit, element and option combo: one index range scan per
 * (unit, element) on the primary key (province_id, view, unit_id, data_element_id, period, coc_id), the periods as
 * a range (`between` first and last: an index condition on PostgreSQL 15) checked exactly by `= any`. The scope is
 * checked once per unit on the outer side (each unit is read in scope before its totals); `unitOwned` inside the
 * lateral join would probe admin_unit once per totals row, which doubles the read (6,096 probes for a province's
 * 127 units × 2 elements × 12 months × 2 combos). In server code this form needs an entry in unit-owned.test.ts's
 * ALLOWED list ("totals of units read in scope by the outer join"). With plain `in` lists PostgreSQL 15 keeps the
 * element and period lists as filters and reads every period of every element of each unit (`sumChildTotalsInLists`).
 */
export async function sumChildTotals(db: Database, scope: Scope, filter: TotalsFilter): Promise<ChildSum[]> {
  if (filter.units.length === 0 || filter.elementIds.length === 0 || filter.periods.length === 0) return [];
  const keys = filter.units.flatMap((u) => filter.elementIds.map((e) => [u.unitId, u.provinceId, e] as const));
  const sorted = [...filter.periods].sort();
  const rows = await db
    .selectFrom(
      sql<{ unit_id: number; province_id: number; data_element_id: number }>`(select * from unnest(${keys.map((k) => k[0])}::bigint[],
        ${keys.map((k) => k[1])}::bigint[], ${keys.map((k) => k[2])}::bigint[]) as x(unit_id, province_id, data_element_id))`.as('k'),
    )
    .innerJoin('admin_unit as unit', 'unit.id', 'k.unit_id')
    .where(inScope('unit.path', scope))
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('data_total as t')
          .where(sql<boolean>`t.province_id = k.province_id and t.unit_id = k.unit_id and t.data_element_id = k.data_element_id`)
          .where('t.view', '=', filter.view)
          .where('t.period', '>=', sorted[0] as string)
          .where('t.period', '<=', sorted.at(-1) as string)
          .where(sql<boolean>`t.period = any(${sorted}::text[])`)
          .select(['t.coc_id', sql<number>`sum(t.sum)`.as('sum'), sql<number>`sum(t.n_values)::int`.as('n_values')])
          .groupBy('t.coc_id')
          .as('s'),
      (join) => join.onTrue(),
    )
    .select(['k.unit_id', 'k.data_element_id', 's.coc_id', 's.sum', 's.n_values'])
    .execute();
  return rows.map((row) => ({ unitId: Number(row.unit_id), dataElementId: Number(row.data_element_id), cocId: Number(row.coc_id), sum: Number(row.sum), nValues: row.n_values }));
}

/**
 * The same read with plain `in` lists (the form of `sumTotals` on the dashboard branch), measured for comparison:
 * on PostgreSQL 15 the planner keeps an ordered scan of (province_id, view, unit_id) and filters elements and periods.
 */
export async function sumChildTotalsInLists(db: Database, scope: Scope, filter: TotalsFilter): Promise<ChildSum[]> {
  if (filter.units.length === 0) return [];
  const rows = await unitOwned(db, 'data_total as t', 't.unit_id', scope)
    .where('t.province_id', 'in', [...new Set(filter.units.map((u) => u.provinceId))])
    .where('t.view', '=', filter.view)
    .where('t.unit_id', 'in', filter.units.map((u) => u.unitId))
    .where('t.data_element_id', 'in', [...filter.elementIds])
    .where('t.period', 'in', [...filter.periods])
    .select(['t.unit_id', 't.data_element_id', 't.coc_id', sql<number>`sum(t.sum)`.as('sum'), sql<number>`sum(t.n_values)::int`.as('n_values')])
    .groupBy(['t.unit_id', 't.data_element_id', 't.coc_id'])
    .execute();
  return rows.map((row) => ({ unitId: Number(row.unit_id), dataElementId: Number(row.data_element_id), cocId: Number(row.coc_id), sum: Number(row.sum), nValues: row.n_values }));
}

/** The units whose totals a dashboard table reads: the children (each with its province) and the unit itself. */
export function tableUnits(children: readonly { id: number; province_id: number | null }[], parent: { id: number; provinceId: number } | null) {
  return [
    ...children.map((c) => ({ unitId: c.id, provinceId: c.province_id ?? (parent?.provinceId as number) })),
    ...(parent ? [{ unitId: parent.id, provinceId: parent.provinceId }] : []),
  ];
}

/** The totals read of a dashboard table: children on asOf, then the totals of the children and the unit itself. */
export async function readChildTotals(db: Database, scope: Scope, args: DashboardArgs) {
  const children = await findChildren(db, scope, args.parentId, args.asOf);
  const parent = args.parentId === null ? null : { id: args.parentId, provinceId: args.provinceId as number };
  const sums = await sumChildTotals(db, scope, { units: tableUnits(children, parent), view: args.view, elementIds: args.elementIds, periods: args.periods });
  return { children, sums };
}

/**
 * The raw-SQL baseline: values of the subtree straight from data_value, grouped by the child they lie under
 * ($1 parent path, '' for the nation; $2 provinces; $3 elements; $4 periods).
 */
export const RAW_CHILD_SUMS = `
  select ltree2text(subpath(u.path, nlevel($1::ltree), 1))::bigint as unit_id, v.data_element_id, v.coc_id,
         sum(v.num) as sum, count(*)::int as n_values
  from data_value v join admin_unit u on u.id = v.unit_id
  where v.province_id = any($2::bigint[]) and v.data_element_id = any($3::bigint[]) and v.period = any($4::text[])
    and not v.deleted and v.num is not null and u.path <@ $1::ltree and nlevel(u.path) > nlevel($1::ltree)
  group by 1, 2, 3`;

export async function rawChildSums(
  raw: RawClient,
  args: { parentPath: string; provinceIds: readonly number[]; elementIds: readonly number[]; periods: readonly string[] },
): Promise<ChildSum[]> {
  const rows = await raw.query<{ unit_id: string | number; data_element_id: string | number; coc_id: string | number; sum: string | number; n_values: number }>(
    RAW_CHILD_SUMS,
    [args.parentPath, [...args.provinceIds], [...args.elementIds], [...args.periods]],
  );
  return rows.map((row) => ({ unitId: Number(row.unit_id), dataElementId: Number(row.data_element_id), cocId: Number(row.coc_id), sum: Number(row.sum), nValues: row.n_values }));
}

/** Ids and paths the benchmark needs, looked up once. */
export async function benchSubjects(raw: RawClient, codes: { monthlySet: string; indicator: string; received: string; resolved: string; user: string }) {
  const [row] = await raw.query<{
    data_set_id: string;
    owner_id: string;
    owner_name: string;
    owner_path: string;
    owner_communes: number;
    indicator_id: string;
    received_id: string;
    resolved_id: string;
    user_id: string | null;
    values: number;
  }>(
    `select s.id as data_set_id, o.id as owner_id, o.name as owner_name, o.path::text as owner_path,
            (select count(*)::int from admin_unit c where c.parent_id = o.id) as owner_communes,
            (select id from indicator where code = $2) as indicator_id,
            (select id from data_element where code = $3) as received_id,
            (select id from data_element where code = $4) as resolved_id,
            (select id from app_user where username = $5) as user_id,
            (select count(*)::int from (select 1 from data_value where province_id = o.id and data_element_id = (select id from data_element where code = $3) limit 1) x) as values
     from data_set s join admin_unit o on o.id = s.owner_unit_id where s.code = $1`,
    [codes.monthlySet, codes.indicator, codes.received, codes.resolved, codes.user],
  );
  if (!row || row.values === 0 || row.user_id === null) return null;
  const provinces = await raw.query<{ id: string; path: string }>(`select id, path::text as path from admin_unit where level = 'province' and structure = '2025' order by id`);
  return {
    dataSetId: Number(row.data_set_id),
    owner: { id: Number(row.owner_id), name: row.owner_name, path: row.owner_path, communes: row.owner_communes },
    indicatorId: Number(row.indicator_id),
    receivedId: Number(row.received_id),
    resolvedId: Number(row.resolved_id),
    userId: Number(row.user_id),
    provinceIds: provinces.map((p) => Number(p.id)),
  };
}

/** Option combos of an element's combo, in order. */
export async function elementCocs(raw: RawClient, elementId: number): Promise<number[]> {
  const rows = await raw.query<{ id: string }>(
    `select c.id from category_option_combo c join data_element e on e.combo_id = c.combo_id where e.id = $1 order by c.id`,
    [elementId],
  );
  return rows.map((row) => Number(row.id));
}

/** 2025 communes of the nation in id order, with their province (the import benchmark's reporting units). */
export async function listCommunes2025(raw: RawClient): Promise<{ id: number; provinceId: number }[]> {
  const rows = await raw.query<{ id: string; province_id: string }>(
    `select c.id, c.parent_id as province_id from admin_unit c where c.level = 'commune' and c.structure = '2025' order by c.id`,
  );
  return rows.map((row) => ({ id: Number(row.id), provinceId: Number(row.province_id) }));
}

/** The stored number of one cell (null: none). */
export async function cellValue(raw: RawClient, key: { provinceId: number; unitId: number; period: string; elementId: number; cocId: number }): Promise<number | null> {
  const [row] = await raw.query<{ num: string | null }>(
    `select num from data_value where province_id = $1 and unit_id = $2 and period = $3 and data_element_id = $4 and coc_id = $5 and not deleted`,
    [key.provinceId, key.unitId, key.period, key.elementId, key.cocId],
  );
  return row?.num === null || row?.num === undefined ? null : Number(row.num);
}

/**
 * Removes what the import benchmark wrote (these elements, periods `from`…`to`) in the given provinces: values and
 * their change rows, taken out of the totals of every rollup target (the period's and its year's, both views) as
 * the write path put them in; totals rows left empty in those periods are deleted. A year's rollup keeps the other
 * months' values (the import job writes months of this year).
 */
export async function removeImported(
  raw: RawClient,
  args: { provinceIds: readonly number[]; elementIds: readonly number[]; from: string; to: string },
): Promise<number> {
  let removed = 0;
  const years = ['Y' + args.from.slice(0, 4), 'Y' + args.to.slice(0, 4)];
  for (const provinceId of args.provinceIds) {
    const [row] = await raw.query<{ n: number }>(
      `with d as (delete from data_value where province_id = $1 and data_element_id = any($2::bigint[]) and period between $3 and $4
                  returning province_id, id, unit_id, period, data_element_id, coc_id, num, deleted),
       c as (delete from data_value_change x using d where x.province_id = d.province_id and x.data_value_id = d.id),
       counted as (select d.* from d join data_element e on e.id = d.data_element_id and e.aggregation = 'sum' where not d.deleted and d.num is not null),
       targets as (select u.unit_id, t.view, t.target_id, t.share, unit_province_id(t.target_id) as target_province
                   from (select distinct unit_id from counted) u cross join lateral unit_rollup_targets(u.unit_id) t),
       sums as (select r.target_province, r.view, r.target_id, p.period, v.data_element_id, v.coc_id,
                       sum(v.num * r.share) as s, sum(case when r.share < 1 then v.num * r.share else 0 end) as a, count(*)::int as n
                from counted v join targets r on r.unit_id = v.unit_id
                cross join lateral (values (v.period), ('Y' || left(v.period, 4))) as p(period)
                group by 1, 2, 3, 4, 5, 6),
       t as (update data_total dt set sum = dt.sum - sums.s, apportioned = dt.apportioned - sums.a, n_values = dt.n_values - sums.n
             from sums where dt.province_id = sums.target_province and dt.view = sums.view and dt.unit_id = sums.target_id
               and dt.data_element_id = sums.data_element_id and dt.period = sums.period and dt.coc_id = sums.coc_id)
       select count(*)::int as n from d`,
      [provinceId, [...args.elementIds], args.from, args.to],
    );
    await raw.query(
      `delete from data_total where province_id = $1 and view in ('entered', 'current')
         and unit_id in (select id from admin_unit where id = $1 or parent_id = $1)
         and data_element_id = any($2::bigint[])
         and (period between $3 and $4 or period between $5 and $6) and n_values = 0`,
      [provinceId, [...args.elementIds], args.from, args.to, ...years],
    );
    removed += row?.n ?? 0;
  }
  return removed;
}

/** The server process of the connection (PostgreSQL), to read its CPU time from /proc. */
export async function backendPid(db: Database): Promise<number> {
  const result = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  return Number(result.rows[0]?.pid);
}

/** Ids of the elements of a data set. */
export async function dataSetElements(raw: RawClient, dataSetId: number): Promise<{ id: number; cocIds: number[] }[]> {
  const rows = await raw.query<{ id: string; coc_ids: string[] }>(
    `select e.id, array_agg(c.id order by c.id)::text[] as coc_ids
     from data_set_element dse join data_element e on e.id = dse.data_element_id
     join category_option_combo c on c.combo_id = e.combo_id
     where dse.data_set_id = $1 group by e.id, dse.sort order by dse.sort`,
    [dataSetId],
  );
  return rows.map((row) => ({ id: Number(row.id), cocIds: row.coc_ids.map(Number) }));
}

/** Codes of a data set's cells (element code × option combo code) for a DHIS2 file by CODE. */
export async function dataSetCellCodes(raw: RawClient, dataSetId: number): Promise<{ element: string; coc: string }[]> {
  const rows = await raw.query<{ element: string; coc: string }>(
    `select e.code as element, c.code as coc
     from data_set_element dse join data_element e on e.id = dse.data_element_id
     join category_option_combo c on c.combo_id = e.combo_id
     where dse.data_set_id = $1 order by dse.sort, c.id`,
    [dataSetId],
  );
  return rows;
}

/** Codes of the 2025 communes, in id order. */
export async function listCommuneCodes2025(raw: RawClient): Promise<string[]> {
  const rows = await raw.query<{ code: string }>(`select code from admin_unit where level = 'commune' and structure = '2025' order by id`);
  return rows.map((row) => row.code);
}

/** Process ids of the backends connected to this database (the app's pool and the raw client). */
export async function backendPids(raw: RawClient): Promise<number[]> {
  const rows = await raw.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database()`);
  return rows.map((row) => Number(row.pid));
}

/** A new value for the raw set-based write: its id, key, number and change id (a province's commune of 2025). */
export interface RawNewValue {
  id: string;
  provinceId: number;
  unitId: number;
  period: string;
  elementId: number;
  cocId: number;
  num: number;
  changeId: string;
}

/**
 * The import's writes of new values as raw set-based SQL, the floor the write path is compared with: the values
 * copied into a temporary table, then the values, their change rows and the totals of every rollup target (the
 * period's and its year's, both views) each in one statement, in the caller's transaction. No probe for stored
 * write ids or keys, no classification, nothing checked: only what any write of these values with history and
 * fresh totals must do in the database.
 */
export async function rawSetBasedWrite(db: Database, values: readonly RawNewValue[], userId: number): Promise<void> {
  await sql`create temp table if not exists bench_stage (id uuid, p bigint, u bigint, pe text, e bigint, c bigint, num numeric, wid uuid) on commit drop`.execute(db);
  let text = '';
  for (const v of values) text += `${v.id}\t${v.provinceId}\t${v.unitId}\t${v.period}\t${v.elementId}\t${v.cocId}\t${v.num}\t${v.changeId}\n`;
  await copyText(db, 'bench_stage', ['id', 'p', 'u', 'pe', 'e', 'c', 'num', 'wid'], text);
  await sql`
    insert into data_value (id, province_id, unit_id, period, data_element_id, coc_id, num, txt, comment, deleted, version, stored_by, stored_at, created_at)
    select id, p, u, pe, e, c, num, null, null, false, 1, ${userId}, now(), now() from bench_stage`.execute(db);
  await sql`
    insert into data_value_change (id, province_id, data_value_id, version, old_num, old_txt, new_num, new_txt, deleted, changed_by, changed_at, source, job_id)
    select wid, p, id, 1, null, null, num, null, false, ${userId}, now(), 'dhis2', null from bench_stage`.execute(db);
  await sql`set local jit = off`.execute(db);
  await sql`
    with targets as materialized (
      select u.u as unit_id, t.view, t.target_id, t.share, unit_province_id(t.target_id) as target_province
      from (select distinct u from bench_stage) u cross join lateral unit_rollup_targets(u.u) t
    )
    insert into data_total as dt (province_id, view, unit_id, period, data_element_id, coc_id, sum, apportioned, n_values)
    select r.target_province, r.view, r.target_id, pp.period, s.e, s.c, sum(s.num * r.share), sum(case when r.share < 1 then s.num * r.share else 0 end), count(*)
    from bench_stage s
    join targets r on r.unit_id = s.u
    cross join lateral (values (s.pe), ('Y' || left(s.pe, 4))) as pp(period)
    group by 1, 2, 3, 5, 4, 6
    order by 1, 2, 3, 5, 4, 6
    on conflict (province_id, view, unit_id, data_element_id, period, coc_id) do update
      set sum = dt.sum + excluded.sum, apportioned = dt.apportioned + excluded.apportioned, n_values = dt.n_values + excluded.n_values`.execute(db);
  await sql`truncate bench_stage`.execute(db);
}
