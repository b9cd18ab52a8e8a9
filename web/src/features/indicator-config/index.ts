import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { indicatorConfigVi } from './messages.vi.ts';

/** Configuration of periodic reports: report forms, data elements, indicators (linked from the reports pages). */
export const indicatorConfigFeature: WebFeature = {
  name: 'indicator-config',
  routes: [
    { path: 'periodic-reports/config', page: lazyPage(() => import('./IndicatorConfigPage.tsx'), 'IndicatorConfigPage') },
    { path: 'periodic-reports/config/data-sets/new', page: lazyPage(() => import('./NewDataSetPage.tsx'), 'NewDataSetPage') },
    { path: 'periodic-reports/config/data-elements/new', page: lazyPage(() => import('./NewDataElementPage.tsx'), 'NewDataElementPage') },
    { path: 'periodic-reports/config/indicators/new', page: lazyPage(() => import('./NewIndicatorPage.tsx'), 'NewIndicatorPage') },
  ],
  messages: { vi: indicatorConfigVi, en: () => import('./messages.en.ts').then((m) => m.indicatorConfigEn) },
};
