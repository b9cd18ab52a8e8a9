import type { ServerModule } from '#server/shared/module.ts';
import { trainingDemoStep } from './demo/training-demo-step.ts';
import { trainingDerivedValues } from './training-derived.ts';
import { trainingScopeFixtures } from './training.fixtures.ts';
import { registerTrainingRoutes } from './training.routes.ts';

/**
 * Training (tập huấn, bồi dưỡng; DOMAIN.md capability 7, issue 14 item 4): courses and their participants from the
 * people registry, the attendance import from Excel, coverage of groups of roles within a window (derived values
 * for seed 000 i8 and i9 and seed 004), and the lists of who is due or overdue.
 */
export const trainingModule: ServerModule = {
  name: 'training',
  registerRoutes: (api, context) => registerTrainingRoutes(api, context),
  scopeFixtures: trainingScopeFixtures,
  derivedValues: trainingDerivedValues,
  demoSteps: [trainingDemoStep],
};
