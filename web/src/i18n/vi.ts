/**
 * The Vietnamese catalogue: every string the interface shows, spread from the shell's and each feature's
 * `messages.vi.ts`. Vietnamese is the default language: the catalogues spread here are in the first load; the large
 * ones of features no first screen shows (programmes, report configuration, emulation: imported for their types
 * only) are fetched with their pages and added by `loadVietnamese` (i18n.ts, app/feature.ts lazyPage). `MessageKey`
 * has every key. Keys are grouped by feature; labels of contract codes (organisation types, roles, unit levels,
 * audit actions) use the code as the last part of the key. English: i18n/en.ts, fetched only when chosen.
 */
import { appVi } from '../app/messages.vi.ts';
import { auditVi } from '../features/audit/messages.vi.ts';
import { authVi } from '../features/auth/messages.vi.ts';
import { dashboardsVi } from '../features/dashboards/messages.vi.ts';
import { dhis2Vi } from '../features/dhis2/messages.vi.ts';
import { filesVi } from '../features/files/messages.vi.ts';
import { homeVi } from '../features/home/messages.vi.ts';
import type { indicatorConfigVi } from '../features/indicator-config/messages.vi.ts';
import { legalVi } from '../features/legal/messages.vi.ts';
import { settingsVi } from '../features/settings/messages.vi.ts';
import { organizationsVi } from '../features/organizations/messages.vi.ts';
import type { organizationFormsVi } from '../features/organizations/forms/messages.vi.ts';
import { peopleVi } from '../features/people/messages.vi.ts';
// --- pet-core ---
import { petitionsVi } from '../features/petitions/messages.vi.ts';
import type { programmesVi } from '../features/programmes/messages.vi.ts';
// --- emulation ---
import type { emulationVi } from '../features/emulation/messages.vi.ts';
// --- pet-recv ---
import { receptionVi } from '../features/reception/messages.vi.ts';
// --- sentiment ---
import type { sentimentVi } from '../features/sentiment/messages.vi.ts';
// --- emu-review ---
import type { emulationReviewVi } from '../features/emulation/review/messages.vi.ts';
// --- pet-portal ---
import { petitionsPortalVi } from '../features/petitions-portal/messages.vi.ts';
// --- emu-models ---
import type { emulationModelsVi } from '../features/emulation/models/messages.vi.ts';
// --- emu-public ---
import { emulationPublicVi } from '../features/emulation-public/messages.vi.ts';
// --- surveys ---
import type { surveysVi } from '../features/surveys/messages.vi.ts';
import type { surveysPublicVi } from '../features/surveys-public/messages.vi.ts';
// --- grassroots ---
import type { grassrootsVi } from '../features/grassroots/messages.vi.ts';
// --- training ---
import type { trainingVi } from '../features/training/messages.vi.ts';
import { reportsVi } from '../features/reports/messages.vi.ts';
import { unitsVi } from '../features/units/messages.vi.ts';
import { usersVi } from '../features/users/messages.vi.ts';

const firstLoad = {
  ...appVi,
  ...homeVi,
  ...unitsVi,
  ...organizationsVi,
  ...peopleVi,
  ...reportsVi,
  ...dhis2Vi,
  ...filesVi,
  ...authVi,
  ...usersVi,
  ...auditVi,
  ...dashboardsVi,
  ...legalVi,
  ...settingsVi,
  // --- pet-core ---
  ...petitionsVi,
  // --- pet-recv ---
  ...receptionVi,
  // --- pet-portal ---
  ...petitionsPortalVi,
  // --- emu-public ---
  ...emulationPublicVi,
} as const;

/** Every key: the first load's and those of the catalogues fetched with their pages. */
export type MessageKey = keyof (typeof firstLoad &
  typeof programmesVi &
  typeof organizationFormsVi &
  typeof indicatorConfigVi &
  typeof emulationVi &
  typeof emulationModelsVi &
  typeof emulationReviewVi &
  typeof surveysVi &
  typeof surveysPublicVi &
  // --- grassroots ---
  typeof grassrootsVi &
  // --- training ---
  typeof trainingVi &
  // --- sentiment ---
  typeof sentimentVi);

/** The strings t() reads: the first load's, then each lazily fetched catalogue as it arrives. */
export const vi: Partial<Record<MessageKey, string>> = { ...firstLoad };
