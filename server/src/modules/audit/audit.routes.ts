import type { FastifyInstance } from 'fastify';
import { auditEndpoints, ZAuditAction } from '#contracts/audit.ts';
import type { Database } from '#server/db/database.ts';
import { authorize } from '#server/shared/actor.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { auditPolicy } from './audit.policy.ts';
import { listAudit } from './audit.repository.ts';

export function registerAuditRoutes(app: FastifyInstance, db: Database): void {
  registerEndpoint(app, auditEndpoints.list, async ({ actor, query }) => {
    authorize(auditPolicy.read(actor));
    const rows = await listAudit(db, actor.scope, query);
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        userId: row.user_id,
        username: row.username,
        action: ZAuditAction.parse(row.action),
        entity: row.entity,
        entityId: row.entity_id,
        unitId: row.unit_id,
        unitName: row.unit_name,
        before: row.before,
        after: row.after,
        ip: row.ip,
      })),
      nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  });
}
