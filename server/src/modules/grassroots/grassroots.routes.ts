import type { FastifyInstance } from 'fastify';
import { grassrootsEndpoints } from '#contracts/grassroots/api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { briefingMembers, getBriefing, listBriefings, recordBriefing, setBriefingRecurrence } from './briefings/briefing.service.ts';
import { fieldDays } from './figures/field-days.service.ts';
import { addPurpose, listCadres, listPlaces, listPurposes, listVisits, logVisit } from './visits/visit.service.ts';

/** Field visits and their figures; briefings of blocs and teams. */
export function registerGrassrootsRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, grassrootsEndpoints.listPurposes, async ({ actor }) => listPurposes(db, actor));
  registerEndpoint(app, grassrootsEndpoints.addPurpose, async ({ actor, body }) => addPurpose(db, actor, body));
  registerEndpoint(app, grassrootsEndpoints.listCadres, async ({ actor, query }) => listCadres(db, actor, query));
  registerEndpoint(app, grassrootsEndpoints.listPlaces, async ({ actor, query }) => listPlaces(db, actor, query));
  registerEndpoint(app, grassrootsEndpoints.logVisit, async ({ actor, body }) => logVisit(db, context.derived, actor, body));
  registerEndpoint(app, grassrootsEndpoints.listVisits, async ({ actor, query }) => listVisits(db, actor, query));
  registerEndpoint(app, grassrootsEndpoints.fieldDays, async ({ actor, query }) => fieldDays(db, actor, query));
  registerEndpoint(app, grassrootsEndpoints.listBriefings, async ({ actor, query }) => listBriefings(db, actor, query));
  registerEndpoint(app, grassrootsEndpoints.recordBriefing, async ({ actor, body }) => recordBriefing(db, context.derived, actor, body));
  registerEndpoint(app, grassrootsEndpoints.getBriefing, async ({ actor, params }) => getBriefing(db, actor, params.id));
  registerEndpoint(app, grassrootsEndpoints.briefingMembers, async ({ actor, params, query }) => briefingMembers(db, actor, params.organizationId, query));
  registerEndpoint(app, grassrootsEndpoints.setBriefingRecurrence, async ({ actor, params, body }) => setBriefingRecurrence(db, context.derived, actor, params.organizationId, body));
}
