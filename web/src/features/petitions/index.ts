import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { petitionsVi } from './messages.vi.ts';

/**
 * Citizens' cases (khiếu nại, tố cáo, kiến nghị, phản ánh): the list with filters, search and the overdue panel,
 * a new case, and a case with its history and the steps the user may take.
 */
export const petitionsFeature: WebFeature = {
  name: 'petitions',
  routes: [
    { path: 'petitions', page: lazyPage(() => import('./CasesPage.tsx'), 'CasesPage') },
    { path: 'petitions/new', page: lazyPage(() => import('./NewCasePage.tsx'), 'NewCasePage') },
    { path: 'petitions/:id', page: lazyPage(() => import('./CasePage.tsx'), 'CasePage') },
  ],
  nav: [{ to: '/petitions', label: 'nav.petitions', section: 'main', action: 'petitions.read' }],
  messages: { vi: petitionsVi, en: () => import('./messages.en.ts').then((m) => m.petitionsEn) },
};
