import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may do what with grassroots activity: the 'grassroots.*' rows of contracts/permissions.ts. Which records are
 * reached is the queries' business (visits: their place in scope; figures: bodies in scope).
 */
export const grassrootsPolicy = {
  read: (actor: Actor) => allows(actor, 'grassroots.read'),
  /** A focal point only for cadres of its own organisation: pass the role's organisation. */
  log: (actor: Actor, target?: { organizationId?: number | null }) => allows(actor, 'grassroots.log', target),
  manage: (actor: Actor) => allows(actor, 'grassroots.manage'),
};
