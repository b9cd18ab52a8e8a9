import type { FastifyInstance } from 'fastify';
import { reportEndpoints } from '#contracts/indicators/reports.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { getCompleteness } from './completeness.service.ts';
import { getForm, getValueHistory, putValues } from './report-form.service.ts';
import { getReport, transitionReport } from './report-transition.service.ts';

/** Entry forms, values, report workflow and completeness. */
export function registerReportRoutes(app: FastifyInstance, { db }: ModuleContext): void {
  registerEndpoint(app, reportEndpoints.getForm, async ({ actor, params, query }) => getForm(db, actor, params.dataSetId, query.unitId, query.period));
  registerEndpoint(app, reportEndpoints.putValues, async ({ actor, body }) => putValues(db, actor, body));
  registerEndpoint(app, reportEndpoints.valueHistory, async ({ actor, query }) => getValueHistory(db, actor, query));
  registerEndpoint(app, reportEndpoints.transitionReport, async ({ actor, params, body }) => transitionReport(db, actor, params.id, body));
  registerEndpoint(app, reportEndpoints.getReport, async ({ actor, params }) => getReport(db, actor, params.id));
  registerEndpoint(app, reportEndpoints.completeness, async ({ actor, query }) => getCompleteness(db, actor, query));
}
