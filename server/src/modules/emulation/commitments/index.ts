/**
 * Commitments of an emulation campaign registered by agencies, cadres and households (issue 15 "Must have" 2):
 * counts entered or imported from Excel with their history, breaches, figures by commune and by body, and the
 * derived values of commitments by kind. emulation/index.ts adds these to the module in its emu-commit block.
 */
export { registerCommitmentRoutes } from './commitment.routes.ts';
export { commitmentScopeFixtures } from './commitment.fixtures.ts';
export { commitmentDerivedValues } from './commitment-derived.ts';
export { commitmentsDemoStep } from './demo/commitments-demo-step.ts';
