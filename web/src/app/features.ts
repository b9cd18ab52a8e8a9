import { auditFeature } from '../features/audit/index.ts';
import { dhis2Feature } from '../features/dhis2/index.ts';
import { authFeature } from '../features/auth/index.ts';
import { dashboardsFeature } from '../features/dashboards/index.ts';
// --- emulation ---
import { emulationFeature } from '../features/emulation/index.ts';
import { filesFeature } from '../features/files/index.ts';
import { homeFeature } from '../features/home/index.ts';
import { indicatorConfigFeature } from '../features/indicator-config/index.ts';
import { legalFeature } from '../features/legal/index.ts';
import { settingsFeature } from '../features/settings/index.ts';
import { organizationsFeature } from '../features/organizations/index.ts';
import { organizationFormsFeature } from '../features/organizations/forms/index.ts';
import { peopleFeature } from '../features/people/index.ts';
// --- pet-core ---
import { petitionsFeature } from '../features/petitions/index.ts';
import { programmesFeature } from '../features/programmes/index.ts';
// --- pet-recv ---
import { receptionFeature } from '../features/reception/index.ts';
// --- emu-review ---
import { emulationReviewFeature } from '../features/emulation/review/index.ts';
// --- pet-portal ---
import { petitionsPortalFeature } from '../features/petitions-portal/index.ts';
// --- emu-models ---
import { emulationModelsFeature } from '../features/emulation/models/index.ts';
// --- emu-public ---
import { emulationPublicFeature } from '../features/emulation-public/index.ts';
// --- surveys ---
import { surveysFeature } from '../features/surveys/index.ts';
import { surveysPublicFeature } from '../features/surveys-public/index.ts';
// --- grassroots ---
import { grassrootsFeature } from '../features/grassroots/index.ts';
// --- training ---
import { trainingFeature } from '../features/training/index.ts';
// --- sentiment ---
import { sentimentFeature } from '../features/sentiment/index.ts';
import { reportsFeature } from '../features/reports/index.ts';
import { unitsFeature } from '../features/units/index.ts';
import { usersFeature } from '../features/users/index.ts';
import type { FeatureMessages, WebFeature } from './feature.ts';
import { appVi } from './messages.vi.ts';

/** Every feature of the web app, one line each. Adding a feature = its folder + one line here (+ one in i18n/vi.ts). */
export const WEB_FEATURES: readonly WebFeature[] = [
  homeFeature,
  unitsFeature,
  organizationsFeature,
  organizationFormsFeature,
  peopleFeature,
  reportsFeature,
  dhis2Feature,
  filesFeature,
  authFeature,
  usersFeature,
  auditFeature,
  indicatorConfigFeature,
  dashboardsFeature,
  programmesFeature,
  legalFeature,
  settingsFeature,
  // --- pet-core ---
  petitionsFeature,
  // --- pet-recv ---
  receptionFeature,
  // --- pet-portal ---
  petitionsPortalFeature,
  // --- emulation ---
  emulationFeature,
  // --- emu-models ---
  emulationModelsFeature,
  // --- emu-review ---
  emulationReviewFeature,
  // --- emu-public ---
  emulationPublicFeature,
  // --- surveys ---
  surveysFeature,
  surveysPublicFeature,
  // --- grassroots ---
  grassrootsFeature,
  // --- training ---
  trainingFeature,
  // --- sentiment ---
  sentimentFeature,
];

/** Every catalogue pair of the web app: the shell's own strings (app/messages.*.ts), then each feature's. */
export const CATALOGUES: readonly { name: string; messages: FeatureMessages }[] = [
  { name: 'app', messages: { vi: appVi, en: () => import('./messages.en.ts').then((m) => m.appEn) } },
  ...WEB_FEATURES,
];
