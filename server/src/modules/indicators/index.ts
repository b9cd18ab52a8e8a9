import type { ServerModule } from '#server/shared/module.ts';
import { indicatorsDemoStep } from './demo/indicators-demo-step.ts';
import { registerMetadataRoutes } from './metadata.routes.ts';
import { registerReportRoutes } from './report.routes.ts';

/** Indicators, periodic reports and consolidation up the tree (DOMAIN.md capability 3; docs/design/indicators.md). */
export const indicatorsModule: ServerModule = {
  name: 'indicators',
  registerRoutes: (api, context) => {
    registerMetadataRoutes(api, context);
    registerReportRoutes(api, context);
  },
  demoSteps: [indicatorsDemoStep],
};

/** The one write path of values, for modules that store figures (derived values). */
export { storeValues, type ValueWrite } from './value-store.ts';
