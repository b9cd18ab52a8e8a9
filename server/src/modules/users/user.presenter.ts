import type { TUser } from '#contracts/users.ts';
import { ZRole } from '#contracts/auth.ts';
import type { UserRecord } from './user.repository.ts';

/** Repository row → contract shape (the repository never selects the password hash). */
export function presentUser(row: UserRecord): TUser {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    organizationId: row.organization_id,
    roles: row.roles.map((role) => ZRole.parse(role)),
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    createdAt: new Date(row.created_at).toISOString(),
    unitEnded: row.unit_ended,
    successorUnits: row.successor_units.map((unit) => ({ id: unit.id, fullName: unit.full_name, level: unit.level, structure: unit.structure })),
  };
}
