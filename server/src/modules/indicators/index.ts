import type { ServerModule } from '#server/shared/module.ts';
import { DHIS2_IMPORT_JOB, runDhis2Import } from './dhis2-import.service.ts';
import { registerDhis2Routes } from './dhis2.routes.ts';
import { DERIVED_BACKFILL_JOB, runDerivedBackfill } from './derived-backfill.ts';
import { registerDerivedRoutes } from './derived.routes.ts';
import { dashboardScopeFixtures } from './dashboard.fixtures.ts';
import { registerDashboardRoutes } from './dashboard.routes.ts';
import { createDerivedStore, ensureDerivedElements } from './derived.ts';
import { excelScopeFixtures } from './excel.fixtures.ts';
import { registerExcelRoutes } from './excel.routes.ts';
import { indicatorScopeFixtures } from './metadata.fixtures.ts';
import { derivedDemoStep } from './demo/derived-demo-step.ts';
import { indicatorsDemoStep } from './demo/indicators-demo-step.ts';
import { registerMetadataRoutes } from './metadata.routes.ts';
import { reportScopeFixtures } from './report.fixtures.ts';
import { registerReportRoutes } from './report.routes.ts';
import { TOTALS_REBUILD_JOB } from '#server/shared/totals-rebuild.ts';
import { runTotalsRebuild } from './totals-rebuild.ts';

/** Indicators, periodic reports and consolidation up the tree (DOMAIN.md capability 3; docs/design/indicators.md). */
export const indicatorsModule: ServerModule = {
  name: 'indicators',
  registerRoutes: (api, context) => {
    registerMetadataRoutes(api, context);
    registerReportRoutes(api, context);
    registerDerivedRoutes(api, context);
    registerExcelRoutes(api, context);
    registerDashboardRoutes(api, context);
    registerDhis2Routes(api, context);
  },
  scopeFixtures: async (db, unitId) => ({
    ...(await excelScopeFixtures(db, unitId)),
    ...(await indicatorScopeFixtures(db, unitId)),
    ...(await reportScopeFixtures(db, unitId)),
    ...(await dashboardScopeFixtures(db, unitId)),
  }),
  jobHandlers: { [DERIVED_BACKFILL_JOB]: runDerivedBackfill, [DHIS2_IMPORT_JOB]: runDhis2Import, [TOTALS_REBUILD_JOB]: runTotalsRebuild },
  derivedStore: createDerivedStore,
  start: (context) => ensureDerivedElements(context.db, context.derived.registered),
  demoSteps: [indicatorsDemoStep, derivedDemoStep],
};

/** The one write path of values, for modules that store figures (derived values). */
export { storeValues, type ValueWrite } from './value-store.ts';

/** A national indicator over derived values, inserted once (the modules' demo steps). */
export { ensureNationalIndicator, type NationalIndicator } from './metadata-write.repository.ts';
/** Indicator figures per unit and group of periods from the totals, for programme targets. */
export { indicatorFigures, type FigureIndicator, type FiguresRequest, type IndicatorFigure, type IndicatorFigures } from './indicator-figures.ts';
/** The view of the totals a day reads: 'current' from 2025-07-01 (history under successors), else 'entered'. */
export { viewOn } from './dashboard.rules.ts';
// --- pet-portal ---
/** The province outlines of the dashboard map and their projection (the petitions' hot-spot map draws on them). */
export { outlineProjection, provinceOutlines } from './province-outlines.ts';
