import { sql, type Kysely } from 'kysely';
import type { Database } from '#server/db/database.ts';
import type { DB, RollupView } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, validOn } from '#server/shared/scope.ts';

/** Ids of data elements and option combos by code (catalogue tables), for the operands of an expression. */
export async function findOperandIds(db: Database, elementCodes: readonly string[], cocCodes: readonly string[]) {
  const [elements, cocs] = await Promise.all([
    elementCodes.length === 0 ? [] : db.selectFrom('data_element').select(['id', 'code']).where('code', 'in', [...elementCodes]).execute(),
    cocCodes.length === 0 ? [] : db.selectFrom('category_option_combo').select(['id', 'code']).where('code', 'in', [...cocCodes]).execute(),
  ]);
  return { elements: new Map(elements.map((e) => [e.code, e.id])), cocs: new Map(cocs.map((c) => [c.code, c.id])) };
}

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

/** One unit in scope with its name on `asOf` (whether or not it is in force that day), or undefined. */
export async function findUnitInScope(db: Database, scope: Scope, id: number, asOf: string) {
  return unitsAsOf(db, asOf).select(provinceOfUnit).where('u.id', '=', id).where(inScope('u.path', scope)).executeTakeFirst();
}

export type DashboardUnitRow = NonNullable<Awaited<ReturnType<typeof findUnitInScope>>>;

/** Ancestors of a unit the user may see (its breadcrumb), each marked whether it lies in the scope. */
export async function findAncestors(db: Database, scope: Scope, ids: readonly number[], asOf: string) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('admin_unit as u')
    .leftJoin('admin_unit_history as h', (join) =>
      join.onRef('h.unit_id', '=', 'u.id').on(sql<boolean>`(h.valid_from is null or h.valid_from <= ${asOf}::date) and h.valid_to >= ${asOf}::date`),
    )
    .select(['u.id', sql<string>`coalesce(h.full_name, u.full_name)`.as('full_name'), 'u.level', sql<boolean>`${inScope('u.path', scope)}`.as('reachable')])
    .where('u.id', 'in', [...ids])
    .execute();
}

/**
 * Children of `parentId` in force on `asOf`, within the scope; for null, the provinces of that day (the nation),
 * each with its 2025 province id. A child of a unit shares the unit's province id, so it is not computed.
 */
export async function findChildUnits(db: Database, scope: Scope, parentId: number | null, asOf: string) {
  const query = unitsAsOf(db, asOf)
    .where(validOn('u', asOf))
    .where(inScope('u.path', scope))
    .orderBy('u.code')
    .orderBy('full_name');
  if (parentId === null) return query.select(provinceOfUnit).where('u.parent_id', 'is', null).execute();
  const rows = await query.where('u.parent_id', '=', parentId).execute();
  return rows.map((row) => ({ ...row, province_id: null as number | null }));
}

/** Which totals to add up: the key columns of data_total, each a short list, in primary-key order. */
export interface TotalsFilter {
  provinceIds: readonly number[];
  view: RollupView;
  unitIds: readonly number[];
  elementIds: readonly number[];
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
  if ([filter.provinceIds, filter.unitIds, filter.elementIds, filter.periods].some((list) => list.length === 0)) return [];
  // One index range scan per (unit, element) in the unit's province, the scope checked once per unit on the outer
  // side: with `in` lists PostgreSQL 15 keeps the element and period lists as filters (reading every period of every
  // element of a unit), and unitOwned inside would probe admin_unit once per totals row. The period range is the
  // index condition, `= any` the exact list. Several provinces (the nation): each unit's own (unit_province_id).
  const keys = filter.unitIds.flatMap((u) => filter.elementIds.map((e) => [u, e] as const));
  const sorted = [...filter.periods].sort();
  const province = filter.provinceIds.length === 1 ? sql`${filter.provinceIds[0]}::bigint` : sql`unit_province_id(x.unit_id)`;
  const rows = await db
    .selectFrom(
      sql<{ province_id: number; unit_id: number; data_element_id: number }>`(select x.unit_id, x.data_element_id, ${province} as province_id
        from unnest(${keys.map((k) => k[0])}::bigint[], ${keys.map((k) => k[1])}::bigint[]) as x(unit_id, data_element_id))`.as('k'),
    )
    .innerJoin('admin_unit as unit', 'unit.id', 'k.unit_id')
    .where(inScope('unit.path', scope))
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('data_total as t')
          .where(sql<boolean>`t.province_id = k.province_id and t.unit_id = k.unit_id and t.data_element_id = k.data_element_id`)
          .where('t.province_id', 'in', [...filter.provinceIds])
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
    .select(['k.unit_id', 'k.data_element_id', 's.coc_id', 's.period', 's.sum', 's.apportioned', 's.n_values'])
    .execute();
  return rows.map((row) => ({ ...row, unit_id: Number(row.unit_id), data_element_id: Number(row.data_element_id), sum: Number(row.sum), n_values: Number(row.n_values) }));
}
