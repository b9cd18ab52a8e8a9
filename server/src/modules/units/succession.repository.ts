import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope } from '#server/shared/scope.ts';

/** An official unit in scope with its dates (the one whose successor is set, or the successor). */
export async function findOfficialUnit(db: Kysely<DB>, scope: Scope, id: number) {
  return db
    .selectFrom('admin_unit as u')
    .select(['u.id', 'u.structure', 'u.level', 'u.parent_id', 'u.path', 'u.full_name', 'u.valid_from', 'u.valid_to'])
    .where('u.id', '=', id)
    .where('u.level', '!=', 'village')
    .where(inScope('u.path', scope))
    .executeTakeFirst();
}

/** The successor links of a unit, locked for the change. */
export async function lockSuccessorLinks(db: Kysely<DB>, oldUnitId: number) {
  return db
    .selectFrom('unit_succession')
    .select(['new_unit_id', 'kind', 'certainty', 'instrument', 'effective_date', 'confirmed_at', 'confirm_reason'])
    .where('old_unit_id', '=', oldUnitId)
    .forUpdate()
    .execute();
}

/** Replaces the (likely) successor links of a unit by one set by an administrator. */
export async function replaceSuccessor(
  db: Kysely<DB>,
  link: { oldUnitId: number; newUnitId: number; effectiveDate: string; by: number; at: Date; reason: string },
): Promise<void> {
  await db.deleteFrom('unit_succession').where('old_unit_id', '=', link.oldUnitId).where('certainty', '=', 'likely').execute();
  await db
    .insertInto('unit_succession')
    .values({
      old_unit_id: link.oldUnitId,
      new_unit_id: link.newUnitId,
      kind: 'merged',
      effective_date: link.effectiveDate,
      certainty: 'likely',
      confirmed_by: link.by,
      confirmed_at: link.at,
      confirm_reason: link.reason,
    })
    .execute();
}

/** Marks a likely link confirmed; false when there is no unconfirmed likely link between the two. */
export async function confirmLink(db: Kysely<DB>, link: { oldUnitId: number; newUnitId: number; by: number; at: Date; reason: string }): Promise<boolean> {
  const result = await db
    .updateTable('unit_succession')
    .set({ confirmed_by: link.by, confirmed_at: link.at, confirm_reason: link.reason })
    .where('old_unit_id', '=', link.oldUnitId)
    .where('new_unit_id', '=', link.newUnitId)
    .where('certainty', '=', 'likely')
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The 2025 province a unit's figures add up in (its totals are rebuilt after its succession changes). */
export async function provinceOfUnit(db: Kysely<DB>, unitId: number): Promise<number> {
  const row = await sql<{ id: number }>`select unit_province_id(${unitId}) as id`.execute(db);
  return Number(row.rows[0]?.id);
}
