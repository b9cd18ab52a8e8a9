import type { TRole } from '#contracts/auth.ts';
import { hasRole, type Actor } from '#server/shared/actor.ts';

/**
 * Who may manage accounts. Unit administrators manage the accounts of their subtree (the queries scope); only a
 * system administrator may grant the system administrator role or touch an account that holds it, so no one can
 * raise themselves above their unit.
 */
export const userPolicy = {
  manage: (actor: Actor) => hasRole(actor, 'system_admin', 'unit_admin'),
  /** Granting these roles, or changing an account that holds them. */
  handleRoles: (actor: Actor, roles: readonly string[]) => !roles.includes('system_admin') || hasRole(actor, 'system_admin'),
};

/** The roles as a sorted set without repeats. */
export const normaliseRoles = (roles: readonly TRole[]): TRole[] => [...new Set(roles)].sort();
