import type { z } from 'zod';
import { AUDIT_ENTITIES, CHANGE_ACTIONS, type ZAuditQuery, type ZRecentChangesQuery } from '#contracts/audit.ts';
import type { Database } from '#server/db/database.ts';
import { authorize, type Actor } from '#server/shared/actor.ts';
import { auditPolicy } from './audit.policy.ts';
import { presentAuditEntry, presentRecentChange } from './audit.presenter.ts';
import { listAudit } from './audit.repository.ts';

/** One page of the audit entries of the actor's units, newest first, with the id to ask for the next page. */
export async function listAuditPage(db: Database, actor: Actor, query: z.output<typeof ZAuditQuery>) {
  authorize(auditPolicy.read(actor));
  const rows = await listAudit(db, actor.scope, {
    userId: query.userId,
    actions: query.action ? [query.action] : undefined,
    entities: query.entity ? [query.entity] : undefined,
    from: query.from,
    to: query.to,
    before: query.before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(presentAuditEntry),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Records, not accounts: changes to accounts stay in the administrators' audit log. */
const RECORD_ENTITIES = AUDIT_ENTITIES.filter((entity) => entity !== 'user');

/** The latest changes to records of the actor's units (home page): names only, no details. */
export async function listRecentChanges(db: Database, actor: Actor, query: z.output<typeof ZRecentChangesQuery>) {
  authorize(auditPolicy.recent(actor));
  const rows = await listAudit(db, actor.scope, { actions: CHANGE_ACTIONS, entities: RECORD_ENTITIES, limit: query.limit });
  return { items: rows.map(presentRecentChange) };
}
