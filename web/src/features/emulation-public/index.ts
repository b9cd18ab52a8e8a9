import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { emulationPublicVi } from './messages.vi.ts';

/**
 * The public showcase of recognised "Dân vận khéo" models (no login: /dan-van-kheo, listed in PUBLIC_PAGE_PREFIXES),
 * loaded on first visit so a slow phone fetches only the shell and the page it opened.
 */
export const emulationPublicFeature: WebFeature = {
  name: 'emulation-public',
  routes: [],
  publicRoutes: [
    { path: 'dan-van-kheo', page: lazyPage(() => import('./ShowcasePage.tsx'), 'ShowcasePage') },
    { path: 'dan-van-kheo/:provinceId', page: lazyPage(() => import('./ProvinceModelsPage.tsx'), 'ProvinceModelsPage') },
    { path: 'dan-van-kheo/:provinceId/:modelId', page: lazyPage(() => import('./PublicModelPage.tsx'), 'PublicModelPage') },
  ],
  messages: { vi: emulationPublicVi, en: () => import('./messages.en.ts').then((m) => m.emulationPublicEn) },
};
