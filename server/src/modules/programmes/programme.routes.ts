import type { FastifyInstance } from 'fastify';
import { programmeEndpoints } from '#contracts/programmes/programmes.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { listPacks, loadPack } from './packs/pack-load.service.ts';
import { createPlan, createProgramme, getProgramme, listProgrammes, updateProgramme } from './programme.service.ts';
import { createTarget, updateTarget } from './targets/programme-target.service.ts';

/** Programme endpoints (contracts/src/programmes/programmes.api.ts). */
export function registerProgrammeRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, programmeEndpoints.listProgrammes, async ({ actor, query }) => listProgrammes(db, actor, query));
  registerEndpoint(app, programmeEndpoints.getProgramme, async ({ actor, params }) => getProgramme(context, actor, params.id));
  registerEndpoint(app, programmeEndpoints.createProgramme, async ({ actor, body }) => createProgramme(context, actor, body));
  registerEndpoint(app, programmeEndpoints.updateProgramme, async ({ actor, params, body }) => updateProgramme(context, actor, params.id, body));
  registerEndpoint(app, programmeEndpoints.createPlan, async ({ actor, params, body }) => createPlan(context, actor, params.id, body));
  registerEndpoint(app, programmeEndpoints.createTarget, async ({ actor, params, body }) => createTarget(db, actor, params.id, body));
  registerEndpoint(app, programmeEndpoints.updateTarget, async ({ actor, params, body }) =>
    updateTarget(db, actor, params.id, params.targetId, body),
  );
  registerEndpoint(app, programmeEndpoints.listPacks, async ({ actor }) => listPacks(actor));
  registerEndpoint(app, programmeEndpoints.loadPack, async ({ actor, body }) => loadPack(db, actor, body));
}
