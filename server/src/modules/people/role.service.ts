import type { TRoleHeld } from '#contracts/organizations.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { msg, vnDate } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { foldVi } from '#server/shared/vn-text.ts';
import { recordAudit } from '../audit/index.ts';
import { findOrganization, touchOrganization } from '../organizations/index.ts';
import { personPolicy } from './person.policy.ts';
import { presentRole } from './person.presenter.ts';
import { findPerson } from './person.repository.ts';
import * as roles from './role.repository.ts';

/** The roles of an organisation in scope current on `asOf`, unordered (the caller orders them for display). */
export async function listOrganizationRoles(db: Database, actor: Actor, organizationId: number, asOf: string): Promise<TRoleHeld[]> {
  const rows = await roles.listCurrentRolesOfOrganization(db, actor.scope, organizationId, asOf);
  return rows.map(presentRole);
}

/**
 * Gives a person a role in an organisation for a term. A person may hold several roles at once, but not the
 * same title twice in one organisation over overlapping terms.
 */
export async function addRole(
  { db, derived }: Pick<ModuleContext, 'db' | 'derived'>,
  actor: Actor,
  personId: number,
  input: { organizationId: number; title: string; isHead: boolean; termFrom: string; termTo?: string | null | undefined },
): Promise<TRoleHeld> {
  return db.transaction().execute(async (trx) => {
    const person = await findPerson(trx, actor.scope, personId);
    if (!person) throw notFound('entity.person');
    const organization = await findOrganization(trx, actor.scope, input.organizationId, input.termFrom);
    if (!organization) throw notFound('entity.organization');
    authorize(personPolicy.manageRole(actor, organization.id));
    if (organization.dissolved_on !== null && input.termFrom >= organization.dissolved_on) {
      throw invalidField('termFrom', msg('people.organizationDissolved', { organization: organization.name, date: vnDate(organization.dissolved_on) }));
    }
    if (organization.founded_on !== null && input.termFrom < organization.founded_on) {
      throw invalidField('termFrom', msg('people.organizationFounded', { organization: organization.name, date: vnDate(organization.founded_on) }));
    }
    const termTo = input.termTo ?? null;
    if (termTo !== null && termTo < input.termFrom) {
      throw invalidField('termTo', msg('common.mustBeFrom', { date: vnDate(input.termFrom) }));
    }
    const open = await roles.openRolesIn(trx, actor.scope, organization.id, [personId], input.termFrom);
    const clash = open.find((role) => foldVi(role.title) === foldVi(input.title) && (termTo === null || role.term_from <= termTo));
    if (clash) {
      throw conflict(msg('people.alreadyHolds', { person: person.full_name, title: clash.title, organization: organization.name, from: vnDate(clash.term_from) }));
    }
    const [id] = await roles.insertRoles(trx, [
      { person_id: personId, organization_id: organization.id, title: input.title, is_head: input.isHead, term_from: input.termFrom, term_to: termTo },
    ]);
    if (id === undefined) throw new Error('insert returned nothing');
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'person_role',
      entityId: id,
      unitId: organization.unit_id,
      after: { personId, ...input, termTo },
    });
    await touchOrganization(trx, derived, actor, { types: [organization.type], unitIds: [organization.unit_id], roles: true });
    const created = await roles.findRole(trx, actor.scope, id);
    if (!created) throw new Error('created role not readable');
    return presentRole(created);
  });
}

/** Ends a role on a date. The role stays as history; a role already ended is not silently re-dated (409). */
export async function endRole({ db, derived }: Pick<ModuleContext, 'db' | 'derived'>, actor: Actor, roleId: number, termTo: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const role = await roles.findRole(trx, actor.scope, roleId);
    if (!role) throw notFound('entity.role');
    authorize(personPolicy.manageRole(actor, role.organization_id));
    if (role.term_to !== null) throw conflict(msg('people.roleEnded', { title: role.title, person: role.person_name, date: vnDate(role.term_to) }));
    if (termTo < role.term_from) throw invalidField('termTo', msg('common.mustBeFrom', { date: vnDate(role.term_from) }));
    await roles.setRoleEnd(trx, roleId, termTo);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'person_role',
      entityId: roleId,
      unitId: role.organization_unit_id,
      before: { termTo: null },
      after: { termTo },
    });
    await touchOrganization(trx, derived, actor, { types: [role.organization_type], unitIds: [role.organization_unit_id], roles: true });
  });
}
