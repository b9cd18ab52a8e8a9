import { auditFeature } from '../features/audit/index.ts';
import { authFeature } from '../features/auth/index.ts';
import { organizationsFeature } from '../features/organizations/index.ts';
import { peopleFeature } from '../features/people/index.ts';
import { unitsFeature } from '../features/units/index.ts';
import { usersFeature } from '../features/users/index.ts';
import type { WebFeature } from './feature.ts';

/** Every feature of the web app, one line each. Adding a feature = its folder + one line here. */
export const WEB_FEATURES: readonly WebFeature[] = [
  unitsFeature,
  organizationsFeature,
  peopleFeature,
  authFeature,
  usersFeature,
  auditFeature,
];
