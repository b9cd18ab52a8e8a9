import type { FastifyInstance } from 'fastify';
import { sentimentEndpoints } from '#contracts/sentiment/api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import * as service from './sentiment.service.ts';

/** Public sentiment: topics and rules, reports, the table and the map, alerts and their follow-up. */
export function registerSentimentRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db, derived } = context;
  registerEndpoint(app, sentimentEndpoints.listTopics, async ({ actor }) => service.listTopics(db, actor));
  registerEndpoint(app, sentimentEndpoints.listTeams, async ({ actor, query }) => service.listTeams(db, actor, query.unitId));
  registerEndpoint(app, sentimentEndpoints.listRules, async ({ actor, query }) => service.listRules(db, actor, query));
  registerEndpoint(app, sentimentEndpoints.createRule, async ({ actor, body }) => service.createRule(db, actor, body));
  registerEndpoint(app, sentimentEndpoints.changeRule, async ({ actor, params, body }) => service.changeRule(db, actor, params.id, body));
  registerEndpoint(app, sentimentEndpoints.createReport, async ({ actor, body }) => service.createReport(db, derived, actor, body));
  registerEndpoint(app, sentimentEndpoints.listReports, async ({ actor, query }) => service.listReports(db, actor, query));
  registerEndpoint(app, sentimentEndpoints.getReport, async ({ actor, params }) => service.getReport(db, actor, params.id));
  registerEndpoint(app, sentimentEndpoints.table, async ({ actor, query }) => service.table(db, actor, query));
  registerEndpoint(app, sentimentEndpoints.map, async ({ actor, query }) => service.map(db, actor, query));
  registerEndpoint(app, sentimentEndpoints.listAlerts, async ({ actor, query }) => service.listAlerts(db, actor, query));
  registerEndpoint(app, sentimentEndpoints.getAlert, async ({ actor, params }) => service.getAlert(db, actor, params.id));
  registerEndpoint(app, sentimentEndpoints.moveAlert, async ({ actor, params, body }) => service.moveAlert(db, derived, actor, params.id, body));
  registerEndpoint(app, sentimentEndpoints.addAlertNote, async ({ actor, params, body }) => service.addAlertNote(db, actor, params.id, body));
}
