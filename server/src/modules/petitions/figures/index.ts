/** What the petitions module's other folders (demo/) use of the figures of cases. */
export { PETITION_DERIVED, PETITION_ELEMENTS, petitionDerivedValues, touchCaseFigures, type CaseFigureChange } from './figures-derived.ts';
export { RESOLUTION_TARGET, resolutionRate } from './figures.rules.ts';
export { registerFigureRoutes } from './figures.routes.ts';
