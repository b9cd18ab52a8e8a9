import type { ServerModule } from '#server/shared/module.ts';
import { registerAuthRoutes } from './auth.routes.ts';

export const authModule: ServerModule = {
  name: 'auth',
  registerRoutes: (api, { db, secureCookies, loginRateLimit }) => registerAuthRoutes(api, db, { secureCookies, loginRateLimit }),
};

/** For account administration (modules/users): hashing a new password, ending a user's sessions. */
export { hashPassword } from './password.ts';
export { deleteUserSessions } from './session.repository.ts';
/** The actor of a session's user (for tests and tools that act as a user exactly as a request would). */
export { actorOf } from './session.hook.ts';
export { createSession, findSessionUser } from './session.repository.ts';
/** For the page (app.ts → shared/http/web-app.ts): whether a request has a live session; the login form's errors. */
export { hasSession } from './session.hook.ts';
export { loginPageNotice } from './login-form.ts';
