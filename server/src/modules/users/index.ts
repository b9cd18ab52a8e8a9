import type { ServerModule } from '#server/shared/module.ts';
import { userScopeFixtures } from './user.fixtures.ts';
import { registerUserRoutes } from './user.routes.ts';

export const usersModule: ServerModule = {
  name: 'users',
  registerRoutes: (api, { db }) => registerUserRoutes(api, db),
  scopeFixtures: userScopeFixtures,
};
