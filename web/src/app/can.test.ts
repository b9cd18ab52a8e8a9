import { describe, expect, it } from 'vitest';
import type { TMe } from '#contracts/auth.ts';
import { can, canManageMembers, canManageVillages } from './can.ts';

const me = (overrides: Partial<TMe>): TMe => ({
  id: 1,
  username: 'x',
  fullName: 'X',
  roles: ['data_entry'],
  unitId: 5,
  unitName: 'Thôn 1',
  organizationId: null,
  mustChangePassword: false,
  permissions: [],
  csrfToken: 't',
  ...overrides,
});

describe('can() in the web app', () => {
  it('A9 policies: the web offers what /api/auth/me lists, so a village clerk is not offered closing villages', () => {
    expect(canManageVillages(me({ permissions: ['units.read', 'organizations.write'] }))).toBe(false);
    expect(canManageVillages(me({ permissions: ['units.manageVillages'] }))).toBe(true);
    expect(can(null, 'units.read')).toBe(false);
  });

  it('A9 policies: a focal point is offered member management for its own organisation only', () => {
    const focal = me({ roles: ['focal_point'], organizationId: 7, permissions: ['organizations.write', 'people.manageRoles'] });
    expect(canManageMembers(focal, 7)).toBe(true);
    expect(canManageMembers(focal, 8)).toBe(false);
    expect(canManageMembers(focal)).toBe(false);
  });
});
