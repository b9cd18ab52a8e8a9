import type { ServerModule } from '#server/shared/module.ts';
import { campaignScopeFixtures } from './campaigns/campaign.fixtures.ts';
import { registerCampaignRoutes } from './campaigns/campaign.routes.ts';
// --- emu-models ---
import { modelFileOwner, modelScopeFixtures, registerModelRoutes } from './models/index.ts';
// --- emu-review ---
import { nominationFileOwner } from './review/review-files.ts';
import { reviewScopeFixtures } from './review/review.fixtures.ts';
import { registerReviewRoutes } from './review/review.routes.ts';
// --- emu-commit ---
import { commitmentDerivedValues, commitmentScopeFixtures, commitmentsDemoStep, registerCommitmentRoutes } from './commitments/index.ts';
// --- emu-figures ---
import { emulationDemoStep, PHOTO_JOB, runDemoPhotos } from './demo/emulation-demo-step.ts';
import { emulationDerivedValues } from './figures/index.ts';
// --- emu-public ---
import { registerPublicRoutes } from './public/index.ts';

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
    registerModelRoutes(api, context);
    // --- emu-review ---
    registerReviewRoutes(api, context);
    // --- emu-commit ---
    registerCommitmentRoutes(api, context);
    // --- emu-public ---
    registerPublicRoutes(api, context);
  },
  scopeFixtures: async (db, unitId) => ({
    // --- emu-core ---
    ...(await campaignScopeFixtures(db, unitId)),
    // --- emu-models ---
    ...(await modelScopeFixtures(db, unitId)),
    // --- emu-review ---
    ...(await reviewScopeFixtures(db, unitId)),
    // --- emu-commit ---
    ...(await commitmentScopeFixtures(db, unitId)),
  }),
  fileOwners: {
    // --- emu-models ---
    emulation_model: modelFileOwner,
    // --- emu-review --- the minutes of a review (biên bản bình xét)
    emulation_nomination: nominationFileOwner,
  },
  demoSteps: [
    // --- emu-figures ---
    emulationDemoStep,
    // --- emu-commit --- (after the campaigns of the demo exist)
    commitmentsDemoStep,
  ],
  derivedValues: [
    // --- emu-figures ---
    ...emulationDerivedValues,
    // --- emu-commit ---
    ...commitmentDerivedValues,
  ],
  jobHandlers: {
    // --- emu-figures ---
    [PHOTO_JOB]: runDemoPhotos,
  },
};

// --- emu-core --- what other parts may call: the campaign a model, a review or a commitment names
export { findCampaignForParts, type CampaignForParts } from './campaigns/campaign-access.ts';
export { emulationPolicy } from './emulation.policy.ts';
export { loadCampaignPackInto } from './packs/pack-load.service.ts';
export { shippedCampaignPacks } from './packs/pack-store.ts';
// --- emu-models ---
/** Records a concluded public review as the model's "reviewed" step (review/); the lifecycle; recognition rules. */
export { modelWorkflow, recordPublicReview, recognitionProblem, reviewPassed, RECOGNISER_LEVEL } from './models/index.ts';
// --- emu-review ---
// --- emu-commit ---
// --- emu-figures --- the writers of models refresh their figures in their transaction
export { touchModelFigures } from './figures/index.ts';
