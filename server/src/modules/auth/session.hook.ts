import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '#server/db/database.ts';
import type { Actor } from '#server/shared/actor.ts';
import { AppError } from '#server/shared/errors.ts';
import { msg } from '#server/shared/messages.ts';
import { ZRole } from '#contracts/auth.ts';
import { findSessionUser, type SessionUser } from './session.repository.ts';

export const SESSION_COOKIE = 'dvs_session';
const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null. Set by the session hook before any handler runs. */
    actor: Actor | null;
    /** The session cookie token, for logout and password change. */
    sessionToken: string | null;
    /** The session's user as the hook loaded it (GET /api/auth/me answers from it without a second query). */
    sessionUser: SessionUser | null;
    /** Throws 403 unless the request carries the session's CSRF token in `x-csrf-token`. */
    checkCsrf(): void;
  }
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Loads the session named by the httpOnly cookie on every /api request and attaches the actor. */
export function registerSessionHook(app: FastifyInstance, db: Database): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('checkCsrf', function checkCsrf(this: { csrfExpected?: string; headers: Record<string, unknown> }) {
    const sent = this.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !this.csrfExpected || !sameToken(sent, this.csrfExpected)) {
      throw new AppError(403, 'csrf', msg('auth.csrf'));
    }
  });
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const user = await findSessionUser(db, token);
    if (!user) return;
    request.sessionToken = token;
    request.sessionUser = user;
    (request as unknown as { csrfExpected: string }).csrfExpected = user.csrf_token;
    request.actor = actorOf(user, request.ip);
  });
}

/**
 * Whether a request (the page's, outside /api/) carries the cookie of a live session: the page then shows the
 * loading screen, never the HTML login form (shared/http/web-app.ts). A session that must change its password counts.
 */
export async function hasSession(db: Database, request: FastifyRequest): Promise<boolean> {
  const token = request.cookies[SESSION_COOKIE];
  return token ? Boolean(await findSessionUser(db, token)) : false;
}

/** The actor of a session's user: roles, unit, level and the scope roots unit_scope_paths() gave. */
export function actorOf(user: SessionUser, ip: string | null): Actor {
  return {
    userId: user.id,
    username: user.username,
    roles: new Set(user.roles.map((role) => ZRole.parse(role))),
    unitId: user.unit_id,
    unitLevel: user.unit_level,
    organizationId: user.organization_id,
    scope: user.scope_roots === null ? { all: true } : { all: false, roots: user.scope_roots },
    ip,
  };
}
