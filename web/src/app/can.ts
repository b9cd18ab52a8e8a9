import type { TMe, TRole } from '#contracts/auth.ts';

// What the interface offers to whom. These mirror the server policies as hints only: the server decides.
const hasRole = (me: TMe | null | undefined, ...roles: TRole[]) => !!me && roles.some((role) => me.roles.includes(role));

/** Users and audit log (server: audit.policy, user policy). */
export const canAdminister = (me: TMe | null | undefined) => hasRole(me, 'system_admin', 'unit_admin');

/** Add, import and close villages (server: unit.policy.manageVillages). */
export const canManageVillages = (me: TMe | null | undefined) =>
  hasRole(me, 'system_admin', 'unit_admin', 'commission_officer', 'data_entry');

/**
 * Add, end and import members of an organisation (server: organization.policy.write, person.policy.manageRole):
 * the registry keepers, and a focal point for its own organisation only.
 */
export const canManageMembers = (me: TMe | null | undefined, organizationId?: number) =>
  canManageVillages(me) || (hasRole(me, 'focal_point') && organizationId !== undefined && me?.organizationId === organizationId);
