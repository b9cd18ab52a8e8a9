/**
 * The Vietnamese catalogue: every string the interface shows, spread from the shell's and each feature's
 * `messages.vi.ts`. Static, because Vietnamese is the default language and must be in the first load; its keys
 * are `MessageKey`. Keys are grouped by feature; labels of contract codes (organisation types, roles, unit levels,
 * audit actions) use the code as the last part of the key. English: i18n/en.ts, fetched only when chosen.
 */
import { appVi } from '../app/messages.vi.ts';
import { auditVi } from '../features/audit/messages.vi.ts';
import { authVi } from '../features/auth/messages.vi.ts';
import { dashboardsVi } from '../features/dashboards/messages.vi.ts';
import { dhis2Vi } from '../features/dhis2/messages.vi.ts';
import { filesVi } from '../features/files/messages.vi.ts';
import { homeVi } from '../features/home/messages.vi.ts';
import { indicatorConfigVi } from '../features/indicator-config/messages.vi.ts';
import { legalVi } from '../features/legal/messages.vi.ts';
import { organizationsVi } from '../features/organizations/messages.vi.ts';
import { peopleVi } from '../features/people/messages.vi.ts';
// --- pet-core ---
import { petitionsVi } from '../features/petitions/messages.vi.ts';
import { programmesVi } from '../features/programmes/messages.vi.ts';
// --- emulation ---
import { emulationVi } from '../features/emulation/messages.vi.ts';
// --- pet-recv ---
import { receptionVi } from '../features/reception/messages.vi.ts';
// --- pet-portal ---
import { petitionsPortalVi } from '../features/petitions-portal/messages.vi.ts';
import { reportsVi } from '../features/reports/messages.vi.ts';
import { unitsVi } from '../features/units/messages.vi.ts';
import { usersVi } from '../features/users/messages.vi.ts';

export const vi = {
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
  ...indicatorConfigVi,
  ...dashboardsVi,
  ...programmesVi,
  ...legalVi,
  // --- pet-core ---
  ...petitionsVi,
  // --- pet-recv ---
  ...receptionVi,
  // --- pet-portal ---
  ...petitionsPortalVi,
  // --- emulation ---
  ...emulationVi,
} as const;

export type MessageKey = keyof typeof vi;
