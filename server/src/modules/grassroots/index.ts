import type { ServerModule } from '#server/shared/module.ts';
import { briefingScopeFixtures } from './briefings/briefing.fixtures.ts';
import { briefingDerivedValues } from './briefings/briefing-figures.ts';
import { briefingsDemoStep } from './demo/briefings-demo-step.ts';
import { grassrootsDemoStep } from './demo/grassroots-demo-step.ts';
import { grassrootsDerivedValues } from './figures/field-days.ts';
import { registerGrassrootsRoutes } from './grassroots.routes.ts';

/**
 * Grassroots activity (DOMAIN.md capability 6; issue 14): field visits of cadres (visits/), logged from a phone that
 * may be offline under a client UUIDv7, and their figures as derived values (figures/: field days per cadre, seed
 * 000 i7's share of cadres with ≥ 3 days a month, party-committee members at party cells' meetings), and briefings
 * (giao ban) of the Khối dân vận and Tổ dân vận (briefings/: held, missed, attendance, issues; their figures).
 */
export const grassrootsModule: ServerModule = {
  name: 'grassroots',
  registerRoutes: (api, context) => registerGrassrootsRoutes(api, context),
  scopeFixtures: async (db, unitId) => briefingScopeFixtures(db, unitId),
  derivedValues: [...grassrootsDerivedValues, ...briefingDerivedValues],
  demoSteps: [grassrootsDemoStep, briefingsDemoStep],
};

export { GRASSROOTS_DERIVED_CODES, figureCode } from './figures/field-days.ts';
export { BRIEFING_DERIVED_CODES } from './briefings/briefing-figures.ts';
