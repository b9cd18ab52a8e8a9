import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, validOn } from '#server/shared/scope.ts';

/**
 * The units of a (2025) province in either structure, as a scope: its subtree and the subtrees of the 2019
 * provinces merged into it (the province unit_province_id() gives their units). Derived values of the province
 * are computed over it, through the same scope conditions (ltree index) as a user's reads.
 */
export async function provinceScope(db: Kysely<DB>, provinceId: number): Promise<Scope> {
  const rows = await db
    .selectFrom('admin_unit as p')
    .select('p.path')
    .where('p.level', '=', 'province')
    .where((eb) =>
      eb.or([
        eb('p.id', '=', provinceId),
        eb('p.id', 'in', eb.selectFrom('unit_succession as s').select('s.old_unit_id').where('s.new_unit_id', '=', provinceId)),
      ]),
    )
    .orderBy('p.id')
    .execute();
  return { all: false, roots: rows.map((row) => row.path) };
}

/** Ids of the units of `level` valid on `asOf` in a province (see provinceScope), only those of `unitIds` when given. */
export async function listUnitsOfLevel(
  db: Kysely<DB>,
  args: { provinceId: number; level: 'village' | 'commune' | 'province'; asOf: string; unitIds?: readonly number[] | undefined },
): Promise<number[]> {
  if (args.unitIds && args.unitIds.length === 0) return [];
  let query = db
    .selectFrom('admin_unit as u')
    .select('u.id')
    .where('u.level', '=', args.level)
    .where(validOn('u', args.asOf))
    .where(inScope('u.path', await provinceScope(db, args.provinceId)));
  if (args.unitIds) query = query.where('u.id', 'in', [...args.unitIds]);
  const rows = await query.orderBy('u.id').execute();
  return rows.map((row) => row.id);
}
