import type { ServerModule } from '#server/shared/module.ts';
import { surveysDemoStep } from './demo/surveys-demo-step.ts';
import { CROSS_BUILD_JOB, runCrossBuild } from './responses/cross-build.ts';
import { RESPONSE_IMPORT_JOB, runResponseImport } from './responses/response-import.ts';
import { surveyFileOwner } from './survey-xlsform.service.ts';
import { surveyScopeFixtures } from './survey.fixtures.ts';
import { registerSurveyRoutes } from './survey.routes.ts';
// --- surveys-tab ---
import { registerTabulationRoutes } from './tabulation/index.ts';

/**
 * Sociological surveys (DOMAIN.md capability 8; issue 13; docs/design/surveys.md): surveys, questionnaire versions
 * (built or read from XLSForm, xlsform/), targets and links at the root; responses/ the one response write path
 * (response-store.ts) with double entry, corrections, the public link and the import job; tabulation/ reads the
 * tallies. Each part adds its lines in its marked block.
 */
export const surveysModule: ServerModule = {
  name: 'surveys',
  registerRoutes: (api, context) => {
    // --- surveys-store ---
    registerSurveyRoutes(api, context);
    // --- surveys-tab ---
    registerTabulationRoutes(api, context);
  },
  scopeFixtures: async (db, unitId) => ({
    // --- surveys-store ---
    ...(await surveyScopeFixtures(db, unitId)),
  }),
  fileOwners: {
    // --- surveys-store --- the XLSForms versions were read from
    survey: surveyFileOwner,
  },
  jobHandlers: {
    // --- surveys-store ---
    [RESPONSE_IMPORT_JOB]: runResponseImport,
    // the cross tally of a newly kept cross question
    [CROSS_BUILD_JOB]: runCrossBuild,
  },
  demoSteps: [
    // --- surveys-store --- seed 001's survey (after the foundation and its accounts)
    surveysDemoStep,
  ],
};
