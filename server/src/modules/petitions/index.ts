import type { ServerModule } from '#server/shared/module.ts';
import { registerPetitionRoutes } from './petition.routes.ts';
// --- pet-figures ---
import { petitionDerivedValues } from './figures/figures-derived.ts';
import { registerFigureRoutes } from './figures/figures.routes.ts';
import { petitionsDemoStep } from './demo/petitions-demo-step.ts';
// --- /pet-figures ---

/**
 * Citizens' cases (DOMAIN.md capability 5; issue 12). Sub-folders of other engineers (portal/, open311/,
 * hotspots/, figures/, demo/) call the service functions exported below, never the repositories.
 */
export const petitionsModule: ServerModule = {
  name: 'petitions',
  registerRoutes: (api, context) => {
    registerPetitionRoutes(api, context);
    // --- pet-figures ---
    registerFigureRoutes(api, context);
  },
  // --- pet-figures ---
  derivedValues: petitionDerivedValues,
  demoSteps: [petitionsDemoStep],
  // --- /pet-figures ---
};

// --- pet-figures ---
/** Refreshes the figures of cases (received, resolved, …) a write to a case moved, in the writer's transaction. */
export { touchCaseFigures, type CaseFigureChange } from './figures/figures-derived.ts';
