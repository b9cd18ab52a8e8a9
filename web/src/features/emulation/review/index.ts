import { lazyPage, type WebFeature } from '../../../app/feature.ts';
import { emulationReviewVi } from './messages.vi.ts';

/**
 * Review against criteria (emu-review): a campaign's scoring sheet, its nominations ranked per reviewing unit, and
 * each nomination's scores, corrections, minutes and conclusion. Pages under /emulation/…, beside emu-core's.
 */
export const emulationReviewFeature: WebFeature = {
  name: 'emulation/review',
  routes: [
    { path: 'emulation/campaigns/:campaignId/review', page: lazyPage(() => import('./CampaignReviewPage.tsx'), 'CampaignReviewPage') },
    { path: 'emulation/nominations/:id', page: lazyPage(() => import('./NominationPage.tsx'), 'NominationPage') },
  ],
  messages: { vi: emulationReviewVi, en: () => import('./messages.en.ts').then((m) => m.emulationReviewEn) },
};
