import type { ServerModule } from '#server/shared/module.ts';
import { registerPersonRoutes } from './person.routes.ts';

export const peopleModule: ServerModule = {
  name: 'people',
  registerRoutes: (api, { db }) => registerPersonRoutes(api, db),
};
