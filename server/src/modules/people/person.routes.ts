import type { FastifyInstance } from 'fastify';
import { personEndpoints } from '#contracts/people.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { createPerson, getPerson, listPeople, updatePerson } from './person.service.ts';
import { addRole, endRole } from './role.service.ts';

/** People registry and their roles (DOMAIN.md capability 1; sensitive fields per capability 10). */
export function registerPersonRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, personEndpoints.list, async ({ actor, query }) => listPeople(db, actor, query));
  registerEndpoint(app, personEndpoints.get, async ({ actor, params }) => getPerson(db, actor, params.id));
  registerEndpoint(app, personEndpoints.create, async ({ actor, body }) => createPerson(db, actor, body));
  registerEndpoint(app, personEndpoints.update, async ({ actor, params, body }) => updatePerson(db, actor, params.id, body));
  registerEndpoint(app, personEndpoints.addRole, async ({ actor, params, body }) => addRole(context, actor, params.id, body));
  registerEndpoint(app, personEndpoints.endRole, async ({ actor, params, body }) => {
    await endRole(context, actor, params.id, body.termTo, body.backfill);
    return { ok: true as const };
  });
}
