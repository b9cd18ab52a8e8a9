import type { FastifyInstance } from 'fastify';
import { reviewEndpoints as e } from '#contracts/emulation/review.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import * as service from './review.service.ts';

/** Review endpoints (contracts/src/emulation/review.api.ts). */
export function registerReviewRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, e.getReviewSheet, async ({ actor, params }) => service.getReviewSheet(db, actor, params.campaignId));
  registerEndpoint(app, e.createReviewSheet, async ({ actor, params, body }) => service.createReviewSheet(db, actor, params.campaignId, body));
  registerEndpoint(app, e.updateReviewSheet, async ({ actor, params, body }) => service.updateReviewSheet(db, actor, params.campaignId, body));
  registerEndpoint(app, e.listNominations, async ({ actor, params, query }) => service.listNominations(db, actor, params.campaignId, query));
  registerEndpoint(app, e.listNominable, async ({ actor, params, query }) => service.listNominable(db, actor, params.campaignId, query));
  registerEndpoint(app, e.createNomination, async ({ actor, params, body }) => service.createNomination(context, actor, params.campaignId, body));
  registerEndpoint(app, e.getNomination, async ({ actor, params }) => service.getNomination(context, actor, params.id));
  registerEndpoint(app, e.scoreNomination, async ({ actor, params, body }) => service.scoreNomination(context, actor, params.id, body));
  registerEndpoint(app, e.concludeNomination, async ({ actor, params, body }) => service.concludeNomination(context, actor, params.id, body));
  registerEndpoint(app, e.withdrawNomination, async ({ actor, params, body }) => service.withdrawNomination(context, actor, params.id, body));
}
