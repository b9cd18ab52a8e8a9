import type { FastifyInstance } from 'fastify';
import { metadataEndpoints } from '#contracts/indicators/metadata.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { getDataSet, listDataElements, listDataSets } from './metadata.service.ts';

/** Data elements, disaggregations, data sets and indicators (DOMAIN.md capability 3). */
export function registerMetadataRoutes(app: FastifyInstance, { db }: ModuleContext): void {
  registerEndpoint(app, metadataEndpoints.listDataSets, async ({ actor }) => listDataSets(db, actor));
  registerEndpoint(app, metadataEndpoints.getDataSet, async ({ actor, params }) => getDataSet(db, actor, params.id));
  registerEndpoint(app, metadataEndpoints.listDataElements, async ({ actor }) => listDataElements(db, actor));
}
