import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';

/** The demo's reads of reference data (the demo loader, no actor). */

type Db = Kysely<DB>;

/** Official units of one structure by statistics-office code. */
export async function officialUnits(db: Db, structure: '2019' | '2025', codes: readonly string[]) {
  return db.selectFrom('admin_unit').select(['id', 'code', 'path', 'full_name']).where('structure', '=', structure).where('code', 'in', [...codes]).execute();
}

/** Whether a unit already holds the survey of this code (the step ran, or someone made it). */
export async function hasSurvey(db: Db, unitId: number, code: string): Promise<boolean> {
  return (await db.selectFrom('survey').select('id').where('unit_id', '=', unitId).where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function accountId(db: Db, username: string): Promise<number | null> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst())?.id ?? null;
}
