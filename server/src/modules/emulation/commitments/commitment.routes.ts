import type { FastifyInstance } from 'fastify';
import { commitmentEndpoints as e } from '#contracts/emulation/commitment.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { buildCommitmentTemplate, uploadCommitments } from './commitment-excel.service.ts';
import * as service from './commitment.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Commitments of a campaign: counts (entered, corrected, imported from Excel), their history, breaches, figures. */
export function registerCommitmentRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, e.listCommitmentCounts, async ({ actor, query }) => service.listCounts(db, actor, query));
  registerEndpoint(app, e.saveCommitmentCount, async ({ actor, body }) => service.saveCount(context, actor, body));
  registerEndpoint(app, e.commitmentCountHistory, async ({ actor, params }) => service.countHistory(db, actor, params.id));
  registerEndpoint(app, e.commitmentTemplate, async ({ actor, query, reply }) => {
    const { filename, data } = await buildCommitmentTemplate(db, actor, query);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'private, no-store')
      .send(data);
  });
  registerEndpoint(app, e.commitmentUpload, async ({ actor, query, file }) => uploadCommitments(context, actor, query, file));
  registerEndpoint(app, e.listCommitmentBreaches, async ({ actor, query }) => service.listBreaches(db, actor, query));
  registerEndpoint(app, e.recordCommitmentBreach, async ({ actor, body }) => service.recordBreach(context, actor, body));
  registerEndpoint(app, e.commitmentFigures, async ({ actor, query }) => service.figures(db, actor, query));
}
