import type { ServerModule } from '#server/shared/module.ts';
import { receptionDemoStep } from './demo/reception-demo-step.ts';
import { receptionDerivedValues } from './reception-derived.ts';
import { receptionScopeFixtures } from './reception.fixtures.ts';
import { registerReceptionRoutes } from './reception.routes.ts';
import { recommendationFileOwner } from './reception.service.ts';

/**
 * Citizen reception and dialogue (DOMAIN.md capability 5; issue 12 "Must have" 5 and the reception figures of
 * point 7): leaders' reception schedules and their compliance with the frequency the law and Party rules require,
 * sessions with the cases received, dialogues and voter meetings, Front supervision and critique, recommendations.
 */
export const receptionModule: ServerModule = {
  name: 'reception',
  registerRoutes: (api, context) => registerReceptionRoutes(api, context),
  scopeFixtures: receptionScopeFixtures,
  fileOwners: { reception_recommendation: recommendationFileOwner },
  demoSteps: [receptionDemoStep],
  derivedValues: receptionDerivedValues,
};
