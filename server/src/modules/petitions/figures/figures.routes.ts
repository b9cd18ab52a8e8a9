import type { FastifyInstance } from 'fastify';
import { petitionFigureEndpoints } from '#contracts/petitions/figures.schemas.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { petitionFigures } from './figures.service.ts';

/** Figures of cases (received, resolved, on time, resolution rate) by province or commune. */
export function registerFigureRoutes(app: FastifyInstance, context: ModuleContext): void {
  registerEndpoint(app, petitionFigureEndpoints.figures, async ({ actor, query }) => petitionFigures(context.db, actor, query));
}
