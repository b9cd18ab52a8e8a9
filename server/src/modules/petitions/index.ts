import type { ServerModule } from '#server/shared/module.ts';
import { checkIdentityKey } from './identity-crypto.ts';
import { petitionCaseFileOwner } from './petition-files.ts';
import { petitionScopeFixtures } from './petition.fixtures.ts';
import { registerPetitionRoutes } from './petition.routes.ts';
// --- pet-portal ---
import { registerHotspotRoutes } from './hotspots/hotspot.routes.ts';
import { registerOpen311Routes } from './open311/open311.routes.ts';
import { portalScopeFixtures } from './portal/index.ts';
import { registerPortalRoutes } from './portal/portal.routes.ts';
// --- pet-figures ---
import { petitionDerivedValues } from './figures/figures-derived.ts';
import { registerFigureRoutes } from './figures/figures.routes.ts';
import { petitionsDemoStep } from './demo/petitions-demo-step.ts';
// --- /pet-figures ---

/**
 * Citizens' cases (DOMAIN.md capability 5; issue 12). Sub-folders of other engineers (portal/, open311/,
 * hotspots/, figures/, demo/) call the functions exported below, never the repositories.
 */
export const petitionsModule: ServerModule = {
  name: 'petitions',
  registerRoutes: (api, context) => {
    registerPetitionRoutes(api, context);
    // --- pet-portal ---
    registerPortalRoutes(api, context);
    registerOpen311Routes(api, context);
    registerHotspotRoutes(api, context);
    // --- pet-figures ---
    registerFigureRoutes(api, context);
  },
  scopeFixtures: async (db, unitId, files) => ({
    ...(await petitionScopeFixtures(db, unitId)),
    // --- pet-portal ---
    ...(await portalScopeFixtures(db, unitId, files)),
  }),
  fileOwners: { petition_case: petitionCaseFileOwner },
  // a production server refuses to start without PETITION_IDENTITY_KEY
  start: async () => checkIdentityKey(),
  // --- pet-figures ---
  derivedValues: petitionDerivedValues,
  demoSteps: [petitionsDemoStep],
  // --- /pet-figures ---
};

/**
 * The portal's (and Open311's) way in: receives a case filed by a citizen without an account, inside the caller's
 * transaction — unit and field checked, tracking code given, deadlines from the rules in force, a denouncer's
 * identity encrypted, first step and audit row written. `receiveCase(trx, { source: 'portal' }, input, { all: true })`
 * returns `{ id, provinceId, code, created }`; a resend with the same `input.id` returns the case already written.
 */
export { receiveCase as createCaseFromPortal } from './case-intake.ts';
/** Candidate duplicates (same person, similar subject) of a case being received, in the actor's scope. */
export { findDuplicates } from './case.service.ts';
/** Pure rules others reuse: the crowd threshold, the current due date, the Hue-S outcome. */
export { currentDueOn, isCrowd, outcomeOf, resolutionDueOn } from './petition.rules.ts';
/** The lifecycle (states with Vietnamese names, moves and roles). */
export { petitionWorkflow } from './petition.workflow.ts';

// --- pet-figures ---
/** Refreshes the figures of cases (received, resolved, …) a write to a case moved, in the writer's transaction. */
export { touchCaseFigures, type CaseFigureChange } from './figures/figures-derived.ts';
