import type { ServerModule } from '#server/shared/module.ts';
import { programmesDemoStep } from './demo/programmes-demo-step.ts';
import { programmeFileOwner } from './programme-files.ts';
import { programmeScopeFixtures } from './programme.fixtures.ts';
import { registerProgrammeRoutes } from './programme.routes.ts';
import { registerTargetRoutes } from './target.routes.ts';
import { registerTaskRoutes } from './task.routes.ts';

/** Programmes, targets, tasks and assignments, reviews and budgets (DOMAIN.md capability 2; issue 11). */
export const programmesModule: ServerModule = {
  name: 'programmes',
  registerRoutes: (api, context) => {
    registerProgrammeRoutes(api, context);
    registerTargetRoutes(api, context);
    registerTaskRoutes(api, context);
  },
  // --- prog-core ---
  scopeFixtures: programmeScopeFixtures,
  fileOwners: { programme: programmeFileOwner },
  demoSteps: [programmesDemoStep],
};
