import type { Kysely } from 'kysely';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { inOrAboveScope, inScope } from '#server/shared/scope.ts';

/**
 * Who reaches a programme: its readers are the units in scope of its owner and the units below it (a commune reads
 * the province's programme it implements), so a programme is readable when its owner unit is in or above the
 * actor's scope; it is manageable (edited, assigned, loaded into) only when its owner unit is in scope. Every
 * query of this module on programme-owned rows starts from one of these two.
 */
export function readableProgrammes(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('programme as p')
    .innerJoin('admin_unit as owner', 'owner.id', 'p.owner_unit_id')
    .where(inOrAboveScope('owner.path', scope));
}

/** Programmes whose owner unit lies in the actor's scope (see readableProgrammes). */
export function manageableProgrammes(db: Kysely<DB>, scope: Scope) {
  return db
    .selectFrom('programme as p')
    .innerJoin('admin_unit as owner', 'owner.id', 'p.owner_unit_id')
    .where(inScope('owner.path', scope));
}

/** The programme's row when the actor may read it (undefined: not found or out of reach, answered as 404). */
export async function findReadableProgramme(db: Kysely<DB>, scope: Scope, id: number) {
  return readableProgrammes(db, scope)
    .selectAll('p')
    .select(['owner.level as owner_level', 'owner.path as owner_path', 'owner.name as owner_name'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** The programme's row when the actor may change it. */
export async function findManageableProgramme(db: Kysely<DB>, scope: Scope, id: number) {
  return manageableProgrammes(db, scope)
    .selectAll('p')
    .select(['owner.level as owner_level', 'owner.path as owner_path', 'owner.name as owner_name'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
