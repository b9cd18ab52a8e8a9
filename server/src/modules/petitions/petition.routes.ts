import type { FastifyInstance } from 'fastify';
import { petitionEndpoints } from '#contracts/petitions/api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { listFields } from './field.service.ts';

/** Citizens' cases: fields, intake, lists, lifecycle (DOMAIN.md capability 5). */
export function registerPetitionRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, petitionEndpoints.listFields, async ({ actor }) => listFields(db, actor));
}
