import type { FastifyInstance } from 'fastify';
import { petitionEndpoints } from '#contracts/petitions/api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { actOnCase } from './case-actions.ts';
import { exportCases } from './case-export.ts';
import { caseDuplicates, countCases, createCase, findDuplicates, getCase, listCases, revealIdentity } from './case.service.ts';
import { createField, listFields } from './field.service.ts';

const disposition = (filename: string) => `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** Citizens' cases: fields, intake, lists, lifecycle (DOMAIN.md capability 5). */
export function registerPetitionRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, petitionEndpoints.listFields, async ({ actor }) => listFields(db, actor));
  registerEndpoint(app, petitionEndpoints.createField, async ({ actor, body }) => createField(db, actor, body));
  registerEndpoint(app, petitionEndpoints.listCases, async ({ actor, query }) => listCases(db, actor, query));
  registerEndpoint(app, petitionEndpoints.countCases, async ({ actor, query }) => countCases(db, actor, query));
  registerEndpoint(app, petitionEndpoints.exportCases, async ({ actor, query, reply }) => {
    const { filename, data } = await exportCases(db, actor, query);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', disposition(filename))
      .header('cache-control', 'private, no-store')
      .send(data);
  });
  registerEndpoint(app, petitionEndpoints.checkDuplicates, async ({ actor, body }) => findDuplicates(db, actor, body));
  registerEndpoint(app, petitionEndpoints.createCase, async ({ actor, body }) => createCase(db, context.derived, actor, body));
  registerEndpoint(app, petitionEndpoints.getCase, async ({ actor, params }) => getCase(db, actor, params.id));
  registerEndpoint(app, petitionEndpoints.caseDuplicates, async ({ actor, params }) => caseDuplicates(db, actor, params.id));
  registerEndpoint(app, petitionEndpoints.actOnCase, async ({ actor, params, body }) => actOnCase(db, context.derived, actor, params.id, body));
  registerEndpoint(app, petitionEndpoints.revealIdentity, async ({ actor, params, body }) => revealIdentity(db, actor, params.id, body.reason));
}
