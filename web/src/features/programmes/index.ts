import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { programmesVietnamese } from './catalogue.ts';

/**
 * Programmes (Đề án, Nghị quyết, Kế hoạch…): the list, a new one or a shipped pack, a programme's targets with their
 * statuses and drill-down, its tasks and progress, reviews and their workspace, budget, implementation plans, and
 * the assigning unit's table of assignments.
 */
export const programmesFeature: WebFeature = {
  name: 'programmes',
  routes: [
    { path: 'programmes', page: lazyPage(() => import('./ProgrammesPage.tsx'), 'ProgrammesPage', [programmesVietnamese]) },
    { path: 'programmes/new', page: lazyPage(() => import('./NewProgrammePage.tsx'), 'NewProgrammePage', [programmesVietnamese]) },
    { path: 'programmes/assignments', page: lazyPage(() => import('./AssignmentsPage.tsx'), 'AssignmentsPage', [programmesVietnamese]) },
    { path: 'programmes/:id', page: lazyPage(() => import('./ProgrammePage.tsx'), 'ProgrammePage', [programmesVietnamese]) },
    { path: 'programmes/:id/reviews/:reviewId', page: lazyPage(() => import('./ReviewWorkspacePage.tsx'), 'ReviewWorkspacePage', [programmesVietnamese]) },
  ],
  nav: [{ to: '/programmes', label: 'nav.programmes', section: 'main', action: 'programmes.read' }],
  messages: { vi: programmesVietnamese, en: () => import('./messages.en.ts').then((m) => m.programmesEn) },
};
