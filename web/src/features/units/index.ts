import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { organizationFormsVietnamese } from '../organizations/forms/catalogue.ts';
import { unitsVi } from './messages.vi.ts';

export const unitsFeature: WebFeature = {
  name: 'units',
  routes: [
    { path: 'units', page: lazyPage(() => import('./UnitsPage.tsx'), 'UnitsPage') },
    { path: 'units/:id', page: lazyPage(() => import('./UnitPage.tsx'), 'UnitPage', [organizationFormsVietnamese]) },
  ],
  nav: [{ to: '/units', label: 'nav.units', section: 'main' }],
  messages: { vi: unitsVi, en: () => import('./messages.en.ts').then((m) => m.unitsEn) },
};
