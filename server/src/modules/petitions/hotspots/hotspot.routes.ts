import type { FastifyInstance } from 'fastify';
import { hotspotEndpoints } from '#contracts/petitions/portal.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { hotspots } from './hotspot.service.ts';
import { portalPhoto } from '../portal/index.ts';

/** Officers' views of the portal's data: hot spots by commune, the photo a citizen sent. */
export function registerHotspotRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db, files } = context;
  registerEndpoint(app, hotspotEndpoints.hotspots, async ({ actor, query }) => hotspots(db, actor, query));
  registerEndpoint(app, hotspotEndpoints.portalPhoto, async ({ actor, params, reply }) => {
    const photo = await portalPhoto({ db, files }, actor, params.caseId);
    return reply.type(photo.mime).header('cache-control', 'private, no-store').send(photo.data);
  });
}
