import { lazyPage, type WebFeature } from '../../../app/feature.ts';
import { EMULATION_CATALOGUES, emulationModelsVietnamese } from '../catalogues.ts';

/**
 * Exemplary models ("Dân vận khéo" mô hình, điển hình): the list with counts by field × level, registering (or
 * replicating) a model, and a model with its history, replication chain, documents and the next step.
 */
export const emulationModelsFeature: WebFeature = {
  name: 'emulation/models',
  routes: [
    { path: 'emulation/models', page: lazyPage(() => import('./ModelsPage.tsx'), 'ModelsPage', EMULATION_CATALOGUES) },
    { path: 'emulation/models/new', page: lazyPage(() => import('./NewModelPage.tsx'), 'NewModelPage', EMULATION_CATALOGUES) },
    { path: 'emulation/models/:id', page: lazyPage(() => import('./ModelPage.tsx'), 'ModelPage', EMULATION_CATALOGUES) },
  ],
  messages: { vi: emulationModelsVietnamese, en: () => import('./messages.en.ts').then((m) => m.emulationModelsEn) },
};
