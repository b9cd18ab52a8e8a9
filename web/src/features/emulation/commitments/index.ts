import { lazyPage, type WebFeature } from '../../../app/feature.ts';
import { commitmentsVi } from './messages.vi.ts';

/**
 * Commitments of an emulation campaign ("04 không"): figures by commune and by body, the counts with their
 * corrections and history, breaches, and the Excel template and import.
 */
export const emulationCommitmentsFeature: WebFeature = {
  name: 'emulation/commitments',
  routes: [{ path: 'emulation/commitments', page: lazyPage(() => import('./CommitmentsPage.tsx'), 'CommitmentsPage') }],
  nav: [{ to: '/emulation/commitments', label: 'nav.emulationCommitments', section: 'main', action: 'emulation.read' }],
  messages: { vi: commitmentsVi, en: () => import('./messages.en.ts').then((m) => m.commitmentsEn) },
};
