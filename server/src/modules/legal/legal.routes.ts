import type { FastifyInstance } from 'fastify';
import { legalEndpoints } from '#contracts/legal/api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { caseDeadlines } from './deadline.service.ts';
import {
  createRuleSet, getCalendarYear, getCalendarYears, getLegalEdits, getRuleSet, getRuleSets, setCalendarDay, updateCalendarYear, updateRule,
} from './legal-admin.service.ts';

/** Legal time limits: the computation, the working calendar, the rule sets (issue 12 item 3). */
export function registerLegalRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, legalEndpoints.deadlines, async ({ query }) => caseDeadlines(db, query));
  registerEndpoint(app, legalEndpoints.calendarYears, async () => getCalendarYears(db));
  registerEndpoint(app, legalEndpoints.calendarYear, async ({ params }) => getCalendarYear(db, params.year));
  registerEndpoint(app, legalEndpoints.updateCalendarYear, async ({ actor, params, body }) => updateCalendarYear(db, actor, params.year, body));
  registerEndpoint(app, legalEndpoints.setCalendarDay, async ({ actor, params, body }) => setCalendarDay(db, actor, params.date, body));
  registerEndpoint(app, legalEndpoints.ruleSets, async () => getRuleSets(db));
  registerEndpoint(app, legalEndpoints.ruleSet, async ({ params }) => getRuleSet(db, params.code));
  registerEndpoint(app, legalEndpoints.createRuleSet, async ({ actor, body }) => createRuleSet(db, actor, body));
  registerEndpoint(app, legalEndpoints.updateRule, async ({ actor, params, body }) => updateRule(db, actor, params.id, body));
  registerEndpoint(app, legalEndpoints.edits, async ({ query }) => getLegalEdits(db, query));
}
