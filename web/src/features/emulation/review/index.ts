import { lazyPage, type WebFeature } from '../../../app/feature.ts';
import { EMULATION_CATALOGUES, emulationReviewVietnamese } from '../catalogues.ts';

/**
 * Review against criteria (emu-review): a campaign's scoring sheet, its nominations ranked per reviewing unit, and
 * each nomination's scores, corrections, minutes and conclusion. Pages under /emulation/…, beside emu-core's.
 */
export const emulationReviewFeature: WebFeature = {
  name: 'emulation/review',
  routes: [
    { path: 'emulation/campaigns/:campaignId/review', page: lazyPage(() => import('./CampaignReviewPage.tsx'), 'CampaignReviewPage', EMULATION_CATALOGUES) },
    { path: 'emulation/nominations/:id', page: lazyPage(() => import('./NominationPage.tsx'), 'NominationPage', EMULATION_CATALOGUES) },
  ],
  messages: { vi: emulationReviewVietnamese, en: () => import('./messages.en.ts').then((m) => m.emulationReviewEn) },
};
