import { z } from 'zod';
import { ZDate, ZId } from './common.ts';
import { endpoint } from './endpoint.ts';
import { REPORT_STATES } from './indicators/reports.api.ts';

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
  // --- prog ---
  /** A programme pack loaded into a unit (programmes: the programme, targets, tasks… it created). */
  'load_pack',
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit row is about; the web names each (`audit.entity.<entity>`). */
export const AUDIT_ENTITIES = [
  'user',
  'admin_unit',
  'unit_succession',
  'province_setting',
  'organization',
  'organization_succession',
  'organization_abbreviation',
  'person',
  'person_role',
  'attachment',
  'indicator_report',
  'data_set',
  'data_element',
  'category_combo',
  'indicator',
  'dhis2_import',
  // --- prog-core ---
  'programme',
  'programme_target',
  // --- prog-tasks ---
  'programme_solution_group',
  'programme_task',
  'task_assignment',
  'task_progress',
  'programme_review',
  'programme_budget_line',
  // --- pet-core ---
  'petition_case',
  'petition_field',
  // --- pet-legal ---
  'legal_calendar_year',
  'legal_calendar_day',
  'legal_rule_set',
  'legal_rule',
  // --- pet-recv ---
  'reception_frequency_rule',
  'reception_schedule',
  'reception_session',
  'reception_dialogue',
  'front_activity',
  'reception_recommendation',
  // --- pet-portal ---
  'petition_portal_submission',
  // --- emulation ---
  'emulation_campaign',
  'emulation_model',
  // --- emu-review ---
  'emulation_review_sheet',
  'emulation_nomination',
  // --- emu-commit ---
  'emulation_commitment_count',
  'emulation_commitment_breach',
  // --- surveys ---
  'survey',
  'survey_response',
  // --- grassroots ---
  'field_visit',
  'field_visit_purpose',
  'briefing',
  'briefing_schedule',
  // --- training ---
  'training_course',
  // --- sentiment ---
  'sentiment_report',
  'sentiment_alert',
  'sentiment_rule',
] as const;
export type TAuditEntity = (typeof AUDIT_ENTITIES)[number];
export const ZAuditEntity = z.enum(AUDIT_ENTITIES);

/** What a change to a periodic report was: values entered, a move to a state, or an approval withdrawn. */
export const REPORT_CHANGES = ['values', ...REPORT_STATES, 'unapproved'] as const;

/** Actions that change a record (what "recent changes" lists); sign-ins, protected reads and downloads are not. */
export const CHANGE_ACTIONS = ['create', 'update', 'delete', 'import'] as const satisfies readonly (typeof AUDIT_ACTIONS)[number][];

export const ZAuditEntry = z.object({
  id: ZId,
  at: z.string(),
  userId: ZId.nullable(),
  username: z.string().nullable(),
  /** The account's full name ("Nguyễn Văn A"); null for the system. */
  userFullName: z.string().nullable(),
  action: ZAuditAction,
  entity: z.string(),
  entityId: z.string().nullable(),
  /**
   * The record's name as it reads now ("Trần Thị B"; a report: its form and period), or as the entry wrote it
   * when the record is gone; null when neither is known.
   */
  entityName: z.string().nullable(),
  /** For a periodic report: what the change was (values entered, sent, returned…); null for other records. */
  reportChange: z.enum(REPORT_CHANGES).nullable(),
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
  entity: ZAuditEntity.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Entries older than this id (keyset paging). */
  before: ZId.optional(),
});

/** A change to a record in the user's units, as the home page lists it: who, what, which record; no details. */
export const ZRecentChange = ZAuditEntry.pick({
  id: true,
  at: true,
  userFullName: true,
  action: true,
  entity: true,
  entityId: true,
  entityName: true,
  reportChange: true,
  unitId: true,
  unitName: true,
});
export type TRecentChange = z.infer<typeof ZRecentChange>;

export const ZRecentChangesQuery = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) });

export const auditEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/audit',
    summary: 'Audit log of the admin’s subtree, newest first',
    query: ZAuditQuery,
    response: z.object({ items: z.array(ZAuditEntry), nextBefore: ZId.nullable() }),
  }),
  recent: endpoint({
    method: 'GET',
    path: '/api/audit/recent',
    summary: 'The latest changes to records of the units in scope (who changed which record), newest first',
    query: ZRecentChangesQuery,
    response: z.object({ items: z.array(ZRecentChange) }),
  }),
};
