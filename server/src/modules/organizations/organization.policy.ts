import { hasRole, type Actor } from '#server/shared/actor.ts';

/** Roles that keep the organisation registry of their units. */
const KEEPERS = ['system_admin', 'unit_admin', 'commission_officer', 'data_entry'] as const;

/**
 * Who may do what with organisations. Reading is open to every signed-in user within their scope (the queries
 * scope); leaders only read; a focal point keeps only its own organisation (its record and its members).
 */
export const organizationPolicy = {
  read: (_actor: Actor) => true,
  create: (actor: Actor) => hasRole(actor, ...KEEPERS),
  /** Changing an organisation or importing its members. */
  write: (actor: Actor, organizationId: number) =>
    hasRole(actor, ...KEEPERS) || (hasRole(actor, 'focal_point') && actor.organizationId === organizationId),
};
