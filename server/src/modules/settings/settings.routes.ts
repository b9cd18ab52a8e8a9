import type { FastifyInstance } from 'fastify';
import { settingsEndpoints } from '#contracts/settings.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { listProvinceSettings, setProvinceSetting } from './settings.service.ts';

export function registerSettingsRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, settingsEndpoints.list, async ({ actor, params }) => listProvinceSettings(db, actor, params.id));
  registerEndpoint(app, settingsEndpoints.set, async ({ actor, params, body }) => setProvinceSetting(context, actor, params.id, params.key, body));
}
