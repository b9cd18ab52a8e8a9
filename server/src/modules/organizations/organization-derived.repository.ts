import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { unitOwned, validOn } from '#server/shared/scope.ts';
import { provinceScope } from '../units/index.ts';

/** Condition "the organisation exists on `asOf`": founded on or before it (unknown = always), not yet dissolved. */
const existsOn = (asOf: string) =>
  sql<boolean>`(o.founded_on is null or o.founded_on <= ${asOf}::date) and (o.dissolved_on is null or o.dissolved_on > ${asOf}::date)`;

/** Units of `level` valid on `asOf` in the province that hold an organisation of `type` existing that day. */
export async function unitsWithOrganization(
  db: Kysely<DB>,
  args: { provinceId: number; type: string; level: 'village' | 'commune'; asOf: string; unitIds?: readonly number[] | undefined },
): Promise<number[]> {
  if (args.unitIds && args.unitIds.length === 0) return [];
  // computed for a whole province by the system, not for a user: the province's units are the scope
  let query = unitOwned(db, 'organization as o', 'o.unit_id', await provinceScope(db, args.provinceId))
    .select('o.unit_id')
    .distinct()
    .where('o.type', '=', args.type)
    .where('unit.level', '=', args.level)
    .where(validOn('unit', args.asOf))
    .where(existsOn(args.asOf));
  if (args.unitIds) query = query.where('o.unit_id', 'in', [...args.unitIds]);
  const rows = await query.execute();
  return rows.map((row) => row.unit_id);
}

/**
 * For each organisation of `type` existing on `asOf` in a unit of `level` valid that day in the province: its
 * unit and the number of distinct people holding a role in it whose term covers `asOf`.
 */
export async function memberCountsOn(
  db: Kysely<DB>,
  args: { provinceId: number; type: string; level: 'village' | 'commune'; asOf: string; unitIds?: readonly number[] | undefined },
): Promise<Array<{ unitId: number; members: number }>> {
  if (args.unitIds && args.unitIds.length === 0) return [];
  // computed for a whole province by the system, not for a user: the province's units are the scope
  let query = unitOwned(db, 'organization as o', 'o.unit_id', await provinceScope(db, args.provinceId))
    .leftJoin('person_role as r', (join) =>
      join
        .onRef('r.organization_id', '=', 'o.id')
        .on(sql<boolean>`r.term_from <= ${args.asOf}::date and (r.term_to is null or r.term_to >= ${args.asOf}::date)`),
    )
    .select(['o.unit_id', sql<number>`count(distinct r.person_id)::int`.as('members')])
    .where('o.type', '=', args.type)
    .where('unit.level', '=', args.level)
    .where(validOn('unit', args.asOf))
    .where(existsOn(args.asOf))
    .groupBy(['o.id', 'o.unit_id']);
  if (args.unitIds) query = query.where('o.unit_id', 'in', [...args.unitIds]);
  const rows = await query.execute();
  return rows.map((row) => ({ unitId: row.unit_id, members: row.members }));
}
