import type { TRoleHeld } from '#contracts/organizations.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { conflict, invalidField, notFound } from '#server/shared/errors.ts';
import { auditActionOf, checkHistoryWrite, datedOrganization } from '#server/shared/history.ts';
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
  input: { organizationId: number; title: string; isHead: boolean; termFrom: string; termTo?: string | null | undefined; backfill?: boolean | undefined },
): Promise<TRoleHeld> {
  return db.transaction().execute(async (trx) => {
    const person = await findPerson(trx, actor.scope, personId);
    if (!person) throw notFound('entity.person');
    const organization = await findOrganization(trx, actor.scope, input.organizationId, input.termFrom);
    if (!organization) throw notFound('entity.organization');
    authorize(personPolicy.manageRole(actor, organization.id));
    const mode = checkHistoryWrite(actor, [datedOrganization(organization)], input.backfill);
    if (organization.dissolved_on !== null && input.termFrom >= organization.dissolved_on) {
      throw invalidField('termFrom', msg('people.organizationDissolved', { organization: organization.name, date: vnDate(organization.dissolved_on) }));
    }
    if (organization.founded_on !== null && input.termFrom < organization.founded_on) {
      throw invalidField('termFrom', msg('people.organizationFounded', { organization: organization.name, date: vnDate(organization.founded_on) }));
    }
    // a back-filled role ends with the organisation it was held in, unless its end is given
    const termTo = input.termTo ?? (mode.backfill ? organization.last_day : null);
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
      action: auditActionOf(mode, 'create'),
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

/**
 * Ends a role on a date. The role stays as history; a role already ended is not silently re-dated (409), nor is
 * a role of an ended organisation changed except by a system administrator's back-fill.
 */
export async function endRole(
  { db, derived }: Pick<ModuleContext, 'db' | 'derived'>,
  actor: Actor,
  roleId: number,
  termTo: string,
  backfill?: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const role = await roles.findRole(trx, actor.scope, roleId);
    if (!role) throw notFound('entity.role');
    authorize(personPolicy.manageRole(actor, role.organization_id));
    const mode = checkHistoryWrite(
      actor,
      [
        { kind: 'role', name: msg('history.roleName', { title: role.title, person: role.person_name }), lastDay: role.term_to },
        datedOrganization({ name: role.organization_name, last_day: role.organization_last_day }),
      ],
      backfill,
    );
    if (role.term_to !== null) throw conflict(msg('people.roleEnded', { title: role.title, person: role.person_name, date: vnDate(role.term_to) }));
    if (termTo < role.term_from) throw invalidField('termTo', msg('common.mustBeFrom', { date: vnDate(role.term_from) }));
    await roles.setRoleEnd(trx, roleId, termTo);
    await recordAudit(trx, actor, {
      action: auditActionOf(mode, 'update'),
      entity: 'person_role',
      entityId: roleId,
      unitId: role.organization_unit_id,
      before: { termTo: null },
      after: { termTo },
    });
    await touchOrganization(trx, derived, actor, { types: [role.organization_type], unitIds: [role.organization_unit_id], roles: true });
  });
}
