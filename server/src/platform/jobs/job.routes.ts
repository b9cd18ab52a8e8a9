import type { FastifyInstance } from 'fastify';
import { jobEndpoints } from '#contracts/jobs.ts';
import type { Database } from '#server/db/database.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { getJob, listJobs } from './job.service.ts';

/** Watching background jobs: one by id, or the latest on a target. */
export function registerJobRoutes(app: FastifyInstance, db: Database): void {
  registerEndpoint(app, jobEndpoints.get, async ({ actor, params }) => getJob(db, actor, params.id));
  registerEndpoint(app, jobEndpoints.list, async ({ actor, query }) => listJobs(db, actor, query.target));
}
