import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { dashboardsVi } from './messages.vi.ts';

/** Indicator dashboards: a unit's children against the target, the trend, the province map, Excel export. */
export const dashboardsFeature: WebFeature = {
  name: 'dashboards',
  routes: [{ path: 'periodic-reports/dashboard', page: lazyPage(() => import('./DashboardPage.tsx'), 'DashboardPage') }],
  messages: { vi: dashboardsVi, en: () => import('./messages.en.ts').then((m) => m.dashboardsEn) },
};
