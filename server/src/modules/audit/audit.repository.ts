import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TAuditEntity, ZAuditAction, ZAuditQuery } from '#contracts/audit.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';

/** One audit record; written in the same transaction as the change it describes. */
interface AuditRecord {
  action: z.infer<typeof ZAuditAction>;
  entity: TAuditEntity;
  entityId?: string | number | null;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log. Pass the transaction of the change so both commit or neither does. */
export async function recordAudit(
  db: Kysely<DB>,
  actor: { userId: number | null; ip: string | null } | null,
  record: AuditRecord,
) {
  await db
    .insertInto('audit_log')
    .values({
      user_id: actor?.userId ?? null,
      ip: actor?.ip ?? null,
      action: record.action,
      entity: record.entity,
      entity_id: record.entityId == null ? null : String(record.entityId),
      unit_id: record.unitId ?? null,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
    })
    .execute();
}

/** Audit entries whose unit lies in the scope (system-wide entries only for whole-country scope). */
export async function listAudit(db: Kysely<DB>, scope: Scope, query: z.output<typeof ZAuditQuery>) {
  let q = unitOwned(db, 'audit_log as a', 'a.unit_id', scope, { join: 'left' })
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .select([
      'a.id',
      'a.at',
      'a.user_id',
      'u.username',
      'a.action',
      'a.entity',
      'a.entity_id',
      'a.unit_id',
      'unit.full_name as unit_name',
      'a.before',
      'a.after',
      'a.ip',
    ])
    .orderBy('a.id', 'desc')
    .limit(query.limit + 1);
  if (query.userId) q = q.where('a.user_id', '=', query.userId);
  if (query.action) q = q.where('a.action', '=', query.action);
  if (query.entity) q = q.where('a.entity', '=', query.entity);
  if (query.from) q = q.where('a.at', '>=', new Date(`${query.from}T00:00:00+07:00`));
  if (query.to) q = q.where('a.at', '<', new Date(new Date(`${query.to}T00:00:00+07:00`).getTime() + 86_400_000));
  if (query.before) q = q.where('a.id', '<', query.before);
  return q.execute();
}
