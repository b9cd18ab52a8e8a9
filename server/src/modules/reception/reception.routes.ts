import type { FastifyInstance } from 'fastify';
import { receptionEndpoints as e } from '#contracts/reception/api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import * as service from './reception.service.ts';

/** Reception schedules and compliance, sessions, dialogues, Front supervision and critique, recommendations. */
export function registerReceptionRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, e.listRules, async ({ actor }) => service.listRules(db, actor));
  registerEndpoint(app, e.updateRule, async ({ actor, params, body }) => service.updateRule(db, actor, params.id, body));
  registerEndpoint(app, e.listSchedules, async ({ actor, query }) => service.listSchedules(db, actor, query));
  registerEndpoint(app, e.createSchedule, async ({ actor, body }) => service.createSchedule(db, actor, body));
  registerEndpoint(app, e.endSchedule, async ({ actor, params, body }) => service.endSchedule(db, actor, params.id, body.validTo));
  registerEndpoint(app, e.compliance, async ({ actor, query }) => service.compliance(db, actor, query));
  registerEndpoint(app, e.listSessions, async ({ actor, query }) => service.listSessions(db, actor, query));
  registerEndpoint(app, e.getSession, async ({ actor, params }) => service.getSession(db, actor, params.id));
  registerEndpoint(app, e.createSession, async ({ actor, body }) => service.createSession(context, actor, body));
  registerEndpoint(app, e.listDialogues, async ({ actor, query }) => service.listDialogues(db, actor, query));
  registerEndpoint(app, e.getDialogue, async ({ actor, params }) => service.getDialogue(db, actor, params.id));
  registerEndpoint(app, e.createDialogue, async ({ actor, body }) => service.createDialogue(context, actor, body));
  registerEndpoint(app, e.listFrontActivities, async ({ actor, query }) => service.listActivities(db, actor, query));
  registerEndpoint(app, e.getFrontActivity, async ({ actor, params }) => service.getActivity(db, actor, params.id));
  registerEndpoint(app, e.createFrontActivity, async ({ actor, body }) => service.createActivity(context, actor, body));
  registerEndpoint(app, e.listRecommendations, async ({ actor, query }) => service.listRecommendations(db, actor, query));
  registerEndpoint(app, e.getRecommendation, async ({ actor, params }) => service.getRecommendation(db, actor, params.id));
  registerEndpoint(app, e.createRecommendation, async ({ actor, body }) => service.createRecommendation(db, actor, body));
  registerEndpoint(app, e.answerRecommendation, async ({ actor, params, body }) => service.answerRecommendation(db, actor, params.id, body));
  registerEndpoint(app, e.closeRecommendation, async ({ actor, params, body }) => service.closeRecommendation(db, actor, params.id, body));
}
