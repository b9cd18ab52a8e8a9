import type { FastifyInstance } from 'fastify';
import { excelEndpoints } from '#contracts/indicators/excel.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { buildExcelTemplate } from './excel-template.service.ts';
import { uploadExcel } from './excel-upload.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel templates of data sets: download pre-filled, upload with a preview. */
export function registerExcelRoutes(app: FastifyInstance, { db }: ModuleContext): void {
  registerEndpoint(app, excelEndpoints.excelTemplate, async ({ actor, params, query, reply }) => {
    const { filename, data } = await buildExcelTemplate(db, actor, params.dataSetId, query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store')
      .send(data);
  });
  registerEndpoint(app, excelEndpoints.excelUpload, async ({ actor, params, query, file }) =>
    uploadExcel(db, actor, params.dataSetId, query.period, file, query.dryRun),
  );
}
