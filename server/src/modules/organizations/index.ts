import type { ServerModule } from '#server/shared/module.ts';
import { registerOrganizationRoutes } from './organization.routes.ts';

export const organizationsModule: ServerModule = {
  name: 'organizations',
  registerRoutes: (api, { db }) => registerOrganizationRoutes(api, db),
};
