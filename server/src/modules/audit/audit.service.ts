import type { z } from 'zod';
import { ZAuditAction, type ZAuditQuery } from '#contracts/audit.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { auditPolicy } from './audit.policy.ts';
import { listAudit } from './audit.repository.ts';

/** One page of the audit entries of the actor's units, newest first, with the id to ask for the next page. */
export async function listAuditPage(db: Database, actor: Actor, query: z.output<typeof ZAuditQuery>) {
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
}
