import { sql, type Expression, type SqlBool } from 'kysely';
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

/** SQL condition "the row is valid on `asOf`" for tables with valid_from / valid_to (null = open). */
export function validOn(table: string, asOf: string): Expression<SqlBool> {
  const from = sql.ref(`${table}.valid_from`);
  const to = sql.ref(`${table}.valid_to`);
  return sql<SqlBool>`((${from} is null or ${from} <= ${asOf}::date) and (${to} is null or ${to} >= ${asOf}::date))`;
}
