import type { ServerModule } from '#server/shared/module.ts';
import { programmesDemoStep } from './demo/programmes-demo-step.ts';
import { tasksDoneOnTime, tasksOverdue } from './tasks/programme-derived.ts';
import { programmeFileOwner } from './programme-files.ts';
import { programmeScopeFixtures } from './programme.fixtures.ts';
import { registerProgrammeRoutes } from './programme.routes.ts';
import { targetScopeFixtures } from './targets/target-eval.fixtures.ts';
import { registerTargetRoutes } from './targets/target.routes.ts';
import { registerTaskRoutes } from './tasks/task.routes.ts';
import { progressFileOwner } from './tasks/task-progress.service.ts';
import { taskScopeFixtures } from './tasks/task.fixtures.ts';

/** Programmes, targets, tasks and assignments, reviews and budgets (DOMAIN.md capability 2; issue 11). */
export const programmesModule: ServerModule = {
  name: 'programmes',
  registerRoutes: (api, context) => {
    registerProgrammeRoutes(api, context);
    registerTargetRoutes(api, context);
    registerTaskRoutes(api, context);
  },
  scopeFixtures: async (db, unitId, files) => ({
    ...(await programmeScopeFixtures(db, unitId, files)),
    ...(await targetScopeFixtures(db, unitId)),
    ...(await taskScopeFixtures(db, unitId, files)),
  }),
  // a programme's document; files attached to a progress report
  fileOwners: { programme: programmeFileOwner, task_progress: progressFileOwner },
  demoSteps: [programmesDemoStep],
  // tasks overdue and done on time per commune, stored as data elements (programme-derived.ts)
  derivedValues: [tasksOverdue, tasksDoneOnTime],
};
// --- emulation --- a campaign names the programme that launches it (read in or above the actor's scope)
export { findReadableProgramme } from './programme-access.repository.ts';
export { findPackProgramme } from './programme.repository.ts';
