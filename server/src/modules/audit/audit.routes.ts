import type { FastifyInstance } from 'fastify';
import { auditEndpoints } from '#contracts/audit.ts';
import type { Database } from '#server/db/database.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { listAuditPage, listRecentChanges } from './audit.service.ts';

export function registerAuditRoutes(app: FastifyInstance, db: Database): void {
  registerEndpoint(app, auditEndpoints.list, async ({ actor, query }) => listAuditPage(db, actor, query));
  registerEndpoint(app, auditEndpoints.recent, async ({ actor, query }) => listRecentChanges(db, actor, query));
}
