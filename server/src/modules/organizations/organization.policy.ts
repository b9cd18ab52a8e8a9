import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may do what with organisations: the 'organizations.*' rows of contracts/permissions.ts. The queries scope
 * every read; a focal point keeps only its own organisation (its record and its members).
 */
export const organizationPolicy = {
  read: (actor: Actor) => allows(actor, 'organizations.read'),
  create: (actor: Actor) => allows(actor, 'organizations.create'),
  /** Changing an organisation or importing its members. */
  write: (actor: Actor, organizationId: number) => allows(actor, 'organizations.write', { organizationId }),
};
