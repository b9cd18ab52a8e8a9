import type { FastifyInstance } from 'fastify';
import { dhis2Endpoints } from '#contracts/indicators/dhis2.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { exportCsv, exportJson, planExport } from './dhis2-export.service.ts';
import { startDhis2Import } from './dhis2-import.service.ts';

/** Largest DHIS2 file accepted (a national year of values is ~1M values, ~150 MB of JSON). */
const MAX_DHIS2_UPLOAD_BYTES = 200 * 1024 * 1024;

const download = (name: string) => `attachment; filename="${name}"`;

/** DHIS2 dataValueSets: import as a job, export streamed as JSON or CSV. */
export function registerDhis2Routes(app: FastifyInstance, { db, files, jobs }: ModuleContext): void {
  registerEndpoint(app, dhis2Endpoints.importDataValueSets, async ({ actor, query, file }) => startDhis2Import({ db, files, jobs }, actor, file, query), {
    upload: { maxBytes: MAX_DHIS2_UPLOAD_BYTES, tooLarge: msg('indicators.dhis2.tooLarge') },
  });
  registerEndpoint(app, dhis2Endpoints.exportDataValueSetsJson, async ({ actor, query, reply }) => {
    const plan = await planExport(db, actor, query);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', download('dataValueSets.json'))
      .send(exportJson(db, actor, plan));
  });
  registerEndpoint(app, dhis2Endpoints.exportDataValueSetsCsv, async ({ actor, query, reply }) => {
    const plan = await planExport(db, actor, query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', download('dataValueSets.csv'))
      .send(exportCsv(db, actor, plan));
  });
}
