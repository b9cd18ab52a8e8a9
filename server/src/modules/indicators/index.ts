import type { ServerModule } from '#server/shared/module.ts';
import { DHIS2_IMPORT_JOB, runDhis2Import } from './dhis2-import.service.ts';
import { registerDhis2Routes } from './dhis2.routes.ts';
import { registerMetadataRoutes } from './metadata.routes.ts';
import { registerReportRoutes } from './report.routes.ts';

/** Indicators, periodic reports and consolidation up the tree (DOMAIN.md capability 3; docs/design/indicators.md). */
export const indicatorsModule: ServerModule = {
  name: 'indicators',
  registerRoutes: (api, context) => {
    registerMetadataRoutes(api, context);
    registerReportRoutes(api, context);
    registerDhis2Routes(api, context);
  },
  jobHandlers: { [DHIS2_IMPORT_JOB]: runDhis2Import },
};

/** The one write path of values, for modules that store figures (derived values). */
export { storeValues, type ValueWrite } from './value-store.ts';
