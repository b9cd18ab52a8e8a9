import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { organizationsVi } from './messages.vi.ts';

export const organizationsFeature: WebFeature = {
  name: 'organizations',
  routes: [{ path: 'organizations/:id', page: lazyPage(() => import('./OrganizationPage.tsx'), 'OrganizationPage') }],
  messages: { vi: organizationsVi, en: () => import('./messages.en.ts').then((m) => m.organizationsEn) },
};
