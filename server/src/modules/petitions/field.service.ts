import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { invalidField } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { findFieldByCode, insertField, listFields as listFieldRows, provinceOfUnit, provincesOfRoots } from './field.repository.ts';
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

/** Adds a field of cases for the actor's own province (province-level configurers). */
export async function createField(db: Database, actor: Actor, input: { code: string; name: string; position?: number | undefined }) {
  authorize(petitionPolicy.configure(actor));
  return db.transaction().execute(async (trx) => {
    const provinceId = actor.unitId === null ? null : await provinceOfUnit(trx, actor.unitId);
    if (provinceId === null) throw invalidField('code', msg('petitions.fieldNeedsProvince'));
    const taken = await findFieldByCode(trx, provinceId, input.code);
    if (taken) throw invalidField('code', msg('petitions.fieldCodeTaken', { code: input.code }));
    const row = await insertField(trx, { code: input.code, name: input.name, province_id: provinceId, position: input.position ?? 500 });
    await recordAudit(trx, actor, { action: 'create', entity: 'petition_field', entityId: row.id, unitId: actor.unitId, after: { code: row.code, name: row.name } });
    return presentField(row);
  });
}
