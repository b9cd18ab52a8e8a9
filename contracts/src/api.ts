import { auditEndpoints } from './audit.ts';
import { fileEndpoints } from './files.ts';
import { indicatorEndpoints } from './indicators/api.ts';
import { jobEndpoints } from './jobs.ts';
import { legalEndpoints } from './legal/api.ts';
import { healthEndpoints } from './health.ts';
import { organizationEndpoints } from './organizations.ts';
import { personEndpoints } from './people.ts';
import { programmesEndpoints } from './programmes/api.ts';
// --- pet-core ---
import { petitionEndpoints } from './petitions/api.ts';
// --- pet-recv ---
import { receptionEndpoints } from './reception/api.ts';
// --- pet-portal ---
import { hotspotEndpoints, open311Endpoints, portalEndpoints } from './petitions/portal.api.ts';
// --- pet-figures ---
import { petitionFigureEndpoints } from './petitions/figures.schemas.ts';
// --- emulation ---
import { emulationEndpoints } from './emulation/api.ts';
// --- surveys ---
import { surveyEndpoints } from './surveys/api.ts';
// --- grassroots ---
import { grassrootsEndpoints } from './grassroots/api.ts';
// --- training ---
import { trainingEndpoints } from './training/api.ts';
// --- sentiment ---
import { sentimentEndpoints } from './sentiment/api.ts';
import { unitEndpoints } from './units.ts';
import { settingsEndpoints } from './settings.ts';
import { authEndpoints } from './auth.ts';
import { userEndpoints } from './users.ts';

/** Every endpoint of the API, by module. The server must register each; a test checks it. */
export const api = {
  health: healthEndpoints,
  auth: authEndpoints,
  users: userEndpoints,
  audit: auditEndpoints,
  units: unitEndpoints,
  settings: settingsEndpoints,
  organizations: organizationEndpoints,
  people: personEndpoints,
  jobs: jobEndpoints,
  files: fileEndpoints,
  indicators: indicatorEndpoints,
  programmes: programmesEndpoints,
  // --- pet-core ---
  petitions: petitionEndpoints,
  // --- pet-legal ---
  legal: legalEndpoints,
  // --- pet-recv ---
  reception: receptionEndpoints,
  // --- pet-portal ---
  portal: portalEndpoints,
  open311: open311Endpoints,
  hotspots: hotspotEndpoints,
  // --- pet-figures ---
  petitionFigures: petitionFigureEndpoints,
  // --- emulation ---
  emulation: emulationEndpoints,
  // --- surveys ---
  surveys: surveyEndpoints,
  // --- grassroots ---
  grassroots: grassrootsEndpoints,
  // --- training ---
  training: trainingEndpoints,
  // --- sentiment ---
  sentiment: sentimentEndpoints,
};
