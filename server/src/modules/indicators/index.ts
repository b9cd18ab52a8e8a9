import type { ServerModule } from '#server/shared/module.ts';
import { excelScopeFixtures } from './excel.fixtures.ts';
import { registerExcelRoutes } from './excel.routes.ts';
import { registerMetadataRoutes } from './metadata.routes.ts';
import { registerReportRoutes } from './report.routes.ts';

/** Indicators, periodic reports and consolidation up the tree (DOMAIN.md capability 3; docs/design/indicators.md). */
export const indicatorsModule: ServerModule = {
  name: 'indicators',
  registerRoutes: (api, context) => {
    registerMetadataRoutes(api, context);
    registerReportRoutes(api, context);
    registerExcelRoutes(api, context);
  },
  scopeFixtures: excelScopeFixtures,
};

/** The one write path of values, for modules that store figures (derived values). */
export { storeValues, type ValueWrite } from './value-store.ts';
