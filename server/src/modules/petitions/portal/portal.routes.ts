import type { FastifyInstance } from 'fastify';
import { portalEndpoints, PORTAL_LIMITS } from '#contracts/petitions/portal.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { fileCase, portalCommunes, portalForm, portalProvinces, trackCase } from './portal.service.ts';

/** The portal's form and Open311's POST share one per-IP count per minute. */
export const PORTAL_FILE_GROUP = 'petitions-portal-file';
export const PORTAL_FILE_PER_MINUTE = PORTAL_LIMITS.filePerMinute;

/** The public portal: no session; limits per IP counted in the database (rate_limit_window). */
export function registerPortalRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db, files } = context;
  registerEndpoint(app, portalEndpoints.provinces, async () => portalProvinces(db));
  registerEndpoint(app, portalEndpoints.communes, async ({ params }) => portalCommunes(db, params.id));
  registerEndpoint(app, portalEndpoints.form, async ({ query }) => portalForm(db, query.provinceId ?? null));
  registerEndpoint(app, portalEndpoints.file, async ({ body, request }) => fileCase({ db, files, derived: context.derived }, body, { ip: request.ip, via: 'portal' }), {
    rateLimitPerMinute: PORTAL_FILE_PER_MINUTE,
    rateLimitGroup: PORTAL_FILE_GROUP,
  });
  registerEndpoint(app, portalEndpoints.track, async ({ body }) => trackCase(db, body), { rateLimitPerMinute: PORTAL_LIMITS.trackPerMinute });
}
