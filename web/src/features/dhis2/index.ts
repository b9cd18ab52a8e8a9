import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { dhis2Vi } from './messages.vi.ts';

/** DHIS2 dataValueSets import and export, under periodic reports (linked from its page). */
export const dhis2Feature: WebFeature = {
  name: 'dhis2',
  routes: [{ path: 'periodic-reports/dhis2', page: lazyPage(() => import('./Dhis2Page.tsx'), 'Dhis2Page') }],
  messages: { vi: dhis2Vi, en: () => import('./messages.en.ts').then((m) => m.dhis2En) },
};
