import { sql } from 'kysely';
import { ENDED_STATUSES, type TCaseFlag } from '#contracts/petitions/case.schemas.ts';
import type { Database } from '#server/db/database.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';

export interface HotspotFilter {
  provinceId: number;
  fieldId?: number | undefined;
  kind?: string | undefined;
  flag?: TCaseFlag | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const FLAG_COLUMN = { crowd: 'c.crowd', above_level: 'c.above_level', prolonged: 'c.prolonged', hot_spot: 'c.hot_spot' } as const;

/** Cases of a province in the actor's scope (by the receiving unit), filtered; confirmed duplicates left out. */
function filtered(db: Database, scope: Scope, f: HotspotFilter) {
  let query = unitOwned(db, 'petition_case as c', 'c.unit_id', scope)
    .where('c.province_id', '=', f.provinceId)
    .where('c.status', '<>', 'duplicate');
  if (f.fieldId !== undefined) query = query.where('c.field_id', '=', f.fieldId);
  if (f.kind !== undefined) query = query.where('c.kind', '=', f.kind as 'feedback');
  if (f.flag !== undefined) query = query.where(FLAG_COLUMN[f.flag], '=', true);
  if (f.from !== undefined) query = query.where('c.received_on', '>=', f.from);
  if (f.to !== undefined) query = query.where('c.received_on', '<=', f.to);
  return query;
}

/**
 * Counts per commune of 2025: a case recorded against a commune of 2019 (received before the reform) counts for
 * its successor (the one that took it whole, or the largest share of a split commune).
 */
export async function countByCommune(db: Database, scope: Scope, f: HotspotFilter) {
  const ended = [...ENDED_STATUSES] as string[];
  return filtered(db, scope, f)
    .where('c.commune_id', 'is not', null)
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('unit_succession as us')
          .select('us.new_unit_id')
          .whereRef('us.old_unit_id', '=', 'c.commune_id')
          .orderBy(sql`us.share desc nulls last`)
          .orderBy('us.new_unit_id')
          .limit(1)
          .as('succ'),
      (join) => join.onTrue(),
    )
    .innerJoin('admin_unit as cm', (join) => join.on(sql<boolean>`cm.id = coalesce(succ.new_unit_id, c.commune_id)`))
    .select(['cm.id', 'cm.code', 'cm.name', 'cm.full_name'])
    .select([
      sql<number>`count(*)::int`.as('cases'),
      sql<number>`(count(*) filter (where c.status not in (${sql.join(ended)})))::int`.as('open'),
      sql<number>`(count(*) filter (where c.crowd))::int`.as('crowd'),
      sql<number>`(count(*) filter (where c.hot_spot))::int`.as('hot_spot'),
      sql<number>`(count(*) filter (where c.lat is not null and c.lon is not null))::int`.as('located'),
      sql<number | null>`avg(c.lat) filter (where c.lat is not null and c.lon is not null)`.as('lat'),
      sql<number | null>`avg(c.lon) filter (where c.lat is not null and c.lon is not null)`.as('lon'),
    ])
    .groupBy(['cm.id', 'cm.code', 'cm.name', 'cm.full_name'])
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('cm.name')
    .execute();
}

/** Cases of the filter with no commune recorded. */
export async function countWithoutCommune(db: Database, scope: Scope, f: HotspotFilter): Promise<number> {
  const row = await filtered(db, scope, f).where('c.commune_id', 'is', null).select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Provinces (2025) by id, with their codes. */
export async function provincesByIds(db: Database, ids: readonly number[] | null) {
  let query = db.selectFrom('admin_unit as u').select(['u.id', 'u.code', 'u.name']).where('u.level', '=', 'province').where('u.structure', '=', '2025');
  if (ids !== null) query = query.where('u.id', 'in', ids.length ? [...ids] : [-1]);
  return query.orderBy('u.name').execute();
}
