import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, validOn } from '#server/shared/scope.ts';
import { foldVi } from '#server/shared/vn-text.ts';

/** The query as the search keys are written: folded, letters and digits only ("TP. HCM" → "tphcm"). */
export const searchKey = (q: string) => foldVi(q).replace(/[^a-z0-9]/g, '');

/**
 * Units in scope matched by the query under any name: the official name (any part of it, or one of its
 * initials forms), a name the unit had before (admin_unit_history) or a common name (unit_alias). Order: units
 * in force on `asOf` first; among them those found by the name in force that day; then provinces before
 * communes, exact initials before partial matches, closer names first.
 */
export async function matchUnits(db: Kysely<DB>, scope: Scope, q: string, asOf: string, limit: number) {
  if (searchKey(q).length === 0) return [];
  // official units first (14 thousand nationally), villages (a hundred thousand) only to fill the page
  const official = await unitMatchQuery(db, scope, q, asOf, limit, 'official').execute();
  const villages = official.length < limit ? await unitMatchQuery(db, scope, q, asOf, limit - official.length, 'village').execute() : [];
  return [...official, ...villages].map(({ history_name, alias, ...row }) => ({
    ...row,
    /** The name that matched when it is not the unit's name on asOf. */
    other_name: row.by_name_in_force ? null : (history_name ?? alias ?? row.full_name),
  }));
}

/** The query of matchUnits, unexecuted (the benchmark sends its compiled SQL to the driver as a baseline). */
export function unitMatchQuery(db: Kysely<DB>, scope: Scope, q: string, asOf: string, limit: number, tier: 'official' | 'village') {
  const key = searchKey(q);
  const contains = `%${key}%`;
  // any part of the folded name (trigram index), or exactly one of its initials forms (GIN index on the keys)
  const byCurrentName = sql<boolean>`(replace(u.search_name, ' ', '') like ${contains} or u.search_keys @> array[${key}]::text[])`;
  // earlier and common names: small tables, any part of any key
  const anyKey = (column: string) => sql<boolean>`array_to_string(${sql.ref(column)}, ' ') like ${contains}`;
  // computed once (an init plan) and looked up by primary key, not tested against every unit
  const otherNameIds = sql`array(select h.unit_id from admin_unit_history h where ${anyKey('h.search_keys')}
    union all select a.unit_id from unit_alias a where ${anyKey('a.search_keys')})`;
  const byNameInForce = sql<boolean>`(now_h.unit_id is null or ${anyKey('now_h.search_keys')})`;
  const branch = (found: Expression<SqlBool>, byName: boolean) =>
    db
      .selectFrom('admin_unit as u')
      .leftJoin('admin_unit_history as now_h', (join) =>
        join
          .onRef('now_h.unit_id', '=', 'u.id')
          .on(sql<boolean>`(now_h.valid_from is null or now_h.valid_from <= ${asOf}::date) and now_h.valid_to >= ${asOf}::date`),
      )
      .where(found)
      .where('u.level', tier === 'village' ? '=' : '<>', 'village')
      .where(inScope('u.path', scope))
      .select([
        'u.id',
        'u.full_name',
        // branch 1 (current name matched): unless a dated change covers asOf with a name that does not match;
        // branch 2 (another name matched): when that is the name of the dated change covering asOf
        (byName ? byNameInForce : sql<boolean>`(now_h.unit_id is not null and ${anyKey('now_h.search_keys')})`).as('by_name_in_force'),
        sql<boolean>`${validOn('u', asOf)}`.as('in_force'),
        sql<number>`array_position(array['province','district','commune','village'], u.level)`.as('level_rank'),
        sql<boolean>`u.search_keys @> array[${key}]::text[]`.as('exact_key'),
        // villages are many and their names short: order them by name (similarity over thousands costs more than it tells)
        (tier === 'village' ? sql<number>`0` : sql<number>`similarity(u.search_name, ${foldVi(q)})`).as('closeness'),
      ]);
  // two branches so the first stays a bitmap OR of the two indexes; the second adds units found only by another name
  const found = branch(byCurrentName, true).unionAll(branch(sql<boolean>`u.id = any(${otherNameIds}) and not ${byCurrentName}`, false));
  return db
    .selectFrom(found.as('m'))
    .selectAll('m')
    .select([
      // evaluated for the returned rows only (after the sort and limit)
      sql<string | null>`(select h.full_name from admin_unit_history h
        where h.unit_id = m.id and ${anyKey('h.search_keys')} order by h.valid_to desc limit 1)`.as('history_name'),
      sql<string | null>`(select a.alias from unit_alias a where a.unit_id = m.id and ${anyKey('a.search_keys')} order by a.alias limit 1)`.as(
        'alias',
      ),
    ])
    .orderBy('m.in_force', 'desc')
    .orderBy('m.by_name_in_force', 'desc')
    .orderBy('m.level_rank')
    .orderBy('m.exact_key', 'desc')
    .orderBy('m.closeness', 'desc')
    .orderBy('m.full_name')
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
