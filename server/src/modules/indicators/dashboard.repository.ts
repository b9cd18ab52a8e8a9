import { sql, type Kysely, type RawBuilder } from 'kysely';
import { pgArray } from '#server/db/pg-array.ts';
import type { Database } from '#server/db/database.ts';
import { executePrepared } from '#server/db/prepared.ts';
import type { DB, RollupView } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, validOn } from '#server/shared/scope.ts';
import { indicatorElementIds, indicatorWithOperandIdsQuery } from './metadata-write.repository.ts';

/** Units as they stood on `asOf` (earlier names from admin_unit_history), with their children that day. */
function unitsAsOf(db: Kysely<DB>, asOf: string) {
  return db
    .selectFrom('admin_unit as u')
    .leftJoin('admin_unit_history as h', (join) =>
      join.onRef('h.unit_id', '=', 'u.id').on(sql<boolean>`(h.valid_from is null or h.valid_from <= ${asOf}::date) and h.valid_to >= ${asOf}::date`),
    )
    .select([
      'u.id',
      'u.code',
      sql<string>`coalesce(h.full_name, u.full_name)`.as('full_name'),
      'u.level',
      'u.path',
      'u.valid_from',
      'u.valid_to',
      sql<number>`(select count(*)::int from admin_unit c where c.parent_id = u.id
        and (c.valid_from is null or c.valid_from <= ${asOf}::date) and (c.valid_to is null or c.valid_to >= ${asOf}::date))`.as('child_count'),
    ]);
}

/** The 2025 province whose data_total rows hold a unit's figures (SCALE.md rule 1). */
const provinceOfUnit = sql<number>`unit_province_id(u.id)`.as('province_id');

/**
 * A unit with its ancestors (the breadcrumb, each marked whether it lies in the scope) and, when `withChildren`,
 * its children in force on `asOf` within the scope, in one statement: the unit and its ancestors by id (the
 * ancestors' ids are the labels of the unit's path), the children by parent. The unit's row comes whether or not
 * it is in force that day (the caller says so), and only when it lies in the scope.
 */
function placeQuery(db: Database, scope: Scope, unitId: number, asOf: string, withChildren: boolean) {
  // an array (an init plan), not `in (select …)`: the planner then ORs three index scans instead of reading the table
  const ancestorIds = sql<boolean>`u.id = any(array(select unnest(string_to_array(ltree2text(subpath(p.path, 0, nlevel(p.path) - 1)), '.'))::bigint
    from admin_unit p where p.id = ${unitId}))`;
  return unitsAsOf(db, asOf)
    .select([
      sql<'unit' | 'ancestor' | 'child'>`case when u.id = ${unitId} then 'unit' when u.parent_id = ${unitId} then 'child' else 'ancestor' end`.as('kind'),
      sql<boolean>`${inScope('u.path', scope)}`.as('reachable'),
      sql<number | null>`case when u.id = ${unitId} then unit_province_id(u.id) end`.as('province_id'),
    ])
    .where((eb) =>
      eb.or([
        eb('u.id', '=', unitId),
        ancestorIds,
        ...(withChildren ? [eb.and([eb('u.parent_id', '=', unitId), validOn('u', asOf), inScope('u.path', scope)])] : []),
      ]),
    )
    .orderBy('u.code')
    .orderBy('full_name');
}

type PlaceRow = Awaited<ReturnType<ReturnType<typeof placeQuery>['execute']>>[number];

function shapePlace(rows: readonly PlaceRow[]) {
  const unit = rows.find((row) => row.kind === 'unit' && row.reachable);
  return {
    unit: unit ? { ...unit, province_id: Number(unit.province_id) } : undefined,
    ancestors: rows.filter((row) => row.kind === 'ancestor'),
    children: rows.filter((row) => row.kind === 'child').map((row) => ({ ...row, province_id: null as number | null })),
  };
}

export type DashboardPlace = ReturnType<typeof shapePlace>;
export type DashboardUnitRow = NonNullable<DashboardPlace['unit']>;

/** The provinces in force on `asOf` within the scope (the nation's children), each with its 2025 province id. */
export async function findProvinces(db: Database, scope: Scope, asOf: string) {
  return unitsAsOf(db, asOf)
    .select(provinceOfUnit)
    .where(validOn('u', asOf))
    .where(inScope('u.path', scope))
    .where('u.parent_id', 'is', null)
    .orderBy('u.code')
    .orderBy('full_name')
    .execute();
}

/** One child row of a dashboard (a unit's child, or a province of the nation with its 2025 province id). */
export type DashboardChildRow = Omit<Awaited<ReturnType<typeof findProvinces>>[number], 'province_id'> & { province_id: number | null };

/**
 * Whose totals to add up: listed units, each in its own 2025 province (the nation's provinces), or a unit and its
 * children in force on `asOf` within the scope, all in the unit's province, found in the same statement (so the
 * read need not wait for the children's names).
 */
export type TotalsUnits = { ids: readonly number[]; provinceOf?: number } | { unitWithChildren: number; asOf: string };

/** Which totals to add up: the key columns of data_total, each a short list, in primary-key order. */
export interface TotalsFilter {
  units: TotalsUnits;
  view: RollupView;
  /** The elements, or those an indicator's formula names (read in the same statement). */
  elementIds: readonly number[] | { ofIndicator: number };
  periods: readonly string[];
}

/** One operand total: summed over the filter's periods (or per period), per unit, element and option combo. */
export interface TotalRow {
  unit_id: number;
  period: string | null;
  data_element_id: number;
  coc_id: number;
  sum: number;
  apportioned: boolean;
  n_values: number;
}

/**
 * Sums of data_total (SCALE.md rule 5: never the values) for a few units, elements and periods. Every filter is on
 * a column of the primary key (province_id, view, unit_id, data_element_id, period, coc_id), so the read is a set
 * of index range scans whose size is units × elements × periods × option combos, whatever the number of values
 * below. `byPeriod` keeps periods apart (the trend); otherwise they are added up (the table).
 */
export async function sumTotals(db: Database, scope: Scope, filter: TotalsFilter, byPeriod: boolean): Promise<TotalRow[]> {
  const query = totalsQuery(db, scope, filter, byPeriod);
  return query === null ? [] : shapeTotals(await query.execute());
}

/** The statement of sumTotals, or null when a list of the filter is empty (nothing to read). */
function totalsQuery(db: Database, scope: Scope, filter: TotalsFilter, byPeriod: boolean) {
  const listed = 'ids' in filter.units ? filter.units.ids : null;
  const listedElements = Array.isArray(filter.elementIds) ? (filter.elementIds as readonly number[]) : null;
  if ([listedElements ?? [0], filter.periods, listed ?? [0]].some((list) => list.length === 0)) return null;
  const elements =
    listedElements === null
      ? indicatorElementIds((filter.elementIds as { ofIndicator: number }).ofIndicator)
      : sql`select unnest(${pgArray(listedElements)}::bigint[])`;
  // One index range scan per (unit, element) in the unit's province, the scope checked once per listed unit, or once
  // on a unit whose children are read: with `in` lists PostgreSQL 15 keeps the element and period lists as filters
  // (reading every period of every element of a unit), and unitOwned inside would probe admin_unit once per totals row. The period range is the
  // index condition, `= any` the exact list. A unit and its children share the unit's province (computed once);
  // listed units (the nation's provinces) each have their own (unit_province_id).
  const sorted = [...filter.periods].sort();
  let units: RawBuilder<unknown>;
  if ('ids' in filter.units) {
    // listed units of one province (a programme's units) name a unit of it: the province is computed once
    const { provinceOf } = filter.units;
    const province = provinceOf === undefined ? sql`unit_province_id(x.unit_id)` : sql`(select unit_province_id(${provinceOf}::bigint))`;
    units = sql`select x.unit_id, ${province} as province_id from unnest(${pgArray(filter.units.ids)}::bigint[]) as x(unit_id)`;
  } else {
    // the scope is checked once, on the unit: its children lie in its subtree, so in scope when it is
    const { unitWithChildren: parent, asOf } = filter.units;
    units = sql`select x.unit_id, (select unit_province_id(${parent}::bigint)) as province_id from (
      select ${parent}::bigint as unit_id
      union all
      select u.id from admin_unit u where u.parent_id = ${parent} and ${validOn('u', asOf)}) x
      where exists (select 1 from admin_unit p where p.id = ${parent} and ${inScope('p.path', scope)})`;
  }
  return db
    .selectFrom(
      sql<{ province_id: number; unit_id: number; data_element_id: number }>`(select x.unit_id, x.province_id, e.data_element_id
        from (${units}) x cross join (${elements}) as e(data_element_id))`.as('k'),
    )
    // listed units are checked one by one
    .$if(listed !== null, (q) => q.where(({ exists, selectFrom }) => exists(selectFrom('admin_unit as unit').select('unit.id').whereRef('unit.id', '=', 'k.unit_id').where(inScope('unit.path', scope)))))
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('data_total as t')
          .where(sql<boolean>`t.province_id = k.province_id and t.unit_id = k.unit_id and t.data_element_id = k.data_element_id`)
          .where('t.view', '=', filter.view)
          .where('t.period', '>=', sorted[0] as string)
          .where('t.period', '<=', sorted.at(-1) as string)
          .where(sql<boolean>`t.period = any(${sorted}::text[])`)
          .select([
            't.coc_id',
            byPeriod ? 't.period' : sql<string | null>`null::text`.as('period'),
            sql<number>`sum(t.sum)`.as('sum'),
            sql<boolean>`bool_or(t.apportioned <> 0)`.as('apportioned'),
            sql<number>`sum(t.n_values)::int`.as('n_values'),
          ])
          .groupBy(byPeriod ? ['t.coc_id', 't.period'] : ['t.coc_id'])
          .as('s'),
      (join) => join.onTrue(),
    )
    .select(['k.unit_id', 'k.data_element_id', 's.coc_id', 's.period', 's.sum', 's.apportioned', 's.n_values']);
}

type TotalsQueryRow = Awaited<ReturnType<NonNullable<ReturnType<typeof totalsQuery>>['execute']>>[number];

function shapeTotals(rows: readonly TotalsQueryRow[]): TotalRow[] {
  return rows.map((row) => ({ ...row, unit_id: Number(row.unit_id), data_element_id: Number(row.data_element_id), coc_id: Number(row.coc_id), sum: Number(row.sum), n_values: Number(row.n_values) }));
}

/**
 * Everything a dashboard of one unit reads, in one statement: the indicator in reach with its operand ids, the
 * unit with its ancestors (and children), and the totals of the unit (and children) for the indicator's elements.
 * Three statements side by side cost three round trips and, on two cores, CPU the client and the server share;
 * here each part is a subquery turned to JSON. The parts are those of findIndicatorWithOperandIds, the place read
 * (placeQuery) and sumTotals, so each answers as it would alone (an indicator out of reach: null; a unit out of scope: no unit).
 */
export async function readUnitDashboard(
  db: Database,
  scope: Scope,
  args: { indicatorId: number; unitId: number; asOf: string; withChildren: boolean; totals: TotalsFilter; byPeriod: boolean },
) {
  const totals = totalsQuery(db, scope, args.totals, args.byPeriod);
  const query = db
    .with('ind', () => indicatorWithOperandIdsQuery(db, scope, args.indicatorId))
    .with('place', () => placeQuery(db, scope, args.unitId, args.asOf, args.withChildren))
    .selectNoFrom([
      sql<IndicatorOperandsRow | null>`(select to_json(ind) from ind)`.as('indicator'),
      sql<PlaceRow[]>`(select coalesce(json_agg(place), '[]') from place)`.as('place'),
      (totals === null ? sql<TotalsQueryRow[]>`'[]'::json` : sql<TotalsQueryRow[]>`(select coalesce(json_agg(t), '[]') from (${totals}) t)`).as('totals'),
    ]);
  const [row] = (await executePrepared(db, query)).rows;
  if (!row) throw new Error('the dashboard statement returned no row');
  return { indicator: row.indicator ?? undefined, place: shapePlace(row.place), totals: shapeTotals(row.totals) };
}

export type IndicatorOperandsRow = NonNullable<Awaited<ReturnType<ReturnType<typeof indicatorWithOperandIdsQuery>['executeTakeFirst']>>>;
