import { filesModule } from '#server/platform/files/index.ts';
import { jobsModule } from '#server/platform/jobs/index.ts';
import type { ServerModule } from '#server/shared/module.ts';
import { auditModule } from './audit/index.ts';
import { authModule } from './auth/index.ts';
// --- emulation ---
import { emulationModule } from './emulation/index.ts';
import { healthModule } from './health/index.ts';
import { indicatorsModule } from './indicators/index.ts';
import { legalModule } from './legal/index.ts';
import { organizationsModule } from './organizations/index.ts';
import { peopleModule } from './people/index.ts';
// --- pet-core ---
import { petitionsModule } from './petitions/index.ts';
import { programmesModule } from './programmes/index.ts';
// --- sentiment ---
import { sentimentModule } from './sentiment/index.ts';
// --- pet-recv ---
import { receptionModule } from './reception/index.ts';
// --- grassroots ---
import { grassrootsModule } from './grassroots/index.ts';
// --- surveys ---
import { surveysModule } from './surveys/index.ts';
// --- training ---
import { trainingModule } from './training/index.ts';
import { unitsModule } from './units/index.ts';
import { settingsModule } from './settings/index.ts';
import { usersModule } from './users/index.ts';

/** Every module of the server, one line each. Adding a module = its folder + one line here. */
export const SERVER_MODULES: readonly ServerModule[] = [
  healthModule,
  authModule,
  usersModule,
  auditModule,
  unitsModule,
  settingsModule,
  organizationsModule,
  peopleModule,
  indicatorsModule,
  programmesModule,
  legalModule,
  // --- pet-core ---
  petitionsModule,
  // --- pet-recv ---
  receptionModule,
  // --- emulation ---
  emulationModule,
  // --- surveys ---
  surveysModule,
  // --- grassroots ---
  grassrootsModule,
  // --- training ---
  trainingModule,
  // --- sentiment ---
  sentimentModule,
  jobsModule,
  filesModule,
];
