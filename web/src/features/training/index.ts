import { lazyPage, type WebFeature } from '../../app/feature.ts';

/** The Vietnamese strings, fetched with the training pages (not in the first load). */
export const trainingVietnamese = () => import('./messages.vi.ts').then((m) => m.trainingVi);
const CATALOGUES = [trainingVietnamese];

/** Training (issue 14 item 4): courses and their participants with the attendance import; coverage and the due lists. */
export const trainingFeature: WebFeature = {
  name: 'training',
  routes: [
    { path: 'training', page: lazyPage(() => import('./TrainingPage.tsx'), 'TrainingPage', CATALOGUES) },
    { path: 'training/courses/:id', page: lazyPage(() => import('./CoursePage.tsx'), 'CoursePage', CATALOGUES) },
    { path: 'training/coverage', page: lazyPage(() => import('./CoveragePage.tsx'), 'CoveragePage', CATALOGUES) },
  ],
  nav: [{ to: '/training', label: 'nav.training', section: 'main', action: 'training.read' }],
  messages: { vi: trainingVietnamese, en: () => import('./messages.en.ts').then((m) => m.trainingEn) },
};
