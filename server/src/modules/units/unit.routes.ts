import type { FastifyInstance } from 'fastify';
import { unitEndpoints } from '#contracts/units.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { clock } from '#server/shared/clock.ts';
import { closeVillage, createVillage, getUnitDetail, listUnitChildren, searchUnitsWithAncestors } from './unit.service.ts';
import { confirmSuccessor, setSuccessor } from './succession.service.ts';
import { importVillages } from './village-import.service.ts';

export function registerUnitRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, unitEndpoints.children, async ({ actor, query }) =>
    listUnitChildren(db, actor, query.asOf ?? clock.today(), query.parentId),
  );
  registerEndpoint(app, unitEndpoints.search, async ({ actor, query }) =>
    searchUnitsWithAncestors(db, actor, query.q, query.asOf ?? clock.today(), query.limit),
  );
  registerEndpoint(app, unitEndpoints.get, async ({ actor, params, query }) =>
    getUnitDetail(db, actor, params.id, query.asOf ?? clock.today()),
  );
  registerEndpoint(app, unitEndpoints.setSuccessor, async ({ actor, params, body }) => setSuccessor(context, actor, params.id, body));
  registerEndpoint(app, unitEndpoints.confirmSuccessor, async ({ actor, params, body }) =>
    confirmSuccessor(context, actor, params.id, params.successorId, body.reason),
  );
  registerEndpoint(app, unitEndpoints.createVillage, async ({ actor, params, body }) => createVillage(context, actor, params.id, body));
  registerEndpoint(app, unitEndpoints.importVillages, async ({ actor, params, query, file }) =>
    importVillages(context, actor, params.id, file, query),
  );
  registerEndpoint(app, unitEndpoints.closeVillage, async ({ actor, params, body }) => {
    await closeVillage(context, actor, params.id, body.validTo, body.backfill);
    return { ok: true as const };
  });
}
