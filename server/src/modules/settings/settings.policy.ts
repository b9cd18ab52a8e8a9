import { allows, type Actor } from '#server/shared/actor.ts';

/** Who may do what with a province's settings: the 'settings.*' row of contracts/permissions.ts. */
export const settingsPolicy = {
  /** Everyone in or below the province reads them (they decide which bodies a commune keeps). */
  read: (actor: Actor) => allows(actor, 'units.read'),
  manage: (actor: Actor) => allows(actor, 'settings.manage'),
};
