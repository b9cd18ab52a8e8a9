import type { FastifyInstance } from 'fastify';
import { userEndpoints } from '#contracts/users.ts';
import type { Database } from '#server/db/database.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { createUser, getUser, listUsers, moveUser, updateUser } from './user.service.ts';

/** Account administration (DOMAIN.md capability 10). Sign-in and own password live in modules/auth. */
export function registerUserRoutes(app: FastifyInstance, db: Database): void {
  registerEndpoint(app, userEndpoints.list, async ({ actor, query }) => listUsers(db, actor, query));
  registerEndpoint(app, userEndpoints.get, async ({ actor, params }) => getUser(db, actor, params.id));
  registerEndpoint(app, userEndpoints.create, async ({ actor, body }) => createUser(db, actor, body));
  registerEndpoint(app, userEndpoints.update, async ({ actor, params, body }) => updateUser(db, actor, params.id, body));
  registerEndpoint(app, userEndpoints.move, async ({ actor, params, body }) => moveUser(db, actor, params.id, body));
}
