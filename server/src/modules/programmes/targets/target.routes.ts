import type { FastifyInstance } from 'fastify';
import { targetEndpoints } from '#contracts/programmes/targets.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { programmeEvaluation, targetUnits } from './target-eval.service.ts';

/** Target endpoints (contracts/src/programmes/targets.api.ts). */
export function registerTargetRoutes(app: FastifyInstance, { db }: ModuleContext): void {
  registerEndpoint(app, targetEndpoints.programmeEvaluation, ({ actor, params, query }) => programmeEvaluation(db, actor, params.id, query));
  registerEndpoint(app, targetEndpoints.targetUnits, ({ actor, params, query }) => targetUnits(db, actor, params.id, params.targetId, query));
}
