import { allows, type Actor } from '#server/shared/actor.ts';

/** Who may do what with units: the 'units.*' rows of contracts/permissions.ts. The queries scope every read. */
export const unitPolicy = {
  read: (actor: Actor) => allows(actor, 'units.read'),
  /** Villages are kept by the commune (or a level above it), never by a village's own account. */
  manageVillages: (actor: Actor) => allows(actor, 'units.manageVillages'),
  /** Successors of ended official units are national reference data: a system administrator's, with a reason. */
  manageSuccession: (actor: Actor) => allows(actor, 'units.manageSuccession'),
};
