import type { TRole } from '#contracts/auth.ts';
import { allows, type Actor } from '#server/shared/actor.ts';

/**
 * Who may manage accounts: the 'users.*' rows of contracts/permissions.ts. Unit administrators manage the accounts of their subtree (the queries scope); only a
 * system administrator may grant the system administrator role or touch an account that holds it, so no one can
 * raise themselves above their unit.
 */
export const userPolicy = {
  manage: (actor: Actor) => allows(actor, 'users.manage'),
  /** Granting these roles, or changing an account that holds them. */
  handleRoles: (actor: Actor, roles: readonly string[]) => !roles.includes('system_admin') || allows(actor, 'users.grantSystemAdmin'),
};

/** The roles as a sorted set without repeats. */
export const normaliseRoles = (roles: readonly TRole[]): TRole[] => [...new Set(roles)].sort();
