import { lazyPage, type WebFeature } from '../../app/feature.ts';
import { EMULATION_CATALOGUES, emulationVietnamese } from './catalogues.ts';

/**
 * "Dân vận khéo" emulation: campaigns (list, a new one or a shipped pack, detail with its parts, edit); each part
 * (models, review, commitments) adds its routes in its block.
 */
export const emulationFeature: WebFeature = {
  name: 'emulation',
  routes: [
    // --- emu-core ---
    { path: 'emulation', page: lazyPage(() => import('./campaigns/CampaignsPage.tsx'), 'CampaignsPage', EMULATION_CATALOGUES) },
    { path: 'emulation/campaigns/new', page: lazyPage(() => import('./campaigns/CampaignFormPage.tsx'), 'NewCampaignPage', EMULATION_CATALOGUES) },
    { path: 'emulation/campaigns/:id', page: lazyPage(() => import('./campaigns/CampaignPage.tsx'), 'CampaignPage', EMULATION_CATALOGUES) },
    { path: 'emulation/campaigns/:id/edit', page: lazyPage(() => import('./campaigns/CampaignFormPage.tsx'), 'EditCampaignPage', EMULATION_CATALOGUES) },
    // --- emu-models ---
    // --- emu-review ---
    // --- emu-commit ---
    { path: 'emulation/commitments', page: lazyPage(() => import('./commitments/CommitmentsPage.tsx'), 'CommitmentsPage', EMULATION_CATALOGUES) },
  ],
  nav: [{ to: '/emulation', label: 'nav.emulation', section: 'main', action: 'emulation.read' }],
  messages: { vi: emulationVietnamese, en: () => import('./messages.en.ts').then((m) => m.emulationEn) },
};
