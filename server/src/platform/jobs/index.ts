import type { ServerModule } from '#server/shared/module.ts';
import { jobScopeFixtures } from './job.fixtures.ts';
import { registerJobRoutes } from './job.routes.ts';

/** Watching background jobs (the queue itself is built by app.ts from every module's `jobHandlers`). */
export const jobsModule: ServerModule = {
  name: 'jobs',
  registerRoutes: (api, { db }) => registerJobRoutes(api, db),
  scopeFixtures: jobScopeFixtures,
};
