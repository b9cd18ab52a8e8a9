import type { FastifyInstance } from 'fastify';
import { surveyEndpoints as e } from '#contracts/surveys/api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { tabulationWorkbook } from './tabulation-excel.ts';
import { getTabulation } from './tabulation.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const disposition = (filename: string) => `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** The tabulation of a survey: JSON and Excel (GET /api/surveys/:id/tabulation, /tabulation.xlsx). */
export function registerTabulationRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, e.tabulation, async ({ actor, params, query }) => getTabulation(db, actor, params.id, query));
  registerEndpoint(app, e.tabulationXlsx, async ({ actor, params, query, reply }) => {
    const { filename, data } = await tabulationWorkbook(db, actor, params.id, query);
    return reply.header('content-type', XLSX).header('content-disposition', disposition(filename)).header('cache-control', 'private, no-store').send(data);
  });
}
