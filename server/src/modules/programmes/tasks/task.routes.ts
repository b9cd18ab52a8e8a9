import type { FastifyInstance } from 'fastify';
import { taskEndpoints as e } from '#contracts/programmes/tasks.api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import * as budget from '../budget/budget.service.ts';
import * as reviews from '../reviews/review.service.ts';
import { assignmentTable, dueList, reviewWorkspace } from './task-overview.service.ts';
import { progressHistory, reportProgress } from './task-progress.service.ts';
import * as tasks from './task.service.ts';

/** Task endpoints (contracts/src/programmes/tasks.api.ts): tasks, assignments, progress, reviews, budget. */
export function registerTaskRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  registerEndpoint(app, e.listTasks, async ({ actor, params, query }) => tasks.listTasks(db, actor, params.id, query));
  registerEndpoint(app, e.createGroup, async ({ actor, params, body }) => tasks.createGroup(db, actor, params.id, body));
  registerEndpoint(app, e.updateGroup, async ({ actor, params, body }) => tasks.updateGroup(db, actor, params.id, params.groupId, body));
  registerEndpoint(app, e.createTask, async ({ actor, params, body }) => tasks.createTask(context, actor, params.id, body));
  registerEndpoint(app, e.updateTask, async ({ actor, params, body }) => tasks.updateTask(context, actor, params.taskId, body));
  registerEndpoint(app, e.assign, async ({ actor, params, body }) => tasks.assignTask(context, actor, params.taskId, body));
  registerEndpoint(app, e.unassign, async ({ actor, params }) => tasks.unassignTask(context, actor, params.assignmentId));
  registerEndpoint(app, e.reportProgress, async ({ actor, params, body }) => reportProgress(context, actor, params.taskId, body));
  registerEndpoint(app, e.progressHistory, async ({ actor, params }) => progressHistory(db, actor, params.taskId));
  registerEndpoint(app, e.assignmentTable, async ({ actor, query }) => assignmentTable(db, actor, query));
  registerEndpoint(app, e.due, async ({ actor, query }) => dueList(db, actor, query.unitId));
  registerEndpoint(app, e.listReviews, async ({ actor, params }) => reviews.listReviews(db, actor, params.id));
  registerEndpoint(app, e.createReview, async ({ actor, params, body }) => reviews.createReview(db, actor, params.id, body));
  registerEndpoint(app, e.updateReview, async ({ actor, params, body }) => reviews.updateReview(db, actor, params.id, params.reviewId, body));
  registerEndpoint(app, e.markReviewDone, async ({ actor, params, body }) => reviews.markReviewDone(db, actor, params.id, params.reviewId, body.doneOn));
  registerEndpoint(app, e.reviewWorkspace, async ({ actor, params }) => reviewWorkspace(db, actor, params.id, params.reviewId));
  registerEndpoint(app, e.budget, async ({ actor, params, query }) => budget.getBudget(db, actor, params.id, query));
  registerEndpoint(app, e.createBudgetLine, async ({ actor, params, body }) => budget.createBudgetLine(db, actor, params.id, body));
  registerEndpoint(app, e.deleteBudgetLine, async ({ actor, params }) => budget.deleteBudgetLine(db, actor, params.id, params.lineId));
  registerEndpoint(app, e.deleteGroup, async ({ actor, params }) => tasks.deleteGroup(db, actor, params.id, params.groupId));
  registerEndpoint(app, e.updateBudgetLine, async ({ actor, params, body }) => budget.updateBudgetLine(db, actor, params.id, params.lineId, body));
}
