import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may do what with programmes: the 'programmes.*' rows of contracts/permissions.ts. The queries decide which
 * programmes are reached (programme-access.repository.ts: read in or above scope, managed in scope).
 */
export const programmePolicy = {
  read: (actor: Actor) => allows(actor, 'programmes.read'),
  /** Create and change programmes, plans and targets of a unit in scope; load packs. */
  manage: (actor: Actor) => allows(actor, 'programmes.manage'),
};
