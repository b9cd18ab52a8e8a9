import type { ServerModule } from '#server/shared/module.ts';
import { organizationScopeFixtures } from './organization.fixtures.ts';
import { registerOrganizationRoutes } from './organization.routes.ts';

export const organizationsModule: ServerModule = {
  name: 'organizations',
  registerRoutes: (api, { db }) => registerOrganizationRoutes(api, db),
  scopeFixtures: organizationScopeFixtures,
};

/** An organisation in the actor's scope (member count as of a date), or undefined: people's roles are held in one. */
export { findOrganization } from './organization.repository.ts';
