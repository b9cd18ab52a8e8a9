import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { peopleVi } from './messages.vi.ts';

export const peopleFeature: WebFeature = {
  name: 'people',
  routes: [{ path: 'people/:id', page: lazyPage(() => import('./PersonPage.tsx'), 'PersonPage') }],
  messages: { vi: peopleVi, en: () => import('./messages.en.ts').then((m) => m.peopleEn) },
};
