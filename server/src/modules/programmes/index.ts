import type { ServerModule } from '#server/shared/module.ts';
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
};
