import type { ServerModule } from '#server/shared/module.ts';
import { campaignScopeFixtures } from './campaigns/campaign.fixtures.ts';
import { registerCampaignRoutes } from './campaigns/campaign.routes.ts';
// --- emu-models ---
// --- emu-review ---
// --- emu-commit ---
import { commitmentDerivedValues, commitmentScopeFixtures, commitmentsDemoStep, registerCommitmentRoutes } from './commitments/index.ts';
// --- emu-figures ---
// --- emu-public ---

/**
 * "Dân vận khéo" emulation (DOMAIN.md capability 4; issue 15): campaigns and their packs (campaigns/, packs/),
 * exemplary models and their lifecycle (models/), review against criteria (review/), commitments (commitments/),
 * derived values and the demo (figures/, demo/), the public showcase (public/). Each part adds its lines in its
 * marked block; another part is reached through the functions exported below, never its repository.
 */
export const emulationModule: ServerModule = {
  name: 'emulation',
  registerRoutes: (api, context) => {
    // --- emu-core ---
    registerCampaignRoutes(api, context);
    // --- emu-models ---
    // --- emu-review ---
    // --- emu-commit ---
    registerCommitmentRoutes(api, context);
    // --- emu-public ---
  },
  scopeFixtures: async (db, unitId) => ({
    // --- emu-core ---
    ...(await campaignScopeFixtures(db, unitId)),
    // --- emu-models ---
    // --- emu-review ---
    // --- emu-commit ---
    ...(await commitmentScopeFixtures(db, unitId)),
  }),
  fileOwners: {
    // --- emu-models ---
    // --- emu-review ---
  },
  demoSteps: [
    // --- emu-figures ---
    // --- emu-commit --- (after the campaigns of the demo exist)
    commitmentsDemoStep,
  ],
  derivedValues: [
    // --- emu-figures ---
    // --- emu-commit ---
    ...commitmentDerivedValues,
  ],
};

// --- emu-core --- what other parts may call: the campaign a model, a review or a commitment names
export { findCampaignForParts, type CampaignForParts } from './campaigns/campaign-access.ts';
export { emulationPolicy } from './emulation.policy.ts';
export { loadCampaignPackInto } from './packs/pack-load.service.ts';
export { shippedCampaignPacks } from './packs/pack-store.ts';
// --- emu-models ---
// --- emu-review ---
// --- emu-commit ---
// --- emu-figures ---
