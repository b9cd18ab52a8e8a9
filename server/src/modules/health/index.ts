import type { ServerModule } from '#server/shared/module.ts';
import { registerHealthRoutes } from './health.routes.ts';

export const healthModule: ServerModule = {
  name: 'health',
  registerRoutes: (api, { databaseKind, demo }) => registerHealthRoutes(api, databaseKind, demo),
};
