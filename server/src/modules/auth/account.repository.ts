import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import { clock } from '#server/shared/clock.ts';

/** Accounts as the login path needs them. (Admin listing and editing live in modules/users.) */
export async function findUserByUsername(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('admin_unit as unit', 'unit.id', 'u.unit_id')
    .selectAll('u')
    .select(['unit.full_name as unit_name', 'unit.level as unit_level'])
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

/** Whether an account already uses this username (any case). */
export async function usernameExists(db: Kysely<DB>, username: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', username.toLowerCase()).executeTakeFirst();
  return row !== undefined;
}

/** A system administrator (no unit, whole country) who must choose a password at first login. */
export async function insertSystemAdministrator(db: Kysely<DB>, values: { username: string; fullName: string; passwordHash: string }) {
  const row = await db
    .insertInto('app_user')
    .values({
      username: values.username,
      full_name: values.fullName,
      password_hash: values.passwordHash,
      unit_id: null,
      organization_id: null,
      roles: ['system_admin'],
      must_change_password: true,
      updated_at: clock.now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
