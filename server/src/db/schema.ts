import type { ColumnType, Generated } from 'kysely';

/** Kysely table interfaces; they mirror migrations/*.sql (the SQL is the source of truth). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A generated-always column: read it, never write it. */
type ReadOnly<T> = ColumnType<T, never, never>;
type Id = ReadOnly<number>;

export interface AdminUnitTable {
  id: Id;
  structure: '2019' | '2025';
  code: string | null;
  name: string;
  full_name: string;
  level: 'province' | 'district' | 'commune' | 'village';
  type: string;
  parent_id: number | null;
  path: string;
  valid_from: string | null;
  valid_to: string | null;
  search_name: ReadOnly<string>;
  /** Initials and abbreviation forms of the name (unit_search_keys()). */
  search_keys: ReadOnly<string[]>;
  created_at: Generated<Date>;
}

export interface AdminUnitHistoryTable {
  id: Id;
  unit_id: number;
  name: string;
  full_name: string;
  type: string;
  valid_from: string | null;
  valid_to: string;
  act: string | null;
  search_keys: ReadOnly<string[]>;
}

/** A name in common use that is not the official one ("Thừa Thiên Huế", "Sài Gòn"). */
export interface UnitAliasTable {
  unit_id: number;
  alias: string;
  search_keys: ReadOnly<string[]>;
}

export interface UnitSuccessionTable {
  old_unit_id: number;
  new_unit_id: number;
  kind: 'merged' | 'split';
  effective_date: string;
}

export interface OrganizationTable {
  id: Id;
  unit_id: number;
  type: string;
  name: string;
  parent_organization_id: number | null;
  worker_count: number | null;
  has_trade_union: boolean | null;
  religion_name: string | null;
  founded_on: string | null;
  dissolved_on: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PersonTable {
  id: Id;
  unit_id: number;
  full_name: string;
  gender: 'male' | 'female' | 'other' | null;
  birth_year: number | null;
  phone: string | null;
  ethnicity: string | null;
  religion: string | null;
  search_name: ReadOnly<string>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface PersonRoleTable {
  id: Id;
  person_id: number;
  organization_id: number;
  title: string;
  is_head: Generated<boolean>;
  term_from: string;
  term_to: string | null;
  created_at: Generated<Date>;
}

export interface AppUserTable {
  id: Id;
  username: string;
  password_hash: string;
  full_name: string;
  unit_id: number | null;
  organization_id: number | null;
  roles: string[];
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface AppSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Date;
}

export interface AuditLogTable {
  id: Id;
  at: Generated<Date>;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  unit_id: number | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface LoginThrottleTable {
  username: string;
  client: string;
  failures: Generated<number>;
  last_failure_at: Date | null;
  blocked_until: Date | null;
  last_success_at: Date | null;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string | null;
  applied_at: Generated<Date>;
}

export interface AttachmentTable {
  id: string;
  province_id: number;
  owner_type: string;
  owner_id: string;
  unit_id: number;
  filename: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: number;
  created_at: Timestamp;
}

export interface JobTable {
  id: string;
  kind: string;
  status: Generated<'queued' | 'running' | 'succeeded' | 'failed'>;
  payload: unknown;
  target: string;
  progress_done: Generated<number>;
  progress_total: number | null;
  result: unknown;
  error: string | null;
  owner_user_id: number;
  unit_id: number | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Timestamp;
  locked_by: string | null;
  locked_until: Timestamp | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface WorkflowTransitionTable {
  id: string;
  province_id: number;
  entity_type: string;
  entity_id: string;
  from_state: string;
  to_state: string;
  version: number;
  by_user_id: number;
  at: Timestamp;
  reason: string | null;
}

/** A demo step applied to this database (issue 7 B8). */
export interface DemoStepTable {
  name: string;
  version: number;
  applied_at: ColumnType<Date, Date | undefined, never>;
}

/** A request-limit window per key (issue 7: the per-IP login limit shared by every app process). */
export interface RateLimitWindowTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface DB {
  admin_unit: AdminUnitTable;
  admin_unit_history: AdminUnitHistoryTable;
  unit_succession: UnitSuccessionTable;
  unit_alias: UnitAliasTable;
  organization: OrganizationTable;
  person: PersonTable;
  person_role: PersonRoleTable;
  app_user: AppUserTable;
  app_session: AppSessionTable;
  audit_log: AuditLogTable;
  login_throttle: LoginThrottleTable;
  schema_migration: SchemaMigrationTable;
  attachment: AttachmentTable;
  job: JobTable;
  workflow_transition: WorkflowTransitionTable;
  demo_step: DemoStepTable;
  rate_limit_window: RateLimitWindowTable;
}
