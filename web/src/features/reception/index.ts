import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { receptionVi } from './messages.vi.ts';

/**
 * Citizen reception and dialogue: leaders' schedules with their monthly compliance, reception sessions, direct
 * dialogues and voter meetings, the Front's supervision and critique, recommendations tracked to the answer.
 */
export const receptionFeature: WebFeature = {
  name: 'reception',
  routes: [{ path: 'reception', page: lazyPage(() => import('./ReceptionPage.tsx'), 'ReceptionPage') }],
  nav: [{ to: '/reception', label: 'nav.reception', section: 'main', action: 'reception.read' }],
  messages: { vi: receptionVi, en: () => import('./messages.en.ts').then((m) => m.receptionEn) },
};
