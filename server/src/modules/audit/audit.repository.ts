import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { TAuditEntity, ZAuditAction } from '#contracts/audit.ts';
import type { DB } from '#server/db/schema.ts';
import type { Scope } from '#server/shared/actor.ts';
import { unitOwned } from '#server/shared/scope.ts';

type AuditAction = z.infer<typeof ZAuditAction>;

/** One audit record; written in the same transaction as the change it describes. */
interface AuditRecord {
  action: AuditAction;
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

/** Which entries to read: each field narrows; `limit` rows are read (one more, to tell whether a page follows). */
export interface AuditFilter {
  userId?: number;
  actions?: readonly AuditAction[];
  entities?: readonly TAuditEntity[];
  from?: string;
  to?: string;
  /** Entries older than this id (keyset paging). */
  before?: number;
  limit: number;
}

/** The page of entries in the scope, newest first (system-wide entries only for whole-country scope). */
function auditPage(db: Kysely<DB>, scope: Scope, filter: AuditFilter) {
  let q = unitOwned(db, 'audit_log as a', 'a.unit_id', scope, { join: 'left' })
    .select(['a.id', 'a.at', 'a.user_id', 'a.action', 'a.entity', 'a.entity_id', 'a.unit_id', 'unit.full_name as unit_name', 'a.before', 'a.after', 'a.ip'])
    .orderBy('a.id', 'desc')
    .limit(filter.limit);
  if (filter.userId) q = q.where('a.user_id', '=', filter.userId);
  if (filter.actions) q = q.where('a.action', 'in', filter.actions.length ? [...filter.actions] : ['']);
  if (filter.entities) q = q.where('a.entity', 'in', filter.entities.length ? [...filter.entities] : ['']);
  if (filter.from) q = q.where('a.at', '>=', new Date(`${filter.from}T00:00:00+07:00`));
  if (filter.to) q = q.where('a.at', '<', new Date(new Date(`${filter.to}T00:00:00+07:00`).getTime() + 86_400_000));
  if (filter.before) q = q.where('a.id', '<', filter.before);
  return q;
}

// entity_id is text (a number, a UUID, or for a failed sign-in the username typed): cast only what fits, in a
// CASE so the cast never runs on a value that does not
const numericId = sql<number | null>`case when a.entity_id ~ '^[0-9]{1,18}$' then a.entity_id::bigint end`;
const uuidId = sql<string | null>`case when a.entity_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then a.entity_id::uuid end`;
const about = (entity: TAuditEntity) => sql<boolean>`a.entity = ${entity}`;

/**
 * Audit entries of the scope with names instead of ids: the author's full name and the record's name, found by
 * joining each kind of record on the page's rows (one statement; the page is cut first, so each join probes a
 * primary key at most `limit` times). A record that is gone keeps the name the entry wrote (`after`/`before`).
 * The page holds entries of the scope; their records belong to the same units.
 */
export async function listAudit(db: Kysely<DB>, scope: Scope, filter: AuditFilter) {
  return db
    .selectFrom(auditPage(db, scope, filter).as('a'))
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    // a failed sign-in names the username typed, not an account id
    .leftJoin('app_user as eu', (join) => join.on(about('user')).on(sql<boolean>`a.action <> 'login_failed' and eu.id = ${numericId}`))
    .leftJoin('admin_unit as eau', (join) => join.on(about('admin_unit')).on(sql<boolean>`eau.id = ${numericId}`))
    .leftJoin('organization as eo', (join) => join.on(about('organization')).on(sql<boolean>`eo.id = ${numericId}`))
    .leftJoin('person as ep', (join) => join.on(about('person')).on(sql<boolean>`ep.id = ${numericId}`))
    .leftJoin('person_role as epr', (join) => join.on(about('person_role')).on(sql<boolean>`epr.id = ${numericId}`))
    .leftJoin('person as eprp', 'eprp.id', 'epr.person_id')
    .leftJoin('attachment as eatt', (join) => join.on(about('attachment')).on(sql<boolean>`eatt.id = ${uuidId}`))
    .leftJoin('report as er', (join) =>
      join.on(about('indicator_report')).on(sql<boolean>`er.province_id = unit_province_id(a.unit_id) and er.id = ${uuidId}`),
    )
    .leftJoin('data_set as erds', 'erds.id', 'er.data_set_id')
    .leftJoin('data_set as eds', (join) => join.on(about('data_set')).on(sql<boolean>`eds.id = ${numericId}`))
    .leftJoin('data_element as ede', (join) => join.on(about('data_element')).on(sql<boolean>`ede.id = ${numericId}`))
    .leftJoin('category_combo as ecc', (join) => join.on(about('category_combo')).on(sql<boolean>`ecc.id = ${numericId}`))
    .leftJoin('indicator as ei', (join) => join.on(about('indicator')).on(sql<boolean>`ei.id = ${numericId}`))
    .leftJoin('programme as eprog', (join) => join.on(about('programme')).on(sql<boolean>`eprog.id = ${numericId}`))
    .select([
      'a.id',
      'a.at',
      'a.user_id',
      'u.username',
      'u.full_name as user_full_name',
      'a.action',
      'a.entity',
      'a.entity_id',
      'a.unit_id',
      'a.unit_name',
      'a.before',
      'a.after',
      'a.ip',
      sql<string | null>`coalesce(eu.full_name, eau.full_name, eo.name, ep.full_name, eprp.full_name || ', ' || epr.title,
        eatt.filename, erds.name, eds.name, ede.name, ecc.name, ei.name, eprog.number,
        a.after->>'fullName', a.after->>'name', a.after->>'filename', a.after->>'file',
        a.before->>'fullName', a.before->>'name')`.as('entity_name'),
      'er.period as report_period',
    ])
    .orderBy('a.id', 'desc')
    .execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];
