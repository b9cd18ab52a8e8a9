import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { indicatorConfigVietnamese } from './catalogue.ts';

/** Configuration of periodic reports: report forms, data elements, indicators (linked from the reports pages). */
export const indicatorConfigFeature: WebFeature = {
  name: 'indicator-config',
  routes: [
    { path: 'periodic-reports/config', page: lazyPage(() => import('./IndicatorConfigPage.tsx'), 'IndicatorConfigPage', [indicatorConfigVietnamese]) },
    { path: 'periodic-reports/config/data-sets/new', page: lazyPage(() => import('./NewDataSetPage.tsx'), 'NewDataSetPage', [indicatorConfigVietnamese]) },
    { path: 'periodic-reports/config/data-elements/new', page: lazyPage(() => import('./NewDataElementPage.tsx'), 'NewDataElementPage', [indicatorConfigVietnamese]) },
    { path: 'periodic-reports/config/indicators/new', page: lazyPage(() => import('./NewIndicatorPage.tsx'), 'NewIndicatorPage', [indicatorConfigVietnamese]) },
  ],
  messages: { vi: indicatorConfigVietnamese, en: () => import('./messages.en.ts').then((m) => m.indicatorConfigEn) },
};
