import { describe, expect, it } from 'vitest';
import { ROLES } from './auth.ts';
import { ACTIONS, can, permissionsOf } from './permissions.ts';

describe('the permission table', () => {
  it('A9 policies: a village account may not manage villages, a commune account of the same role may', () => {
    const clerk = { roles: ['data_entry'] as const, organizationId: null };
    expect(can({ ...clerk, unitLevel: 'village' }, 'units.manageVillages')).toBe(false);
    expect(can({ ...clerk, unitLevel: 'commune' }, 'units.manageVillages')).toBe(true);
    expect(can({ ...clerk, unitLevel: 'province' }, 'units.manageVillages')).toBe(true);
    expect(can({ roles: ['system_admin'], unitLevel: null, organizationId: null }, 'units.manageVillages')).toBe(true);
    expect(permissionsOf({ ...clerk, unitLevel: 'village' })).not.toContain('units.manageVillages');
  });

  it('A9 policies: a focal point writes only its own organisation', () => {
    const focal = { roles: ['focal_point'] as const, unitLevel: 'commune' as const, organizationId: 7 };
    expect(can(focal, 'organizations.write', { organizationId: 7 })).toBe(true);
    expect(can(focal, 'organizations.write', { organizationId: 8 })).toBe(false);
    expect(can(focal, 'organizations.write')).toBe(false);
    expect(can({ ...focal, organizationId: null }, 'organizations.write', { organizationId: null })).toBe(false);
    expect(can(focal, 'organizations.create')).toBe(false);
  });

  it('A9 policies: the widest grant of several roles wins, and the actions of each role are listed in table order', () => {
    expect(can({ roles: ['focal_point', 'data_entry'], unitLevel: 'commune', organizationId: 7 }, 'people.update', {})).toBe(true);
    const byRole = Object.fromEntries(ROLES.map((role) => [role, permissionsOf({ roles: [role], unitLevel: 'commune', organizationId: 1 })]));
    // a system administrator has no unit (never limited by level); on a commune, province-only actions are out
    const provinceOnly = ['settings.manage', 'indicators.configure', 'indicators.exchange', /* --- pet-core --- */ 'petitions.configure', /* --- grassroots --- */ 'grassroots.manage', /* --- sentiment --- */ 'sentiment.followUp', 'sentiment.configure'];
    expect(byRole.system_admin).toEqual(ACTIONS.filter((action) => !provinceOnly.includes(action)));
    expect(byRole.leader).toEqual([
      'units.read', 'organizations.read', 'people.read', 'indicators.read', 'indicators.review', 'programmes.read', 'programmes.reportProgress', 'audit.recent',
      // --- pet-core ---
      'petitions.read', 'petitions.manage', 'petitions.readIdentity',
      // --- pet-recv ---
      'reception.read',
      // --- emulation ---
      'emulation.read', 'emulation.recognize', 'emulation.review',
      // --- surveys ---
      'surveys.read',
      // --- grassroots ---
      'grassroots.read',
      'grassroots.log',
      // --- training ---
      'training.read',
      // --- sentiment ---
      'sentiment.read', 'sentiment.report', 'sentiment.readSensitive',
    ]);
    // --- pet-core: a denouncer's identity is for the handler and leaders, not for account administrators ---
    // --- pet-legal --- (the legal calendar and rules are national: system administrators only)
    const systemOnly = ['units.manageSuccession', 'users.grantSystemAdmin', 'legal.manage'];
    expect(byRole.unit_admin).toEqual(ACTIONS.filter((action) => !systemOnly.includes(action) && action !== 'petitions.readIdentity' && !provinceOnly.includes(action)));
    expect(byRole.focal_point).toEqual([
      'units.read',
      'organizations.read',
      'organizations.write',
      'people.read',
      'people.create',
      'people.update',
      'people.manageRoles',
      'indicators.read',
      'programmes.read',
      'programmes.reportProgress',
      'audit.recent',
      // --- emulation ---
      'emulation.read',
      'emulation.registerModels',
      'emulation.manageCommitments',
      // --- surveys ---
      'surveys.read',
      // --- grassroots ---
      'grassroots.read', 'grassroots.log',
      // --- training ---
      'training.read',
      // --- sentiment ---
      'sentiment.read',
      'sentiment.report',
    ]);
  });
});
