import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { settingsVi } from './messages.vi.ts';

/** A province's settings for what the 2025 reorganisation left open (issue 9 item 10). */
export const settingsFeature: WebFeature = {
  name: 'settings',
  routes: [{ path: 'admin/settings', page: lazyPage(() => import('./ProvinceSettingsPage.tsx'), 'ProvinceSettingsPage') }],
  nav: [{ to: '/admin/settings', label: 'nav.provinceSettings', section: 'admin' }],
  messages: { vi: settingsVi, en: () => import('./messages.en.ts').then((m) => m.settingsEn) },
};
