import { z } from 'zod';
import { ZIdParams, ZOk } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import {
  ZBudget, ZBudgetLine, ZBudgetLineInput, ZBudgetQuery, ZDueList, ZDueQuery, ZReview, ZReviewDoneInput, ZReviewInput,
  ZReviewPatch, ZReviewWorkspace,
} from './reviews.schemas.ts';
import {
  ZAssignmentInput, ZAssignmentParams, ZAssignmentTable, ZAssignmentTableQuery, ZBudgetLineParams, ZGroupParams,
  ZProgressInput, ZReviewParams, ZSolutionGroup, ZSolutionGroupInput, ZTask, ZTaskAssignment, ZTaskFilter, ZTaskIdParams,
  ZTaskInput, ZTaskList, ZTaskProgress, ZTaskProgressHistory,
} from './tasks.schemas.ts';

export * from './reviews.schemas.ts';
export * from './tasks.schemas.ts';

/** Tasks, assignments, progress reports, review milestones and workspaces, budget lines (helper: tasks). */
export const taskEndpoints = {
  listTasks: endpoint({
    method: 'GET',
    path: '/api/programmes/:id/tasks',
    summary: 'Solution groups and tasks of a programme with their assignments and status today; filters by body, organisation, status, due date',
    params: ZIdParams,
    query: ZTaskFilter,
    response: ZTaskList,
  }),
  createGroup: endpoint({
    method: 'POST',
    path: '/api/programmes/:id/groups',
    summary: 'Add a solution group to a programme',
    params: ZIdParams,
    body: ZSolutionGroupInput,
    response: ZSolutionGroup,
  }),
  updateGroup: endpoint({
    method: 'PATCH',
    path: '/api/programmes/:id/groups/:groupId',
    summary: 'Change a solution group',
    params: ZGroupParams,
    body: ZSolutionGroupInput.partial(),
    response: ZSolutionGroup,
  }),
  createTask: endpoint({
    method: 'POST',
    path: '/api/programmes/:id/tasks',
    summary: 'Add a task to a programme',
    params: ZIdParams,
    body: ZTaskInput,
    response: ZTask,
  }),
  updateTask: endpoint({
    method: 'PATCH',
    path: '/api/programme-tasks/:taskId',
    summary: 'Change a task (text, group, due date or recurrence, expected output)',
    params: ZTaskIdParams,
    body: ZTaskInput.partial(),
    response: ZTask,
  }),
  assign: endpoint({
    method: 'POST',
    path: '/api/programme-tasks/:taskId/assignments',
    summary: 'Assign a task to a lead or coordinating body (optionally an organisation of the registry)',
    params: ZTaskIdParams,
    body: ZAssignmentInput,
    response: ZTaskAssignment,
  }),
  unassign: endpoint({
    method: 'DELETE',
    path: '/api/task-assignments/:assignmentId',
    summary: 'Remove an assignment (refused once progress was reported under it)',
    params: ZAssignmentParams,
    response: ZOk,
  }),
  reportProgress: endpoint({
    method: 'POST',
    path: '/api/programme-tasks/:taskId/progress',
    summary: 'Report progress on a task (append-only); a focal point only on tasks assigned to its organisation',
    params: ZTaskIdParams,
    body: ZProgressInput,
    response: ZTaskProgress,
  }),
  progressHistory: endpoint({
    method: 'GET',
    path: '/api/programme-tasks/:taskId/progress',
    summary: 'Every progress report of a task, newest first, with attachments',
    params: ZTaskIdParams,
    response: ZTaskProgressHistory,
  }),
  assignmentTable: endpoint({
    method: 'GET',
    path: '/api/programmes/assignments',
    summary: "The assigning unit's table of every assignment across bodies and programmes; filters by body, status, due date",
    query: ZAssignmentTableQuery,
    response: ZAssignmentTable,
  }),
  due: endpoint({
    method: 'GET',
    path: '/api/programmes/due',
    summary: "What is due for a unit: reviews within 30 days or late, overdue tasks of its programmes or its organisations",
    query: ZDueQuery,
    response: ZDueList,
  }),
  listReviews: endpoint({
    method: 'GET',
    path: '/api/programmes/:id/reviews',
    summary: 'Review milestones of a programme (annual reports, mid-term and final reviews), by due date',
    params: ZIdParams,
    response: z.array(ZReview),
  }),
  createReview: endpoint({
    method: 'POST',
    path: '/api/programmes/:id/reviews',
    summary: 'Add a review milestone',
    params: ZIdParams,
    body: ZReviewInput,
    response: ZReview,
  }),
  updateReview: endpoint({
    method: 'PATCH',
    path: '/api/programmes/:id/reviews/:reviewId',
    summary: 'Change a review milestone',
    params: ZReviewParams,
    body: ZReviewPatch,
    response: ZReview,
  }),
  markReviewDone: endpoint({
    method: 'POST',
    path: '/api/programmes/:id/reviews/:reviewId/done',
    summary: 'Mark a review done (default: today)',
    params: ZReviewParams,
    body: ZReviewDoneInput,
    response: ZReview,
  }),
  reviewWorkspace: endpoint({
    method: 'GET',
    path: '/api/programmes/:id/reviews/:reviewId/workspace',
    summary: "A review's workspace: its period, task progress and late tasks, budget for its years, target statuses",
    params: ZReviewParams,
    response: ZReviewWorkspace,
  }),
  budget: endpoint({
    method: 'GET',
    path: '/api/programmes/:id/budget',
    summary: 'Budget lines of a programme with totals per year',
    params: ZIdParams,
    query: ZBudgetQuery,
    response: ZBudget,
  }),
  createBudgetLine: endpoint({
    method: 'POST',
    path: '/api/programmes/:id/budget',
    summary: 'Add a budget line',
    params: ZIdParams,
    body: ZBudgetLineInput,
    response: ZBudgetLine,
  }),
  updateBudgetLine: endpoint({
    method: 'PATCH',
    path: '/api/programmes/:id/budget/:lineId',
    summary: 'Change a budget line (planned, allocated, spent)',
    params: ZBudgetLineParams,
    body: ZBudgetLineInput.partial(),
    response: ZBudgetLine,
  }),
  // --- prog ---
  deleteBudgetLine: endpoint({
    method: 'DELETE',
    path: '/api/programmes/:id/budget/:lineId',
    summary: 'Delete a budget line (refused once spending is recorded on it)',
    params: ZBudgetLineParams,
    response: ZOk,
  }),
  deleteGroup: endpoint({
    method: 'DELETE',
    path: '/api/programmes/:id/groups/:groupId',
    summary: 'Delete a solution group (refused while tasks belong to it)',
    params: ZGroupParams,
    response: ZOk,
  }),
};
