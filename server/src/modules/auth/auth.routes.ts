import type { FastifyInstance, FastifyReply } from 'fastify';
import { authEndpoints } from '#contracts/auth.ts';
import type { Database } from '#server/db/database.ts';
import { unauthorized } from '#server/shared/errors.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { registerFormEndpoint } from '#server/shared/http/form-route.ts';
import { afterLoginLocation, loginFailureLocation } from './login-form.ts';
import { changePassword, login, logout, SESSION_HOURS, toMe } from './auth.service.ts';
import { SESSION_COOKIE } from './session.hook.ts';

interface AuthRouteOptions {
  /** Mark the cookie Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Login attempts per minute per IP. */
  loginRateLimit: number;
}

/** The JSON login and the login form share one per-IP count. */
const LOGIN_RATE_GROUP = 'login';

export function registerAuthRoutes(app: FastifyInstance, db: Database, options: AuthRouteOptions): void {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });

  registerEndpoint(
    app,
    authEndpoints.login,
    async ({ body, request, reply }) => {
      const { token, me } = await login(db, body.username, body.password, request.ip);
      setCookie(reply, token);
      return me;
    },
    { rateLimitPerMinute: options.loginRateLimit, rateLimitGroup: LOGIN_RATE_GROUP },
  );

  // the login form of the HTML page (login-form.ts): the same sign-in, answered by 303 instead of JSON
  registerFormEndpoint(
    app,
    authEndpoints.loginForm,
    async ({ body, request, reply }) => {
      const { token, me } = await login(db, body.username, body.password, request.ip);
      setCookie(reply, token);
      return afterLoginLocation(body.next, me.mustChangePassword);
    },
    { rateLimitPerMinute: options.loginRateLimit, rateLimitGroup: LOGIN_RATE_GROUP, failureLocation: loginFailureLocation },
  );

  registerEndpoint(app, authEndpoints.logout, async ({ actor, request, reply }) => {
    await logout(db, actor, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  registerEndpoint(app, authEndpoints.me, async ({ request }) => {
    const user = request.sessionUser;
    if (!user) throw unauthorized();
    return toMe(user, user.csrf_token);
  });

  registerEndpoint(app, authEndpoints.changePassword, async ({ actor, body, request }) => {
    await changePassword(db, actor, body.currentPassword, body.newPassword, request.sessionToken ?? '');
    return { ok: true as const };
  });
}
