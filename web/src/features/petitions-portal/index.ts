import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { petitionsPortalVi } from './messages.vi.ts';

/**
 * The citizens' portal (public pages, outside the signed-in shell: /cong-dan, /cong-dan/tra-cuu), loaded on first
 * visit so a cheap phone on a slow link fetches only the shell and this page; and the officers' hot-spot map.
 */
export const petitionsPortalFeature: WebFeature = {
  name: 'petitions-portal',
  routes: [{ path: 'petitions/hotspots', page: lazyPage(() => import('./HotspotsPage.tsx'), 'HotspotsPage') }],
  publicRoutes: [
    { path: 'cong-dan', page: lazyPage(() => import('./PortalPage.tsx'), 'PortalPage') },
    { path: 'cong-dan/tra-cuu', page: lazyPage(() => import('./TrackPage.tsx'), 'TrackPage') },
  ],
  nav: [{ to: '/petitions/hotspots', label: 'hotspots.nav', section: 'main', action: 'petitions.read' }],
  messages: { vi: petitionsPortalVi, en: () => import('./messages.en.ts').then((m) => m.petitionsPortalEn) },
};
