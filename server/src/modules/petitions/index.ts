import type { ServerModule } from '#server/shared/module.ts';
import { registerPetitionRoutes } from './petition.routes.ts';
// --- pet-portal ---
import { registerHotspotRoutes } from './hotspots/hotspot.routes.ts';
import { registerOpen311Routes } from './open311/open311.routes.ts';
import { registerPortalRoutes } from './portal/portal.routes.ts';

/**
 * Citizens' cases (DOMAIN.md capability 5; issue 12). Sub-folders of other engineers (portal/, open311/,
 * hotspots/, figures/, demo/) call the service functions exported below, never the repositories.
 */
export const petitionsModule: ServerModule = {
  name: 'petitions',
  registerRoutes: (api, context) => {
    registerPetitionRoutes(api, context);
    // --- pet-portal ---
    registerPortalRoutes(api, context);
    registerOpen311Routes(api, context);
    registerHotspotRoutes(api, context);
  },
};
