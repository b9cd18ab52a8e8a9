import type { WebFeature } from '../../app/feature.ts';
import { homeVi } from './messages.vi.ts';

/** The home page: shown at the root by app/routes.tsx (no routes of its own), registered for its strings. */
export const homeFeature: WebFeature = {
  name: 'home',
  routes: [],
  messages: { vi: homeVi, en: () => import('./messages.en.ts').then((m) => m.homeEn) },
};
