import { hasRole, type Actor } from '#server/shared/actor.ts';

/** Who may do what with units. Reading is open to every signed-in user within their scope (the query scopes). */
export const unitPolicy = {
  read: (_actor: Actor) => true,
  /** Villages are kept by the commune: its admins, its Ban Dân vận officers and its data-entry clerks. */
  manageVillages: (actor: Actor) => hasRole(actor, 'system_admin', 'unit_admin', 'commission_officer', 'data_entry'),
};
