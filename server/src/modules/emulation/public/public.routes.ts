import type { FastifyInstance } from 'fastify';
import { PUBLIC_EMULATION_LIMITS, publicEmulationEndpoints as endpoints } from '#contracts/emulation/public.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { publicModel, publicModels, publicPhoto, publicProvinces } from './public.service.ts';

/** The page reads of the showcase share one per-IP count per minute; photos have their own. */
export const PUBLIC_READ_GROUP = 'emulation-public-read';
export const PUBLIC_PHOTO_GROUP = 'emulation-public-photo';

/** The public showcase of "Dân vận khéo" models: no session; limits per IP counted in the database (rate_limit_window). */
export function registerPublicRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db, files } = context;
  const read = { rateLimitPerMinute: PUBLIC_EMULATION_LIMITS.readPerMinute, rateLimitGroup: PUBLIC_READ_GROUP };
  registerEndpoint(app, endpoints.publicProvinces, async () => publicProvinces(db), read);
  registerEndpoint(app, endpoints.publicModels, async ({ params, query }) => publicModels(db, params.provinceId, query), read);
  registerEndpoint(app, endpoints.publicModel, async ({ params }) => publicModel(db, params.provinceId, params.modelId), read);
  registerEndpoint(
    app,
    endpoints.publicPhoto,
    async ({ params, reply }) => {
      const image = await publicPhoto({ db, files }, params.provinceId, params.photoId);
      // a published photo's bytes never change under its id (the store is addressed by hash): a browser keeps it an hour
      return reply.type(image.mime).header('cache-control', 'public, max-age=3600').send(image.data);
    },
    { rateLimitPerMinute: PUBLIC_EMULATION_LIMITS.photoPerMinute, rateLimitGroup: PUBLIC_PHOTO_GROUP },
  );
}
