import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { listFields as listFieldRows, provincesOfRoots } from './field.repository.ts';
import { petitionPolicy } from './petition.policy.ts';
import { presentField } from './petition.presenter.ts';

/** The provinces of the actor's scope (null = whole country): every query on cases filters province_id by them. */
export async function actorProvinces(db: Database, actor: Actor): Promise<number[] | null> {
  return actor.scope.all ? null : provincesOfRoots(db, actor.scope.roots);
}

/** Fields of cases the actor may use: national defaults and those of the provinces of the actor's scope. */
export async function listFields(db: Database, actor: Actor) {
  authorize(petitionPolicy.read(actor));
  const rows = await listFieldRows(db, await actorProvinces(db, actor));
  return rows.map(presentField);
}
