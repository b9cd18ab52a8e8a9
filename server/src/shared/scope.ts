import { sql, type Expression, type Kysely, type Nullable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from './actor.ts';

/**
 * SQL condition "the unit at `pathColumn` lies in the scope": the one place scoping is written, used inside
 * every repository query so that rows outside the user's subtree are never read.
 */
export function inScope(pathColumn: string, scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  if (scope.roots.length === 0) return sql<SqlBool>`false`;
  const conditions = scope.roots.map((root) => sql`${sql.ref(pathColumn)} <@ ${root}::ltree`);
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}

/**
 * SQL condition "the unit at `pathColumn` is in the scope or above it": catalogues owned by a unit (a province's
 * data sets and indicators) reach every unit below their owner, so a commune sees its province's forms.
 */
export function inOrAboveScope(pathColumn: string, scope: Scope): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  if (scope.roots.length === 0) return sql<SqlBool>`false`;
  const conditions = scope.roots.map((root) => sql`(${sql.ref(pathColumn)} <@ ${root}::ltree or ${sql.ref(pathColumn)} @> ${root}::ltree)`);
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}

/** SQL condition "the row is valid on `asOf`" for tables with valid_from / valid_to (null = open). */
export function validOn(table: string, asOf: string): Expression<SqlBool> {
  const from = sql.ref(`${table}.valid_from`);
  const to = sql.ref(`${table}.valid_to`);
  return sql<SqlBool>`((${from} is null or ${from} <= ${asOf}::date) and (${to} is null or ${to} >= ${asOf}::date))`;
}

/** Tables whose rows belong to an administrative unit through their `unit_id` column. */
type UnitOwnedTable = { [T in keyof DB]: DB[T] extends { unit_id: unknown } ? T : never }[keyof DB];

/** The tables of a `unitOwned` query: the owned table under its alias, and its unit as `unit`. */
type Owned<T extends UnitOwnedTable, A extends string, U> = SelectQueryBuilder<
  Omit<DB, A | 'unit'> & { [K in A]: DB[T] } & { unit: U },
  A | 'unit',
  Record<never, never>
>;

/**
 * The start of every query on unit-owned rows: `from` (e.g. 'organization as o') joined to its unit as `unit` and
 * filtered to the actor's scope, so rows outside the user's subtree cannot be read by forgetting a condition.
 * `join: 'left'` keeps rows without a unit (system-wide accounts and audit entries), which only a whole-country
 * scope then sees. A unit test fails on a repository that queries a unit-owned table without it.
 */
export function unitOwned<T extends UnitOwnedTable, A extends string>(
  db: Kysely<DB>,
  from: `${T} as ${A}`,
  unitColumn: `${A}.unit_id`,
  scope: Scope,
): Owned<T, A, DB['admin_unit']>;
export function unitOwned<T extends UnitOwnedTable, A extends string>(
  db: Kysely<DB>,
  from: `${T} as ${A}`,
  unitColumn: `${A}.unit_id`,
  scope: Scope,
  options: { join: 'left' },
): Owned<T, A, Nullable<DB['admin_unit']>>;
export function unitOwned(db: Kysely<DB>, from: string, unitColumn: string, scope: Scope, options?: { join: 'left' }) {
  // the generic table and alias are beyond Kysely's inference: the overloads above state the result's type
  const query = db.selectFrom(from as 'organization as o');
  const joined =
    options?.join === 'left'
      ? query.leftJoin('admin_unit as unit', 'unit.id', unitColumn as 'o.unit_id')
      : query.innerJoin('admin_unit as unit', 'unit.id', unitColumn as 'o.unit_id');
  return joined.where(inScope('unit.path', scope));
}
