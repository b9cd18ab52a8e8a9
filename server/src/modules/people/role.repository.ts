import { sql, type Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';

/**
 * Roles with person and organisation names. A role belongs to its organisation's unit: that unit's path is
 * what scopes it.
 */
function rolesInScope(db: Kysely<DB>, scope: Scope) {
  return unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('person_role as r', 'r.organization_id', 'o.id')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select([
      'r.id',
      'r.person_id',
      'p.full_name as person_name',
      'r.organization_id',
      'o.name as organization_name',
      'o.type as organization_type',
      'o.unit_id as organization_unit_id',
      'r.title',
      'r.is_head',
      'r.term_from',
      'r.term_to',
      // the organisation's last day: the day before its dissolution or its unit's end (shared/history.ts)
      sql<string | null>`least(o.dissolved_on - 1, unit.valid_to)`.as('organization_last_day'),
    ]);
}

export type RoleRecord = Awaited<ReturnType<ReturnType<typeof rolesInScope>['executeTakeFirstOrThrow']>>;

/** Every role of a person in organisations the scope reaches, newest first. */
export async function listRolesOfPerson(db: Kysely<DB>, scope: Scope, personId: number): Promise<RoleRecord[]> {
  return rolesInScope(db, scope)
    .where('r.person_id', '=', personId)
    .orderBy('r.term_from', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/** Roles of an organisation current on `asOf` (the caller orders them for display). */
export async function listCurrentRolesOfOrganization(db: Kysely<DB>, scope: Scope, organizationId: number, asOf: string): Promise<RoleRecord[]> {
  return rolesInScope(db, scope)
    .where('r.organization_id', '=', organizationId)
    .where(sql<boolean>`r.term_from <= ${asOf}::date and (r.term_to is null or r.term_to >= ${asOf}::date)`)
    .execute();
}

/** One role in scope, or undefined. */
export async function findRole(db: Kysely<DB>, scope: Scope, roleId: number): Promise<RoleRecord | undefined> {
  return rolesInScope(db, scope).where('r.id', '=', roleId).executeTakeFirst();
}

/** Roles of these people in one organisation that are still open on or after `from` (to catch duplicates). */
export async function openRolesIn(db: Kysely<DB>, scope: Scope, organizationId: number, personIds: number[], from: string) {
  if (personIds.length === 0) return [];
  return unitOwned(db, 'organization as o', 'o.unit_id', scope)
    .innerJoin('person_role as r', 'r.organization_id', 'o.id')
    .select(['r.id', 'r.person_id', 'r.title', 'r.term_from', 'r.term_to'])
    .where('o.id', '=', organizationId)
    .where('r.person_id', 'in', personIds)
    .where(sql<boolean>`(r.term_to is null or r.term_to >= ${from}::date)`)
    .execute();
}

interface RoleValues {
  person_id: number;
  organization_id: number;
  title: string;
  is_head: boolean;
  term_from: string;
  term_to: string | null;
}

/** Inserts roles; returns their ids in input order. */
export async function insertRoles(db: Kysely<DB>, roles: RoleValues[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < roles.length; i += 1000) {
    const rows = await db.insertInto('person_role').values(roles.slice(i, i + 1000)).returning('id').execute();
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

/** Closes a role on a date; the row stays as history. */
export async function setRoleEnd(db: Kysely<DB>, roleId: number, termTo: string): Promise<void> {
  await db.updateTable('person_role').set({ term_to: termTo }).where('id', '=', roleId).execute();
}
