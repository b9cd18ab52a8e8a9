import { sql, type Kysely } from 'kysely';
import type { AppUserTable, DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inScope, unitOwned, validOn } from '#server/shared/scope.ts';
import { clock } from '#server/shared/clock.ts';

/** A unit of the successors suggested for a legacy account. */
export interface SuccessorUnitRow {
  id: number;
  full_name: string;
  level: 'province' | 'district' | 'commune' | 'village';
  structure: '2019' | '2025';
}

/**
 * For an account whose unit ended before `today`, the units valid today that its unit went into (following
 * unit_succession forwards, transitively) and that lie in the scope: where a legacy account can be moved.
 */
function successorUnits(scope: Scope, today: string) {
  return sql<SuccessorUnitRow[]>`case when unit.valid_to < ${today}::date then (
    with recursive fwd(id, depth) as (
      select s.new_unit_id, 1 from unit_succession s where s.old_unit_id = a.unit_id
      union
      select s.new_unit_id, f.depth + 1 from unit_succession s join fwd f on s.old_unit_id = f.id where f.depth < 10
    )
    select coalesce(json_agg(json_build_object('id', n.id, 'full_name', n.full_name, 'level', n.level, 'structure', n.structure)
      order by n.full_name), '[]'::json)
    from admin_unit n
    where n.id in (select id from fwd) and ${validOn('n', today)} and ${inScope('n.path', scope)}
  ) else '[]'::json end`;
}

/**
 * Accounts whose unit lies in the scope; accounts without a unit (system administrators) only for the
 * whole-country scope. Never selects the password hash. `today` decides which accounts are legacy.
 */
function usersInScope(db: Kysely<DB>, scope: Scope, today: string) {
  return unitOwned(db, 'app_user as a', 'a.unit_id', scope, { join: 'left' }).select([
      sql<boolean>`coalesce(unit.valid_to < ${today}::date, false)`.as('unit_ended'),
      successorUnits(scope, today).as('successor_units'),
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

/**
 * Accounts in scope, optionally in one unit's subtree, matching a username or name (diacritics optional), and
 * only legacy accounts (legacy true) or only accounts of current units (legacy false).
 */
export async function listUsers(
  db: Kysely<DB>,
  scope: Scope,
  today: string,
  filter: { q?: string | undefined; unitId?: number | undefined; legacy?: boolean | undefined },
) {
  let query = usersInScope(db, scope, today);
  if (filter.legacy !== undefined) {
    const ended = sql<boolean>`coalesce(unit.valid_to < ${today}::date, false)`;
    query = query.where(filter.legacy ? ended : sql<boolean>`not ${ended}`);
  }
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
export async function findUser(db: Kysely<DB>, scope: Scope, id: number, today: string): Promise<UserRecord | undefined> {
  return usersInScope(db, scope, today).where('a.id', '=', id).executeTakeFirst();
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
  changes: Partial<
    Pick<UserValues, 'full_name' | 'unit_id' | 'organization_id' | 'roles' | 'password_hash' | 'must_change_password'> & { disabled: boolean }
  >,
): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ ...changes, updated_at: clock.now() })
    .where('id', '=', id)
    .execute();
}
