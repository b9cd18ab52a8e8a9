import type { ServerModule } from '#server/shared/module.ts';
import { registerAuthRoutes } from './auth.routes.ts';

export const authModule: ServerModule = {
  name: 'auth',
  registerRoutes: (api, { db, secureCookies, loginRateLimit }) => registerAuthRoutes(api, db, { secureCookies, loginRateLimit }),
};
