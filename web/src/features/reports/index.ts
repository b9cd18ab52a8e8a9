import { reportEndpoints } from '#contracts/indicators/reports.api.ts';
import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { registerOutboxEndpoint } from '../../components/outbox/sender.ts';
import { reportsVi } from './messages.vi.ts';

/** Values typed in a form wait in the browser's outbox (registered here so a reload can send them at once). */
export const putValuesOutbox = registerOutboxEndpoint('reportEndpoints.putValues', reportEndpoints.putValues);

export const reportsFeature: WebFeature = {
  name: 'reports',
  routes: [
    { path: 'periodic-reports', page: lazyPage(() => import('./ReportsPage.tsx'), 'ReportsPage') },
    { path: 'periodic-reports/:dataSetId/:period/:unitId', page: lazyPage(() => import('./EntryPage.tsx'), 'EntryPage') },
  ],
  nav: [{ to: '/periodic-reports', label: 'nav.periodicReports', section: 'main' }],
  messages: { vi: reportsVi, en: () => import('./messages.en.ts').then((m) => m.reportsEn) },
};
