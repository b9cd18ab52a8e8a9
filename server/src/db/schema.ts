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
  /** Share of a split unit's figures that goes to this successor (null = equal parts). */
  share: ColumnType<number | null, number | null | undefined, number | null>;
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

// Indicators (issue 10; migrations/20261203T1000_indicators.sql)

export interface CategoryTable {
  id: Id;
  code: string;
  name: string;
  dhis2_uid: string | null;
}
export interface CategoryOptionTable {
  id: Id;
  category_id: number;
  code: string;
  name: string;
  sort: Generated<number>;
  dhis2_uid: string | null;
}
export interface CategoryComboTable {
  id: Id;
  code: string;
  name: string;
  category_ids: Generated<number[]>;
  dhis2_uid: string | null;
}
export interface CategoryOptionComboTable {
  id: Id;
  combo_id: number;
  code: string;
  name: string;
  option_ids: Generated<number[]>;
  dhis2_uid: string | null;
}
export type ValueType = 'number' | 'integer' | 'percentage' | 'yes_no' | 'text';
export interface DataElementTable {
  id: Id;
  code: string;
  dhis2_uid: string | null;
  name: string;
  short_name: string;
  value_type: ValueType;
  aggregation: 'sum' | 'none';
  unit_of_measure: string | null;
  combo_id: number;
  zero_significant: Generated<boolean>;
  source: Generated<'entered' | 'derived'>;
  derived_code: string | null;
  owner_unit_id: number | null;
  created_at: Generated<Date>;
}
export interface IndicatorTable {
  id: Id;
  code: string;
  dhis2_uid: string | null;
  name: string;
  description: string | null;
  numerator: string;
  denominator: Generated<string>;
  factor: Generated<number>;
  decimals: Generated<number>;
  unit_of_measure: string | null;
  target: number | null;
  target_direction: 'higher' | 'lower' | null;
  owner_unit_id: number | null;
  created_at: Generated<Date>;
}
export type PeriodTypeColumn = 'monthly' | 'quarterly' | 'six_monthly' | 'yearly';
export interface DataSetTable {
  id: Id;
  code: string;
  dhis2_uid: string | null;
  name: string;
  period_type: PeriodTypeColumn;
  due_days: number;
  lock_days: number;
  owner_unit_id: number;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}
export interface DataSetElementTable {
  data_set_id: number;
  data_element_id: number;
  section: string | null;
  sort: Generated<number>;
  required: Generated<boolean>;
}
export interface DataSetAssignmentTable {
  id: Id;
  data_set_id: number;
  level: 'province' | 'district' | 'commune' | 'village' | null;
  unit_id: number | null;
}
export interface ValidationRuleTable {
  id: Id;
  data_set_id: number;
  code: string;
  left_side: string;
  operator: '==' | '!=' | '<' | '<=' | '>' | '>=';
  right_side: string;
  severity: 'error' | 'warning';
  missing: Generated<'skip_if_any_missing' | 'never_skip'>;
  message: string;
}
export interface DataValueTable {
  id: string;
  province_id: number;
  unit_id: number;
  period: string;
  data_element_id: number;
  coc_id: number;
  num: number | null;
  txt: string | null;
  comment: string | null;
  followup: Generated<boolean>;
  deleted: Generated<boolean>;
  version: number;
  stored_by: number;
  stored_at: Timestamp;
  created_at: Timestamp;
}
export type ValueSource = 'form' | 'excel' | 'dhis2' | 'derived' | 'demo';
export interface DataValueChangeTable {
  id: string;
  province_id: number;
  data_value_id: string;
  version: number;
  old_num: number | null;
  old_txt: string | null;
  new_num: number | null;
  new_txt: string | null;
  deleted: boolean;
  changed_by: number;
  changed_at: Timestamp;
  source: ValueSource;
  job_id: string | null;
}
export type ReportState = 'draft' | 'submitted' | 'accepted' | 'returned' | 'approved';
export interface ReportTable {
  id: string;
  province_id: number;
  unit_id: number;
  data_set_id: number;
  period: string;
  state: Generated<ReportState>;
  version: Generated<number>;
  holder_unit_id: number;
  first_submitted_at: Timestamp | null;
  on_time: boolean | null;
  approved_at: Timestamp | null;
  created_at: Timestamp;
}
export type RollupView = 'entered' | 'current';
export interface DataTotalTable {
  province_id: number;
  view: RollupView;
  unit_id: number;
  period: string;
  data_element_id: number;
  coc_id: number;
  sum: Generated<number>;
  apportioned: Generated<number>;
  n_values: Generated<number>;
}
export interface Dhis2IdTable {
  object_type: 'unit';
  local_id: number;
  uid: string;
}

// --- programmes (migration 20261204T1000_programmes.sql) ---
export interface ProgrammeTable {
  id: Id;
  province_id: number;
  owner_unit_id: number;
  parent_programme_id: number | null;
  kind: string;
  number: string;
  issuer: string;
  issued_on: string;
  title: string;
  from_year: number;
  to_year: number;
  general_objective: string | null;
  status: Generated<'draft' | 'active' | 'closed'>;
  pack_code: string | null;
  pack_version: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface ProgrammeTargetTable {
  id: Id;
  /** The programme's province (migration 20261210T0900_programme_province.sql). */
  province_id: number;
  programme_id: number;
  code: string;
  position: number;
  text: string;
  /** ZTargetRule (contracts/src/programmes/target-rule.ts), checked on write. */
  rule: unknown;
  waits_for: string | null;
  levels: string[] | null;
  parent_target_id: number | null;
  created_at: Generated<Date>;
}

export interface ProgrammeSolutionGroupTable {
  id: Id;
  /** The programme's province (migration 20261210T0900_programme_province.sql). */
  province_id: number;
  programme_id: number;
  code: string;
  position: number;
  title: string;
}

export interface ProgrammeTaskTable {
  id: Id;
  /** The programme's province (migration 20261210T0900_programme_province.sql). */
  province_id: number;
  programme_id: number;
  group_id: number | null;
  code: string;
  position: number;
  text: string;
  due_on: string | null;
  recurrence: 'yearly' | 'half_yearly' | 'quarterly' | 'monthly' | null;
  expected_output: string | null;
  created_at: Generated<Date>;
}

export interface TaskAssignmentTable {
  id: Id;
  /** The programme's province (migration 20261210T0900_programme_province.sql). */
  province_id: number;
  task_id: number;
  role: 'lead' | 'coordinate';
  body_name: string;
  organization_type: string | null;
  level: 'province' | 'district' | 'commune' | 'village' | null;
  organization_id: number | null;
  position: number;
}

export interface TaskProgressTable {
  id: string;
  province_id: number;
  task_id: number;
  assignment_id: number | null;
  unit_id: number;
  reported_by: number;
  reported_at: Timestamp;
  percent: number | null;
  note: string;
}

export interface ProgrammeReviewTable {
  id: Id;
  /** The programme's province (migration 20261210T0900_programme_province.sql). */
  province_id: number;
  programme_id: number;
  kind: 'annual' | 'midterm' | 'final' | 'evaluation';
  title: string;
  from_year: number;
  to_year: number;
  due_on: string;
  done_on: string | null;
}

export interface ProgrammeBudgetLineTable {
  id: Id;
  /** The programme's province (migration 20261210T0900_programme_province.sql). */
  province_id: number;
  programme_id: number;
  year: number | null;
  title: string;
  source: string | null;
  planned: number | null;
  allocated: number | null;
  spent: number | null;
  position: number;
  updated_at: Generated<Date>;
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
  category: CategoryTable;
  category_option: CategoryOptionTable;
  category_combo: CategoryComboTable;
  category_option_combo: CategoryOptionComboTable;
  data_element: DataElementTable;
  indicator: IndicatorTable;
  data_set: DataSetTable;
  data_set_element: DataSetElementTable;
  data_set_assignment: DataSetAssignmentTable;
  validation_rule: ValidationRuleTable;
  data_value: DataValueTable;
  data_value_change: DataValueChangeTable;
  report: ReportTable;
  data_total: DataTotalTable;
  dhis2_id: Dhis2IdTable;
  rate_limit_window: RateLimitWindowTable;
  programme: ProgrammeTable;
  programme_target: ProgrammeTargetTable;
  programme_solution_group: ProgrammeSolutionGroupTable;
  programme_task: ProgrammeTaskTable;
  task_assignment: TaskAssignmentTable;
  task_progress: TaskProgressTable;
  programme_review: ProgrammeReviewTable;
  programme_budget_line: ProgrammeBudgetLineTable;
}
