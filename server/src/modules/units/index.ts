import type { ServerModule } from '#server/shared/module.ts';
import { registerUnitRoutes } from './unit.routes.ts';

export const unitsModule: ServerModule = {
  name: 'units',
  registerRoutes: (api, { db }) => registerUnitRoutes(api, db),
};
