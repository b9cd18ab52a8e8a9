import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may do what with people and their roles: the 'people.*' rows of contracts/permissions.ts. The queries scope
 * every read; focal points keep only the people and roles of their own organisation.
 */
export const personPolicy = {
  read: (actor: Actor) => allows(actor, 'people.read'),
  /** Registering a person: keepers, and focal points (who then give them a role in their organisation). */
  create: (actor: Actor) => allows(actor, 'people.create'),
  /** Changing a person: keepers; a focal point only someone who holds or held a role in its organisation. */
  update: (actor: Actor, heldRoleInOwnOrganization: boolean) =>
    allows(actor, 'people.update', { organizationId: heldRoleInOwnOrganization ? actor.organizationId : null }),
  /** Giving or ending a role in an organisation: keepers; a focal point only in its own organisation. */
  manageRole: (actor: Actor, organizationId: number) => allows(actor, 'people.manageRoles', { organizationId }),
  /** Ethnicity and religion (sensitive under Decree 13/2023): only the roles whose work needs them. */
  sensitive: (actor: Actor) => allows(actor, 'people.readSensitive'),
};
