import { describe, expect, it } from 'vitest';
import { WEB_FEATURES } from './features.ts';
import { ADMIN_ITEMS, NAV_ITEMS } from './nav-items.ts';

describe('B1 web features register their routes and navigation once', () => {
  const paths = WEB_FEATURES.flatMap((feature) => feature.routes.map((route) => route.path));

  it('no two features claim the same address', () => {
    expect(paths.filter((path, index) => paths.indexOf(path) !== index)).toEqual([]);
  });

  it('every navigation entry opens a registered page, and only built capabilities are marked built', () => {
    const built = [...NAV_ITEMS, ...ADMIN_ITEMS].filter((item) => item.built).map((item) => item.to.slice(1));
    expect(built.filter((path) => !paths.includes(path))).toEqual([]);
    expect(NAV_ITEMS.map((item) => `${item.to}:${item.built}`).slice(0, 2)).toEqual(['/units:true', '/programmes:true']);
    // --- pet-legal --- the legal calendar, the rules and the deadline calculator sit with the settings
    expect(ADMIN_ITEMS.map((item) => item.to)).toEqual(['/admin/users', '/admin/audit', '/admin/legal/calendar', '/admin/legal/rules', '/legal/deadlines', '/admin/settings']);
  });
});
