import type { FastifyInstance } from 'fastify';
import { modelEndpoints } from '#contracts/emulation/model.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { addModelStep, countModels, createModel, getModel, listModels, listRecognisers, listReplicable } from './model.service.ts';

/** Exemplary models: register, lifecycle steps, replication, lists and counts. */
export function registerModelRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, modelEndpoints.listModels, async ({ actor, query }) => listModels(db, actor, query));
  registerEndpoint(app, modelEndpoints.countModels, async ({ actor, query }) => countModels(db, actor, query));
  registerEndpoint(app, modelEndpoints.listReplicable, async ({ actor, query }) => listReplicable(db, actor, query));
  registerEndpoint(app, modelEndpoints.createModel, async ({ actor, body }) => createModel(db, context.derived, actor, body));
  registerEndpoint(app, modelEndpoints.getModel, async ({ actor, params }) => getModel(db, actor, params.id));
  registerEndpoint(app, modelEndpoints.listRecognisers, async ({ actor, params, query }) => listRecognisers(db, actor, params.id, query));
  registerEndpoint(app, modelEndpoints.addModelStep, async ({ actor, params, body }) => addModelStep(db, context.derived, actor, params.id, body));
}
