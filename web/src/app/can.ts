import type { TMe } from '#contracts/auth.ts';
import { can as tableAllows, type TAction } from '#contracts/permissions.ts';

// What the interface offers to whom, read from the one permission table the server's policies also read
// (contracts/permissions.ts). Hints only: the server decides, record by record and within the user's scope.

/**
 * Whether the signed-in user may do `action`: it must be among their permissions (`/api/auth/me`, levels
 * applied) and, for a grant limited to their own organisation, `target.organizationId` must be theirs.
 */
export function can(me: TMe | null | undefined, action: TAction, target?: { organizationId?: number | null }): boolean {
  if (!me || !me.permissions.includes(action)) return false;
  // the level rule is already applied to me.permissions; the table adds the own-organisation rule
  return tableAllows({ roles: me.roles, unitLevel: null, organizationId: me.organizationId }, action, target);
}

/** The administration area: accounts or the audit log. */
export const canAdminister = (me: TMe | null | undefined) => can(me, 'users.manage') || can(me, 'audit.read');

/** Add, import and close villages. */
export const canManageVillages = (me: TMe | null | undefined) => can(me, 'units.manageVillages');

/** Add, end and import members of an organisation (a focal point: its own organisation only). */
export const canManageMembers = (me: TMe | null | undefined, organizationId?: number) =>
  can(me, 'organizations.write', { organizationId: organizationId ?? null }) && can(me, 'people.manageRoles', { organizationId: organizationId ?? null });
