import type { FastifyInstance } from 'fastify';
import { derivedEndpoints } from '#contracts/indicators/derived.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { listDerivedValues, startDerivedBackfill } from './derived.service.ts';

/** Derived values: the registry with its data elements, and the backfill of a province. */
export function registerDerivedRoutes(app: FastifyInstance, context: ModuleContext): void {
  registerEndpoint(app, derivedEndpoints.listDerivedValues, async ({ actor }) => listDerivedValues(context, actor));
  registerEndpoint(app, derivedEndpoints.backfillDerivedValues, async ({ actor, body }) => startDerivedBackfill(context, actor, body.provinceId));
}
