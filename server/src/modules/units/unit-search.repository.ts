import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, validOn } from '#server/shared/scope.ts';
import { foldVi } from '#server/shared/vn-text.ts';

/** The query as the search keys are written: folded, letters and digits only ("TP. HCM" → "tphcm"). */
export const searchKey = (q: string) => foldVi(q).replace(/[^a-z0-9]/g, '');

/**
 * Ids of units in scope matched by the query under any name: the official name (any part of it, or one of its
 * initials forms), a name the unit had before (admin_unit_history) or a common name (unit_alias). `ranked`
 * orders: name in force on `asOf` first, then units in force on `asOf` found by another name, then units not in
 * force that day (ended, or not yet created); within each, provinces before communes and closer matches first.
 */
export async function matchUnitIds(db: Kysely<DB>, scope: Scope, q: string, asOf: string, limit: number) {
  if (searchKey(q).length === 0) return [];
  return unitMatchQuery(db, scope, q, asOf, limit).execute();
}

/** The query of matchUnitIds, unexecuted (the benchmark sends its compiled SQL to the driver as a baseline). */
export function unitMatchQuery(db: Kysely<DB>, scope: Scope, q: string, asOf: string, limit: number) {
  const key = searchKey(q);
  const contains = `%${key}%`;
  const keyPrefix = `% ${key}%`;
  const matches = (column: string) =>
    sql<boolean>`(${sql.ref(column)} like ${contains} and (' ' || ${sql.ref(column)}) like ${keyPrefix})`;
  return db
    .with('hit', (w) =>
      w
        .selectFrom('admin_unit as u')
        .select(['u.id as unit_id', sql<string | null>`null`.as('other_name')])
        .where((eb) =>
          eb.or([
            sql<boolean>`replace(u.search_name, ' ', '') like ${contains}`,
            matches('u.search_keys'),
          ]),
        )
        .unionAll(
          w.selectFrom('admin_unit_history as h').select(['h.unit_id', 'h.full_name as other_name']).where(matches('h.search_keys')),
        )
        .unionAll(w.selectFrom('unit_alias as a').select(['a.unit_id', 'a.alias as other_name']).where(matches('a.search_keys'))),
    )
    .selectFrom('hit')
    .innerJoin('admin_unit as u', 'u.id', 'hit.unit_id')
    .leftJoin('admin_unit_history as now_h', (join) =>
      join
        .onRef('now_h.unit_id', '=', 'u.id')
        .on(sql<boolean>`(now_h.valid_from is null or now_h.valid_from <= ${asOf}::date) and now_h.valid_to >= ${asOf}::date`),
    )
    .where(inScope('u.path', scope))
    .select((eb) => [
      'u.id',
      sql<boolean>`bool_or(coalesce(hit.other_name, u.full_name) = coalesce(now_h.full_name, u.full_name))`.as('by_name_in_force'),
      // a name matched that is not the unit's name on asOf: an earlier or later official name, or a common name
      eb.fn.min(sql<string>`coalesce(hit.other_name, u.full_name)`).as('other_name'),
      sql<boolean>`(${validOn('u', asOf)})`.as('in_force'),
    ])
    .groupBy(['u.id', 'u.level', 'u.valid_from', 'u.valid_to', 'u.full_name', 'u.search_name', 'u.search_keys'])
    .orderBy(sql`case when ${validOn('u', asOf)} then 0 else 1 end`)
    .orderBy(sql`case when bool_or(coalesce(hit.other_name, u.full_name) = coalesce(now_h.full_name, u.full_name)) then 0 else 1 end`)
    .orderBy(sql`array_position(array['province','district','commune','village'], u.level)`)
    .orderBy(sql`(' ' || u.search_keys || ' ') like ${`% ${key} %`}`, 'desc')
    .orderBy(sql`similarity(u.search_name, ${foldVi(q)})`, 'desc')
    .orderBy('u.full_name')
    .limit(limit);
}

/** Direct successors of units (for "(đến 30/6/2025) → Tỉnh Quảng Trị"), as of their own first day. */
export async function successorsOf(db: Kysely<DB>, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('unit_succession as s')
    .innerJoin('admin_unit as n', 'n.id', 's.new_unit_id')
    .select(['s.old_unit_id', 'n.id', 'n.full_name', 'n.level', 'n.structure'])
    .where('s.old_unit_id', 'in', ids)
    .orderBy('n.full_name')
    .execute();
}

/** Common names of official units (resources/admin-units/common-names.csv); existing ones are kept. */
export async function insertAliases(db: Kysely<DB>, aliases: { unit_id: number; alias: string }[]) {
  if (aliases.length === 0) return 0;
  const inserted = await db
    .insertInto('unit_alias')
    .values(aliases)
    .onConflict((conflict) => conflict.columns(['unit_id', 'alias']).doNothing())
    .returning('unit_id')
    .execute();
  return inserted.length;
}
