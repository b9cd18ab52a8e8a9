import type { TPerson, TPersonDetail, TPersonInput } from '#contracts/people.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { notFound } from '#server/shared/errors.ts';
import { clock } from '#server/shared/clock.ts';
import { auditActionOf, checkHistoryWrite, datedUnit } from '#server/shared/history.ts';
import { msg } from '#server/shared/messages.ts';
import { recordAudit } from '../audit/index.ts';
import { findUnit } from '../units/index.ts';
import { personPolicy } from './person.policy.ts';
import { maskSensitive, presentPerson, presentRole } from './person.presenter.ts';
import * as repo from './person.repository.ts';
import { listRolesOfPerson } from './role.repository.ts';

/** A unit in scope, or 404. */
async function unitInScope(db: Database, actor: Actor, unitId: number) {
  const unit = await findUnit(db, actor.scope, unitId, clock.today());
  if (!unit) throw notFound('entity.unit');
  return unit;
}

/** One page of the people registered in a unit (or its subtree), with the total. */
export async function listPeople(
  db: Database,
  actor: Actor,
  query: { unitId: number; q?: string | undefined; subtree: boolean; limit: number; offset: number },
): Promise<{ items: TPerson[]; total: number }> {
  const unit = await unitInScope(db, actor, query.unitId);
  const { rows, total } = await repo.listPeople(db, actor.scope, unit, query);
  return { items: rows.map(presentPerson), total };
}

/**
 * A person with every role. Ethnicity and religion are returned only when the policy allows, and each such
 * read is written to the audit log in the same transaction.
 */
export async function getPerson(db: Database, actor: Actor, id: number): Promise<TPersonDetail> {
  return db.transaction().execute(async (trx) => {
    const person = await repo.findPerson(trx, actor.scope, id);
    if (!person) throw notFound('entity.person');
    const roles = await listRolesOfPerson(trx, actor.scope, id);
    let sensitive: TPersonDetail['sensitive'] = null;
    if (personPolicy.sensitive(actor)) {
      sensitive = { ethnicity: person.ethnicity, religion: person.religion };
      await recordAudit(trx, actor, {
        action: 'read_protected',
        entity: 'person',
        entityId: id,
        unitId: person.unit_id,
        after: { fields: ['ethnicity', 'religion'] },
      });
    }
    return { person: presentPerson(person), sensitive, roles: roles.map(presentRole) };
  });
}

/** Keys of `input` that were sent (present, even if null). */
const sent = <T extends object>(input: T, key: keyof T) => input[key] !== undefined;

/**
 * Registers a person in a unit in scope (an ended unit only as a system administrator's back-fill); ethnicity
 * and religion need the sensitive policy.
 */
export async function createPerson(db: Database, actor: Actor, body: TPersonInput & { backfill?: boolean | undefined }): Promise<TPerson> {
  const { backfill, ...input } = body;
  authorize(personPolicy.create(actor));
  if (sent(input, 'ethnicity') || sent(input, 'religion')) authorize(personPolicy.sensitive(actor), msg('people.sensitiveForbidden'));
  return db.transaction().execute(async (trx) => {
    const unit = await unitInScope(trx, actor, input.unitId);
    const mode = checkHistoryWrite(actor, [datedUnit(unit)], backfill);
    const [id] = await repo.insertPeople(trx, [
      {
        unit_id: input.unitId,
        full_name: input.fullName,
        gender: input.gender ?? null,
        birth_year: input.birthYear ?? null,
        phone: input.phone ?? null,
        ethnicity: input.ethnicity ?? null,
        religion: input.religion ?? null,
      },
    ]);
    if (id === undefined) throw new Error('insert returned nothing');
    await recordAudit(trx, actor, { action: auditActionOf(mode, 'create'), entity: 'person', entityId: id, unitId: input.unitId, after: maskSensitive(input) });
    const created = await repo.findPerson(trx, actor.scope, id);
    if (!created) throw new Error('created person not readable');
    return presentPerson(created);
  });
}

/** Changes a person; only the fields sent change. Ethnicity and religion need the sensitive policy. */
export async function updatePerson(db: Database, actor: Actor, id: number, input: Omit<Partial<TPersonInput>, 'unitId'>): Promise<TPerson> {
  return db.transaction().execute(async (trx) => {
    const person = await repo.findPerson(trx, actor.scope, id);
    if (!person) throw notFound('entity.person');
    const heldInOwn = actor.organizationId !== null && (await repo.heldRoleIn(trx, actor.scope, id, actor.organizationId));
    authorize(personPolicy.update(actor, heldInOwn));
    if (sent(input, 'ethnicity') || sent(input, 'religion')) authorize(personPolicy.sensitive(actor), msg('people.sensitiveForbidden'));
    const changes = {
      ...(sent(input, 'fullName') ? { full_name: input.fullName } : {}),
      ...(sent(input, 'gender') ? { gender: input.gender ?? null } : {}),
      ...(sent(input, 'birthYear') ? { birth_year: input.birthYear ?? null } : {}),
      ...(sent(input, 'phone') ? { phone: input.phone ?? null } : {}),
      ...(sent(input, 'ethnicity') ? { ethnicity: input.ethnicity ?? null } : {}),
      ...(sent(input, 'religion') ? { religion: input.religion ?? null } : {}),
    };
    await repo.updatePerson(trx, id, changes);
    const before: Record<string, unknown> = {};
    for (const key of Object.keys(input) as (keyof typeof input)[]) {
      if (input[key] !== undefined) before[key] = beforeValue(person, key);
    }
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'person',
      entityId: id,
      unitId: person.unit_id,
      before: maskSensitive(before),
      after: maskSensitive(input),
    });
    const updated = await repo.findPerson(trx, actor.scope, id);
    if (!updated) throw new Error('updated person not readable');
    return presentPerson(updated);
  });
}

function beforeValue(person: repo.PersonRecord, key: keyof Omit<TPersonInput, 'unitId'>): unknown {
  const columns = {
    fullName: person.full_name,
    gender: person.gender,
    birthYear: person.birth_year,
    phone: person.phone,
    ethnicity: person.ethnicity,
    religion: person.religion,
  };
  return columns[key];
}
