import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { organizationFormsVietnamese } from './forms/catalogue.ts';
import { organizationsVi } from './messages.vi.ts';

export const organizationsFeature: WebFeature = {
  name: 'organizations',
  routes: [{ path: 'organizations/:id', page: lazyPage(() => import('./OrganizationPage.tsx'), 'OrganizationPage', [organizationFormsVietnamese]) }],
  messages: { vi: organizationsVi, en: () => import('./messages.en.ts').then((m) => m.organizationsEn) },
};
