import { sql, type Kysely } from 'kysely';
import type { AppUserTable, DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';
import { clock } from '#server/shared/clock.ts';

/**
 * Accounts whose unit lies in the scope; accounts without a unit (system administrators) only for the
 * whole-country scope. Never selects the password hash.
 */
function usersInScope(db: Kysely<DB>, scope: Scope) {
  return unitOwned(db, 'app_user as a', 'a.unit_id', scope, { join: 'left' }).select([
      'a.id',
      'a.username',
      'a.full_name',
      'a.unit_id',
      'unit.full_name as unit_name',
      'a.organization_id',
      'a.roles',
      'a.disabled',
      'a.must_change_password',
      'a.created_at',
    ]);
}

export type UserRecord = Awaited<ReturnType<ReturnType<typeof usersInScope>['executeTakeFirstOrThrow']>>;

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Accounts in scope, optionally in one unit's subtree and matching a username or name (diacritics optional). */
export async function listUsers(db: Kysely<DB>, scope: Scope, filter: { q?: string | undefined; unitId?: number | undefined }) {
  let query = usersInScope(db, scope);
  if (filter.unitId !== undefined) {
    query = query.where(sql<boolean>`unit.path <@ (select path from admin_unit where id = ${filter.unitId})`);
  }
  if (filter.q) {
    const pattern = likeEscape(filter.q);
    query = query.where(
      sql<boolean>`(a.username like '%' || lower(${pattern}) || '%' or fold_vi(a.full_name) like '%' || fold_vi(${pattern}) || '%')`,
    );
  }
  return query.orderBy('a.username').limit(1000).execute();
}

/** One account in scope, or undefined. */
export async function findUser(db: Kysely<DB>, scope: Scope, id: number): Promise<UserRecord | undefined> {
  return usersInScope(db, scope).where('a.id', '=', id).executeTakeFirst();
}

export async function usernameTaken(db: Kysely<DB>, username: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

/**
 * An organisation in scope, with whether it lies in the subtree of `unitId` (an account's organisation must
 * belong to the account's unit); undefined when unknown or out of scope.
 */
export async function findOrganizationForAccount(db: Kysely<DB>, scope: Scope, organizationId: number, unitId: number | null) {
  const underUnit =
    unitId === null ? sql<boolean>`true` : sql<boolean>`coalesce(unit.path <@ (select path from admin_unit where id = ${unitId}), false)`;
  return unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .select(['o.id', 'o.name', underUnit.as('under_unit')])
    .where('o.id', '=', organizationId)
    .executeTakeFirst();
}

/** Writable columns of an account. */
type UserValues = Pick<
  AppUserTable,
  'username' | 'password_hash' | 'full_name' | 'unit_id' | 'organization_id' | 'roles'
> & { must_change_password: boolean };

export async function insertUser(db: Kysely<DB>, values: UserValues): Promise<number> {
  const row = await db
    .insertInto('app_user')
    .values({ ...values, updated_at: clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUser(
  db: Kysely<DB>,
  id: number,
  changes: Partial<Pick<UserValues, 'full_name' | 'organization_id' | 'roles' | 'password_hash' | 'must_change_password'> & { disabled: boolean }>,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ ...changes, updated_at: clock.now() })
    .where('id', '=', id)
    .execute();
}
