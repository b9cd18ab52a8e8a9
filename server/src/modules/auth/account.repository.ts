import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { clock } from '#server/shared/clock.ts';

/** Accounts as the login path needs them. (Admin listing and editing live in modules/users.) */
export async function findUserByUsername(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('admin_unit as unit', 'unit.id', 'u.unit_id')
    .selectAll('u')
    .select('unit.full_name as unit_name')
    .where('u.username', '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Kysely<DB>, id: number) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setPassword(db: Kysely<DB>, userId: number, passwordHash: string, mustChange: boolean) {
  await db
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: mustChange, updated_at: clock.now() })
    .where('id', '=', userId)
    .execute();
}
