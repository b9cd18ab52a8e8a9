import { lazyPage, type WebFeature } from '../../../app/feature.ts';
import { emulationModelsVi } from './messages.vi.ts';

/**
 * Exemplary models ("Dân vận khéo" mô hình, điển hình): the list with counts by field × level, registering (or
 * replicating) a model, and a model with its history, replication chain, documents and the next step.
 */
export const emulationModelsFeature: WebFeature = {
  name: 'emulation/models',
  routes: [
    { path: 'emulation/models', page: lazyPage(() => import('./ModelsPage.tsx'), 'ModelsPage') },
    { path: 'emulation/models/new', page: lazyPage(() => import('./NewModelPage.tsx'), 'NewModelPage') },
    { path: 'emulation/models/:id', page: lazyPage(() => import('./ModelPage.tsx'), 'ModelPage') },
  ],
  messages: { vi: emulationModelsVi, en: () => import('./messages.en.ts').then((m) => m.emulationModelsEn) },
};
