import type { FastifyInstance } from 'fastify';
import { metadataEndpoints } from '#contracts/indicators/metadata.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { createCategoryCombo, listCategoryCombos } from './category-combo.service.ts';
import { createDataElement } from './data-element.service.ts';
import { createDataSet } from './data-set-write.service.ts';
import { createIndicator, getIndicator, listIndicators } from './indicator.service.ts';
import { getDataSet, listDataElements, listDataSets } from './metadata.service.ts';

/** Data elements, disaggregations, data sets and indicators (DOMAIN.md capability 3). */
export function registerMetadataRoutes(app: FastifyInstance, { db }: ModuleContext): void {
  registerEndpoint(app, metadataEndpoints.listCategoryCombos, async ({ actor }) => listCategoryCombos(db, actor));
  registerEndpoint(app, metadataEndpoints.createCategoryCombo, async ({ actor, body }) => createCategoryCombo(db, actor, body));
  registerEndpoint(app, metadataEndpoints.listDataSets, async ({ actor }) => listDataSets(db, actor));
  registerEndpoint(app, metadataEndpoints.getDataSet, async ({ actor, params }) => getDataSet(db, actor, params.id));
  registerEndpoint(app, metadataEndpoints.createDataSet, async ({ actor, body }) => createDataSet(db, actor, body));
  registerEndpoint(app, metadataEndpoints.listDataElements, async ({ actor }) => listDataElements(db, actor));
  registerEndpoint(app, metadataEndpoints.createDataElement, async ({ actor, body }) => createDataElement(db, actor, body));
  registerEndpoint(app, metadataEndpoints.listIndicators, async ({ actor }) => listIndicators(db, actor));
  registerEndpoint(app, metadataEndpoints.getIndicator, async ({ actor, params }) => getIndicator(db, actor, params.id));
  registerEndpoint(app, metadataEndpoints.createIndicator, async ({ actor, body }) => createIndicator(db, actor, body));
}
