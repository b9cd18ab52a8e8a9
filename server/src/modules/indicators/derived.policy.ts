import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may recompute a province's derived values (a heavy job over every period since 2019): a system
 * administrator, or a unit administrator of a province (the 'indicators.configure' row limits it to provinces).
 */
export const derivedPolicy = {
  backfill: (actor: Actor) =>
    allows(actor, 'indicators.configure') && (actor.roles.has('system_admin') || actor.roles.has('unit_admin')),
};
