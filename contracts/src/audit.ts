import { z } from 'zod';
import { ZDate, ZId, zString } from './common.ts';
import { endpoint } from './endpoint.ts';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'read_protected',
  'login',
  'login_failed',
  'logout',
  'password_change',
  'import',
  'download',
  // --- shell-history ---
  /** A system administrator's explicit write to history (an ended unit, organisation or role). */
  'backfill',
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row is about; the web names each (`audit.entity.<entity>`). */
export const AUDIT_ENTITIES = [
  'user',
  'admin_unit',
  'organization',
  'person',
  'person_role',
  'attachment',
  'indicator_report',
  'data_set',
  'data_element',
  'category_combo',
  'indicator',
  'dhis2_import',
] as const;
export type TAuditEntity = (typeof AUDIT_ENTITIES)[number];

export const ZAuditEntry = z.object({
  id: ZId,
  at: z.string(),
  userId: ZId.nullable(),
  username: z.string().nullable(),
  action: ZAuditAction,
  entity: z.string(),
  entityId: z.string().nullable(),
  unitId: ZId.nullable(),
  unitName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = z.object({
  userId: ZId.optional(),
  action: ZAuditAction.optional(),
  entity: zString().trim().max(50).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Entries older than this id (keyset paging). */
  before: ZId.optional(),
});

export const auditEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/audit',
    summary: 'Audit log of the admin’s subtree, newest first',
    query: ZAuditQuery,
    response: z.object({ items: z.array(ZAuditEntry), nextBefore: ZId.nullable() }),
  }),
};
