import { hasRole, type Actor } from '#server/shared/actor.ts';

/** Roles that keep the people registry of their units. */
const KEEPERS = ['system_admin', 'unit_admin', 'commission_officer', 'data_entry'] as const;

/**
 * Who may do what with people and their roles. Reading is open to every signed-in user within their scope (the
 * queries scope); focal points keep only the people and roles of their own organisation.
 */
export const personPolicy = {
  read: (_actor: Actor) => true,
  /** Registering a person: keepers, and focal points (who then give them a role in their organisation). */
  create: (actor: Actor) => hasRole(actor, ...KEEPERS, 'focal_point'),
  /** Changing a person: keepers; a focal point only someone who holds or held a role in its organisation. */
  update: (actor: Actor, heldRoleInOwnOrganization: boolean) =>
    hasRole(actor, ...KEEPERS) || (hasRole(actor, 'focal_point') && heldRoleInOwnOrganization),
  /** Giving or ending a role in an organisation: keepers; a focal point only in its own organisation. */
  manageRole: (actor: Actor, organizationId: number) =>
    hasRole(actor, ...KEEPERS) || (hasRole(actor, 'focal_point') && actor.organizationId === organizationId),
  /**
   * Ethnicity and religion (sensitive under Decree 13/2023): only the roles whose work needs them; Ban Dân vận
   * handles ethnic and religious work. Not data entry, leaders or focal points. Every read is audited.
   */
  sensitive: (actor: Actor) => hasRole(actor, 'system_admin', 'unit_admin', 'commission_officer'),
};
