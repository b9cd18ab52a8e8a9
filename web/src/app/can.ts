import type { TMe, TRole } from '#contracts/auth.ts';

// What the interface offers to whom. These mirror the server policies as hints only: the server decides.
const hasRole = (me: TMe | null | undefined, ...roles: TRole[]) => !!me && roles.some((role) => me.roles.includes(role));

/** Users and audit log (server: audit.policy, user policy). */
export const canAdminister = (me: TMe | null | undefined) => hasRole(me, 'system_admin', 'unit_admin');

/** Add, import and close villages (server: unit.policy.manageVillages). */
export const canManageVillages = (me: TMe | null | undefined) =>
  hasRole(me, 'system_admin', 'unit_admin', 'commission_officer', 'data_entry');

/** Import members of organisations. */
export const canManageMembers = canManageVillages;
