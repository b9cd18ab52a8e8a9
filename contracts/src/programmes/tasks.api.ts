/** Tasks, assignments, progress reports, review milestones and workspaces, budget lines (helper: tasks). */
export const taskEndpoints = {};
