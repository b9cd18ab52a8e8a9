import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';
import { NOT_RECEIVED, NOT_RESOLVED, NOT_TO_RESOLVE, RATE_KINDS } from './figures.rules.ts';

/** The five counts of the figures (figures.rules.ts says which cases each counts). */
export const MEASURES = ['received', 'resolved', 'resolvedOnTime', 'kdToResolve', 'kdResolved'] as const;
export type Measure = (typeof MEASURES)[number];

const list = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));
const between = (column: string, from: string, to: string) => sql<SqlBool>`${sql.ref(column)} between ${from}::date and ${to}::date`;

/** On time (Hue-S): the outcome recorded when the case was closed (case-actions.ts 'close'). */
const onTime = sql<SqlBool>`c.outcome = 'on_time'`;

/** The condition "case `c` counts in `measure` for the days [from, to]". */
export function measureCondition(measure: Measure, from: string, to: string): Expression<SqlBool> {
  const received = sql<SqlBool>`${between('c.received_on', from, to)} and c.status not in (${list(NOT_RECEIVED)})`;
  const resolved = sql<SqlBool>`${between('c.resolved_on', from, to)} and c.status not in (${list(NOT_RESOLVED)})`;
  const rateKinds = sql<SqlBool>`c.kind in (${list(RATE_KINDS)})`;
  switch (measure) {
    case 'received':
      return received;
    case 'resolved':
      return resolved;
    case 'resolvedOnTime':
      return sql<SqlBool>`${resolved} and ${onTime}`;
    case 'kdToResolve':
      return sql<SqlBool>`${rateKinds} and ${between('c.received_on', from, to)} and c.status not in (${list(NOT_TO_RESOLVE)})`;
    case 'kdResolved':
      return sql<SqlBool>`${rateKinds} and ${resolved}`;
  }
}

/**
 * Cases of a province counting in `measure` over [from, to], by the commune they belong to: the commune of the
 * matter (commune_id), else the commune holding the receiving unit (none for a case received above communes with
 * no commune given). Only cases of the communes `communeIds` (and cases without a commune) when given.
 */
export async function countByCaseCommune(
  db: Kysely<DB>,
  scope: Scope,
  args: { provinceId: number; measure: Measure; from: string; to: string; communeIds?: readonly number[] | undefined },
): Promise<Array<{ communeId: number; count: number }>> {
  if (args.communeIds && args.communeIds.length === 0) return [];
  const commune = sql<number | null>`coalesce(c.commune_id, (select a.id from admin_unit a where a.path @> unit.path and a.level = 'commune' limit 1))`;
  let query = unitOwned(db, 'petition_case as c', 'c.unit_id', scope)
    .select([commune.as('commune_id'), sql<number>`count(*)::int`.as('n')])
    .where('c.province_id', '=', args.provinceId)
    .where(measureCondition(args.measure, args.from, args.to))
    .groupBy(sql`1`);
  const ids = args.communeIds;
  if (ids) query = query.where((eb) => eb.or([eb('c.commune_id', 'in', [...ids]), eb('c.commune_id', 'is', null)]));
  const rows = await query.execute();
  return rows.flatMap((row) => (row.commune_id === null ? [] : [{ communeId: Number(row.commune_id), count: row.n }]));
}

/**
 * The commune valid on `asOf` that each commune stands for that day: itself when valid, else its successor (a
 * 2019 commune after the 2025 reform) or its predecessor (a 2025 commune before it) valid that day, the one with
 * the largest share, then the lowest id. Communes with none are left out. Reference data only (units).
 */
export async function communesOn(db: Kysely<DB>, communeIds: readonly number[], asOf: string): Promise<Map<number, number>> {
  if (communeIds.length === 0) return new Map();
  const valid = (alias: string) => sql<SqlBool>`(${sql.ref(`${alias}.valid_from`)} is null or ${sql.ref(`${alias}.valid_from`)} <= ${asOf}::date) and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= ${asOf}::date)`;
  const rows = await sql<{ id: number; target: number | null }>`
    select u.id, coalesce(
      case when ${valid('u')} then u.id end,
      (select s.new_unit_id from unit_succession s join admin_unit n on n.id = s.new_unit_id
        where s.old_unit_id = u.id and n.level = 'commune' and ${valid('n')} order by s.share desc nulls last, n.id limit 1),
      (select s.old_unit_id from unit_succession s join admin_unit o on o.id = s.old_unit_id
        where s.new_unit_id = u.id and o.level = 'commune' and ${valid('o')} order by s.share desc nulls last, o.id limit 1)
    ) as target
    from admin_unit u where u.id = any(${[...communeIds]}::bigint[])`.execute(db);
  return new Map(rows.rows.flatMap((row) => (row.target === null ? [] : [[Number(row.id), Number(row.target)] as [number, number]])));
}

/** The communes linked to these by succession, both ways, with themselves: a case of any of them may count for another. */
export async function communeLineage(db: Kysely<DB>, communeIds: readonly number[]): Promise<number[]> {
  if (communeIds.length === 0) return [];
  const rows = await sql<{ id: number }>`
    select x.id from unnest(${[...communeIds]}::bigint[]) as x(id)
    union select s.new_unit_id from unit_succession s where s.old_unit_id = any(${[...communeIds]}::bigint[])
    union select s.old_unit_id from unit_succession s where s.new_unit_id = any(${[...communeIds]}::bigint[])
    order by 1`.execute(db);
  return rows.rows.map((row) => Number(row.id));
}

/** One row of the figures: the counts of a group (a province, a commune, or the whole scope). */
export interface FigureCounts {
  key: number | null;
  received: number;
  resolved: number;
  resolvedOnTime: number;
  kdToResolve: number;
  kdResolved: number;
}

/**
 * The five counts over [from, to] for the cases in scope, by 2025 province or by commune of the matter (null: no
 * commune given), restricted to the provinces `provinceIds` when given (null = every province of the scope). One
 * pass over the cases received or resolved in the range.
 */
export async function figureCounts(
  db: Kysely<DB>,
  scope: Scope,
  args: { from: string; to: string; by: 'province' | 'commune'; provinceIds: readonly number[] | null; underPath?: string | undefined },
): Promise<FigureCounts[]> {
  const { from, to } = args;
  const count = (measure: Measure) => sql<number>`(count(*) filter (where ${measureCondition(measure, from, to)}))::int`;
  const key = args.by === 'province' ? sql<number | null>`c.province_id` : sql<number | null>`c.commune_id`;
  let query = unitOwned(db, 'petition_case as c', 'c.unit_id', scope)
    .select([
      key.as('key'),
      count('received').as('received'),
      count('resolved').as('resolved'),
      count('resolvedOnTime').as('resolved_on_time'),
      count('kdToResolve').as('kd_to_resolve'),
      count('kdResolved').as('kd_resolved'),
    ])
    .where((eb) => eb.or([eb('c.received_on', '>=', from).and('c.received_on', '<=', to), eb('c.resolved_on', '>=', from).and('c.resolved_on', '<=', to)]))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  if (args.provinceIds) query = query.where('c.province_id', 'in', args.provinceIds.length > 0 ? [...args.provinceIds] : [-1]);
  if (args.underPath) query = query.where(sql<SqlBool>`unit.path <@ ${args.underPath}::ltree`);
  const rows = await query.execute();
  return rows.map((row) => ({
    key: row.key === null ? null : Number(row.key),
    received: row.received,
    resolved: row.resolved,
    resolvedOnTime: row.resolved_on_time,
    kdToResolve: row.kd_to_resolve,
    kdResolved: row.kd_resolved,
  }));
}

/** Names of units by id (reference data). */
export async function unitNames(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('admin_unit').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
