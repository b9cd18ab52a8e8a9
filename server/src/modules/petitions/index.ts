import type { ServerModule } from '#server/shared/module.ts';
import { registerPetitionRoutes } from './petition.routes.ts';

/**
 * Citizens' cases (DOMAIN.md capability 5; issue 12). Sub-folders of other engineers (portal/, open311/,
 * hotspots/, figures/, demo/) call the service functions exported below, never the repositories.
 */
export const petitionsModule: ServerModule = {
  name: 'petitions',
  registerRoutes: (api, context) => registerPetitionRoutes(api, context),
};
