import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { announceOutboxEndpoint } from '../../components/outbox/sender.ts';
import { reportsVi } from './messages.vi.ts';

/**
 * Values typed in a form wait in the browser's outbox: announced here so a reload can send them at once; the
 * contract (outbox.ts) is loaded with the entry form or when the first entry is sent, not on the login page.
 */
export const PUT_VALUES_OUTBOX_KEY = 'reportEndpoints.putValues';
announceOutboxEndpoint(PUT_VALUES_OUTBOX_KEY, () => import('./outbox.ts').then((m) => m.putValuesOutbox.endpoint));

export const reportsFeature: WebFeature = {
  name: 'reports',
  routes: [
    { path: 'periodic-reports', page: lazyPage(() => import('./ReportsPage.tsx'), 'ReportsPage') },
    { path: 'periodic-reports/:dataSetId/:period/:unitId', page: lazyPage(() => import('./EntryPage.tsx'), 'EntryPage') },
  ],
  nav: [{ to: '/periodic-reports', label: 'nav.periodicReports', section: 'main' }],
  messages: { vi: reportsVi, en: () => import('./messages.en.ts').then((m) => m.reportsEn) },
};
