import type { ServerModule } from '#server/shared/module.ts';
import { registerUnitRoutes } from './unit.routes.ts';
import { runVillageImport, VILLAGE_IMPORT_JOB } from './village-import.service.ts';

export const unitsModule: ServerModule = {
  name: 'units',
  registerRoutes: (api, context) => registerUnitRoutes(api, context),
  jobHandlers: { [VILLAGE_IMPORT_JOB]: runVillageImport },
};
