/**
 * Exemplary models (emu-models): other emulation folders (review/, figures/, public/) reach them only through these.
 */
export { registerModelRoutes } from './model.routes.ts';
export { modelFileOwner } from './model-files.ts';
export { modelScopeFixtures } from './model.fixtures.ts';
/** Records a concluded public review as the model's "reviewed" step, in the caller's transaction (review/). */
export { recordPublicReview } from './model.service.ts';
/** The lifecycle (states with Vietnamese names, moves and roles). */
export { modelWorkflow } from './model.workflow.ts';
/** Pure rules: who may recognise at which level, whether a vote carried. */
export { RECOGNISER_LEVEL, recognitionProblem, reviewPassed } from './model.rules.ts';
