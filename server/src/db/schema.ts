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
  /** The official code of an earlier parent period's row (its last period's row carries `code`). */
  history_code: ColumnType<string | null, string | null | undefined, string | null>;
  /** The resolution that created the unit, or moved it under this parent. */
  created_act: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** 'moved': the same unit under another parent from effective_date (a row per parent period). */
  kind: 'merged' | 'split' | 'moved';
  effective_date: string;
  /** Share of a split unit's figures that goes to this successor (null = equal parts). */
  share: ColumnType<number | null, number | null | undefined, number | null>;
  /** 'likely': inferred, grants no scope until confirmed. */
  certainty: Generated<'certain' | 'likely'>;
  /** The resolution that made the change; null for the 2025 reform's links. */
  instrument: ColumnType<string | null, string | null | undefined, string | null>;
  confirmed_by: ColumnType<number | null, number | null | undefined, number | null>;
  confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  confirm_reason: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** null: a derived value refreshed by a write no account made (a citizen's filing) */
  stored_by: number | null;
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
  /** null only for source 'derived' (a citizen's filing refreshed it) */
  changed_by: number | null;
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

// --- pet-core: petitions (migration 20261210T1100_petitions.sql) ---
export type PetitionKindColumn = 'complaint' | 'denunciation' | 'petition' | 'feedback';
export type PetitionChannelColumn = 'in_person' | 'mail' | 'phone' | 'web' | 'hotline' | 'forwarded' | 'portal';
export type PetitionStatusColumn =
  | 'received' | 'accepted' | 'refused' | 'transferred' | 'verifying' | 'concluded' | 'notified' | 'appealed' | 'closed'
  | 'withdrawn' | 'duplicate';
export type PetitionStepKindColumn =
  | 'receive' | 'duplicate_confirm' | 'duplicate_reject' | 'accept' | 'refuse' | 'transfer' | 'assign' | 'verify' | 'extend'
  | 'conclude' | 'notify' | 'appeal' | 'close' | 'withdraw' | 'satisfaction' | 'publish' | 'document' | 'note' | 'flags';

export interface PetitionFieldTable {
  id: Id;
  code: string;
  name: string;
  province_id: number | null;
  position: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface PetitionCodeCounterTable {
  province_id: number;
  year: number;
  last_number: number;
}

export interface PetitionCaseTable {
  id: string;
  province_id: number;
  unit_id: number;
  commune_id: number | null;
  village_id: number | null;
  lat: number | null;
  lon: number | null;
  code: string;
  kind: PetitionKindColumn;
  channel: PetitionChannelColumn;
  field_id: number;
  subject: string;
  content: string;
  received_on: string;
  status: Generated<PetitionStatusColumn>;
  instance: Generated<number>;
  crowd: Generated<boolean>;
  above_level: Generated<boolean>;
  prolonged: Generated<boolean>;
  hot_spot: Generated<boolean>;
  person_count: Generated<number>;
  duplicate_of_id: string | null;
  origin_case_id: string | null;
  origin_province_id: number | null;
  competent_unit_id: number | null;
  competent_body: string | null;
  handler_user_id: number | null;
  accepted_on: string | null;
  rule_set_code: string | null;
  due_on: string | null;
  extensions: Generated<number>;
  complex: Generated<boolean>;
  remote_area: Generated<boolean>;
  resolved_on: string | null;
  closed_on: string | null;
  outcome: 'on_time' | 'late' | 'late_extended' | null;
  satisfaction: 'satisfied' | 'neutral' | 'unsatisfied' | null;
  public_answer: string | null;
  answer_published: Generated<boolean>;
  answered_on: string | null;
  source: 'officer' | 'portal';
  created_by: number | null;
  search_text: string;
  /** The words of search_text (tsvector, generated: migration 20261218T0900_petition_search_words.sql). */
  search_words: ReadOnly<string>;
  subject_fold: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PetitionPersonTable {
  id: string;
  province_id: number;
  case_id: string;
  position: number;
  role: Generated<'filer' | 'representative'>;
  protected: Generated<boolean>;
  full_name: string | null;
  name_fold: string | null;
  birth_year: number | null;
  gender: 'male' | 'female' | 'other' | null;
  id_number: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  identity_cipher: string | null;
  cipher_key_id: string | null;
  name_key: string | null;
  contact_key: string | null;
}

export interface PetitionStepTable {
  id: string;
  province_id: number;
  case_id: string;
  seq: number;
  kind: PetitionStepKindColumn;
  from_status: string | null;
  to_status: string | null;
  by_user_id: number | null;
  at: Timestamp;
  on_date: string;
  note: string | null;
  file_ids: Generated<string[]>;
  due_on: string | null;
  deadlines: unknown;
  data: Generated<unknown>;
}
// --- end pet-core ---

// --- pet-recv: reception (migration 20261210T1200_reception.sql) ---
export type ReceptionRoleKindColumn = 'government_head' | 'party_secretary' | 'agency_head' | 'other';

export interface ReceptionFrequencyRuleTable {
  id: Id;
  province_id: number | null;
  role_kind: Exclude<ReceptionRoleKindColumn, 'other'>;
  level: 'province' | 'district' | 'commune';
  days: number;
  per: 'week' | 'month';
  basis: string;
  valid_from: string;
  valid_to: string | null;
  unconfirmed: Generated<boolean>;
  updated_at: Timestamp;
}

export interface ReceptionScheduleTable {
  id: string;
  province_id: number;
  unit_id: number;
  role_kind: ReceptionRoleKindColumn;
  leader_person_id: number | null;
  leader_name: string;
  leader_position: string;
  recurrence: 'weekly' | 'monthly' | 'once';
  weekday: number | null;
  month_day: number | null;
  valid_from: string;
  valid_to: string | null;
  place: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReceptionSessionTable {
  id: string;
  province_id: number;
  unit_id: number;
  schedule_id: string | null;
  held_on: string;
  kind: 'regular' | 'ad_hoc';
  role_kind: ReceptionRoleKindColumn;
  leader_person_id: number | null;
  leader_name: string;
  leader_position: string;
  leader_key: string;
  persons_received: number;
  notes: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReceptionSessionCaseTable {
  province_id: number;
  session_id: string;
  case_id: string;
}

export interface ReceptionDialogueTable {
  id: string;
  province_id: number;
  unit_id: number;
  kind: 'dialogue' | 'voter_meeting';
  held_on: string;
  subject: string;
  place: string | null;
  leaders: ColumnType<unknown, string, string>;
  by_head: boolean;
  participant_count: number;
  participant_bodies: Generated<string[]>;
  issues: Generated<string[]>;
  notes: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FrontActivityTable {
  id: string;
  province_id: number;
  unit_id: number;
  kind: 'supervision' | 'critique';
  body: 'mttq' | 'trade_union' | 'youth_union' | 'women_union' | 'farmers_union' | 'veterans_union';
  subject: string;
  period_from: string;
  period_to: string;
  findings: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReceptionRecommendationTable {
  id: string;
  province_id: number;
  unit_id: number;
  dialogue_id: string | null;
  activity_id: string | null;
  content: string;
  addressed_unit_id: number | null;
  addressed_body: string;
  sent_on: string;
  due_on: string;
  status: Generated<'sent' | 'answered' | 'closed'>;
  answer_text: string | null;
  answered_on: string | null;
  closed_on: string | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}
// --- end pet-recv ---

// --- emulation (migration 20261217T1000_emulation.sql) ---
export interface EmulationCampaignTable {
  id: Id;
  province_id: number;
  unit_id: number;
  programme_id: number | null;
  code: string;
  title: string;
  year: number;
  starts_on: string;
  ends_on: string;
  level: 'central' | 'province' | 'district' | 'commune';
  themes: ColumnType<string[], string[] | undefined, string[]>;
  purpose: string | null;
  status: Generated<'draft' | 'active' | 'closed'>;
  pack_code: string | null;
  pack_version: number | null;
  search_text: string;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface EmulationCommitmentTable {
  id: Id;
  province_id: number;
  campaign_id: number;
  code: string;
  position: number;
  title: string;
  appendix: string | null;
}

export interface EmulationCriterionTable {
  id: Id;
  province_id: number;
  campaign_id: number;
  applies_to: 'general' | 'collective' | 'individual';
  code: string;
  position: number;
  text: string;
  scoring: 'weight' | 'pass_fail';
  weight: number | null;
  max_score: number | null;
}

export interface EmulationBodyTaskTable {
  id: Id;
  province_id: number;
  campaign_id: number;
  body_kind: 'party' | 'state' | 'people_council' | 'people_committee' | 'judicial' | 'armed_forces' | 'front_mass' | 'other';
  heading: string | null;
  code: string;
  position: number;
  text: string;
}

export interface EmulationMilestoneTable {
  id: Id;
  province_id: number;
  campaign_id: number;
  kind: 'launch' | 'registration' | 'building' | 'review' | 'recognition' | 'conference';
  on_date: string;
  until_date: string | null;
  every_years: number | null;
  title: string;
  position: number;
}

export interface EmulationParticipantTable {
  id: Id;
  province_id: number;
  campaign_id: number;
  unit_id: number | null;
  organization_id: number | null;
}

/** A big table (SCALE.md): UUIDv7 id from the application, province_id in every key. */
export interface EmulationModelTable {
  id: string;
  province_id: number;
  unit_id: number;
  village_id: number | null;
  campaign_id: number | null;
  origin_model_id: string | null;
  origin_province_id: number | null;
  kind: 'collective' | 'individual';
  field: 'economy' | 'culture_society' | 'defence_security' | 'party_building';
  owner_organization_id: number | null;
  owner_person_id: number | null;
  owner_unit_id: number | null;
  title: string;
  summary: string | null;
  what_changed: string | null;
  /** ZModelFigure[] (contracts/src/emulation/model.ts); pass JSON.stringify on write. */
  figures: ColumnType<unknown, string | undefined, string>;
  lat: number | null;
  lng: number | null;
  started_on: string | null;
  status: Generated<'registered' | 'building' | 'reviewed' | 'recognised' | 'commended' | 'withdrawn'>;
  recognised_level: 'commune' | 'district' | 'province' | 'central' | null;
  recognised_on: string | null;
  recognised_by_unit_id: number | null;
  published_at: Date | null;
  search_text: string;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface EmulationModelStepTable {
  id: string;
  province_id: number;
  model_id: string;
  seq: number;
  step: string;
  from_status: string | null;
  to_status: string | null;
  on_date: string;
  /** pass JSON.stringify on write */
  details: ColumnType<unknown, string | undefined, never>;
  file_ids: ColumnType<string[], string[] | undefined, never>;
  by_user_id: number | null;
  at: Timestamp;
}
// --- end emulation ---

// --- emu-review (migration 20261217T1200_emulation_review.sql) ---
export interface EmulationReviewSheetTable {
  id: Generated<number>;
  province_id: number;
  campaign_id: number;
  /** numeric: returned as a number */
  pass_percent: ColumnType<number, number | undefined, number>;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface EmulationReviewItemTable {
  id: Generated<number>;
  province_id: number;
  sheet_id: number;
  criterion_id: number | null;
  applies_to: 'general' | 'collective' | 'individual';
  code: string;
  text: string;
  scoring: 'weight' | 'pass_fail';
  weight: number | null;
  max_score: number | null;
  position: Generated<number>;
}

/** A big table (SCALE.md): UUIDv7 id from the application, province_id in every key. Owned by its nominating unit. */
export interface EmulationNominationTable {
  id: string;
  province_id: number;
  campaign_id: number;
  sheet_id: number;
  model_id: string;
  unit_id: number;
  to_unit_id: number;
  kind: 'collective' | 'individual';
  note: string | null;
  status: Generated<'nominated' | 'concluded' | 'withdrawn'>;
  total_percent: number | null;
  passed: boolean | null;
  meeting_on: string | null;
  attendees: string | null;
  participant_count: number | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  concluded_on: string | null;
  concluded_by: number | null;
  withdrawn_reason: string | null;
  step_note: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** Append-only (a trigger refuses UPDATE and DELETE): a correction is the next revision. */
export interface EmulationReviewScoreTable {
  id: string;
  province_id: number;
  nomination_id: string;
  item_id: number;
  reviewer_id: number;
  revision: number;
  score: number | null;
  passed: boolean | null;
  note: string | null;
  at: Generated<Date>;
}
// --- end emu-review ---

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
  // --- pet-core ---
  petition_field: PetitionFieldTable;
  petition_code_counter: PetitionCodeCounterTable;
  petition_case: PetitionCaseTable;
  petition_person: PetitionPersonTable;
  petition_step: PetitionStepTable;
  // --- end pet-core ---
  // --- pet-recv ---
  reception_frequency_rule: ReceptionFrequencyRuleTable;
  reception_schedule: ReceptionScheduleTable;
  reception_session: ReceptionSessionTable;
  reception_session_case: ReceptionSessionCaseTable;
  reception_dialogue: ReceptionDialogueTable;
  front_activity: FrontActivityTable;
  reception_recommendation: ReceptionRecommendationTable;
  // --- end pet-recv ---
  // --- pet-portal ---
  petition_portal_submission: PetitionPortalSubmissionTable;
  petition_portal_key: PetitionPortalKeyTable;
  // --- emulation ---
  emulation_campaign: EmulationCampaignTable;
  emulation_commitment: EmulationCommitmentTable;
  emulation_criterion: EmulationCriterionTable;
  emulation_body_task: EmulationBodyTaskTable;
  emulation_milestone: EmulationMilestoneTable;
  emulation_participant: EmulationParticipantTable;
  emulation_model: EmulationModelTable;
  emulation_model_step: EmulationModelStepTable;
  // --- end emulation ---
  // --- emu-review ---
  emulation_review_sheet: EmulationReviewSheetTable;
  emulation_review_item: EmulationReviewItemTable;
  emulation_nomination: EmulationNominationTable;
  emulation_review_score: EmulationReviewScoreTable;
  // --- emu-commit ---
  emulation_commitment_count: EmulationCommitmentCountTable;
  emulation_commitment_count_change: EmulationCommitmentCountChangeTable;
  emulation_commitment_breach: EmulationCommitmentBreachTable;
  // --- end emu-commit ---
  // --- sentiment ---
  sentiment_topic: SentimentTopicTable;
  sentiment_rule: SentimentRuleTable;
  sentiment_rule_version: SentimentRuleVersionTable;
  sentiment_report: SentimentReportTable;
  sentiment_alert: SentimentAlertTable;
  sentiment_alert_note: SentimentAlertNoteTable;
  // --- end sentiment ---
  // --- surveys ---
  survey: SurveyTable;
  survey_version: SurveyVersionTable;
  survey_target: SurveyTargetTable;
  survey_invitation: SurveyInvitationTable;
  survey_response: SurveyResponseTable;
  survey_response_revision: SurveyResponseRevisionTable;
  survey_tally: SurveyTallyTable;
  survey_cross_tally: SurveyCrossTallyTable;
  survey_cross_build: SurveyCrossBuildTable;
  // --- end surveys ---
}

// --- surveys (migration 20261224T1000_surveys.sql) ---
export interface SurveyTable {
  id: Id;
  province_id: number;
  unit_id: number;
  code: string;
  title: string;
  purpose: string | null;
  status: Generated<'draft' | 'open' | 'closed'>;
  opens_on: string | null;
  closes_on: string | null;
  collects_identity: Generated<boolean>;
  double_entry: Generated<boolean>;
  decimals: Generated<number>;
  /** The select_one questions survey_cross_tally crosses the tallies by (migration 20261224T1200). */
  cross_questions: Generated<string[]>;
  public_token: string | null;
  current_version: number | null;
  notes: string | null;
  search_text: string;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
  version: Generated<number>;
}

export interface SurveyVersionTable {
  id: Id;
  province_id: number;
  survey_id: number;
  number: number;
  /** ZSurveyForm (contracts/src/surveys/form.ts); pass JSON.stringify on write. */
  form: ColumnType<unknown, string, string>;
  source_attachment_id: string | null;
  created_by: number | null;
  created_at: Date;
}

export interface SurveyTargetTable {
  id: Id;
  province_id: number;
  survey_id: number;
  unit_id: number;
  respondent_group: string;
  quota: number;
}

export interface SurveyInvitationTable {
  id: Id;
  province_id: number;
  survey_id: number;
  unit_id: number;
  respondent_group: string;
  token_hash: string;
  label: string | null;
  response_id: string | null;
  created_by: number | null;
  created_at: Date;
}

export interface SurveyResponseTable {
  id: string;
  province_id: number;
  survey_id: number;
  version_number: number;
  unit_id: number;
  respondent_group: string;
  channel: 'web' | 'paper' | 'import';
  status: 'accepted' | 'pending' | 'rejected';
  /** ZAnswers; pass JSON.stringify on write. */
  answers: ColumnType<unknown, string, string>;
  /** question name → 'answered' | 'skipped' | 'unanswered'; pass JSON.stringify on write. */
  cells: ColumnType<unknown, string, string>;
  submitted_at: Date;
  entered_by: number | null;
  verified_by: number | null;
  invitation_id: number | null;
  import_job_id: string | null;
  revision: Generated<number>;
  created_at: Date;
  updated_at: Date;
  /** The last second typing that differed from the first (ZAnswers); pass JSON.stringify on write. */
  second_answers: ColumnType<unknown, string | null | undefined, string | null>;
  second_by: ColumnType<number | null, number | null | undefined, number | null>;
  second_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SurveyResponseRevisionTable {
  province_id: number;
  response_id: string;
  revision: number;
  answers: ColumnType<unknown, string, string>;
  status: string;
  changed_by: number | null;
  changed_at: Date;
  reason: string | null;
}

export interface SurveyTallyTable {
  province_id: number;
  survey_id: number;
  unit_id: number;
  respondent_group: string;
  question: string;
  value: string;
  count: number;
}
export interface SurveyCrossTallyTable {
  province_id: number;
  survey_id: number;
  by_question: string;
  by_value: string;
  unit_id: number;
  respondent_group: string;
  question: string;
  value: string;
  count: number;
}
/** A kept cross question whose cross tally a job is building (migration 20261231T1700). */
export interface SurveyCrossBuildTable {
  province_id: number;
  survey_id: number;
  question: string;
  job_id: string;
  done_unit: number | null;
  done_id: string | null;
  done: Generated<number>;
}
// --- end surveys ---

// --- pet-portal: the public portal (migration 20261210T1300_petitions_portal.sql) ---
export interface PetitionPortalSubmissionTable {
  province_id: number;
  case_id: string;
  via: 'portal' | 'open311';
  secret_hash: string;
  photo_sha256: string | null;
  photo_mime: 'image/jpeg' | 'image/png' | 'image/webp' | null;
  photo_bytes: number | null;
  place: string | null;
  created_at: Timestamp;
}

export interface PetitionPortalKeyTable {
  id: number;
  key: string;
}

// --- pet-legal ---
/** migrations/20261210T1000_legal.sql: the working calendar and the legal time-limit rules (versioned configuration). */
export interface LegalCalendarYearTable {
  year: number;
  status: 'provisional' | 'confirmed';
  sources: Generated<string[]>;
  notes: Generated<string>;
  resource_hash: string | null;
  edited: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface LegalCalendarDayTable {
  day: string;
  year: number;
  kind: 'off' | 'work';
  note: Generated<string>;
}

export interface LegalRuleSetTable {
  id: Id;
  code: string;
  name: string;
  law: string;
  valid_from: string;
  status: 'provisional' | 'confirmed';
  notes: Generated<string>;
  resource_hash: string | null;
  edited: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface LegalRuleTable {
  id: Id;
  rule_set_id: number;
  kind: 'complaint' | 'denunciation' | 'petition' | 'feedback';
  instance: Generated<number>;
  step: string;
  position: number;
  label: string;
  from_event: 'received' | 'accepted' | 'decided' | 'resolution_due';
  count: number;
  unit: 'calendar_days' | 'working_days';
  complex_count: number | null;
  remote_count: number | null;
  remote_complex_count: number | null;
  extension_count: number | null;
  max_extensions: Generated<number>;
  law: string;
  article: string;
  phrase: Generated<string>;
  unconfirmed: Generated<boolean>;
  notes: Generated<string>;
  resource_hash: string | null;
  edited: Generated<boolean>;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: number | null;
}

export interface LegalEditTable {
  id: Id;
  at: Generated<Date>;
  user_id: number | null;
  entity: 'calendar_year' | 'calendar_day' | 'rule_set' | 'rule';
  entity_key: string;
  before: unknown;
  after: unknown;
}

export interface DB {
  legal_calendar_year: LegalCalendarYearTable;
  legal_calendar_day: LegalCalendarDayTable;
  legal_rule_set: LegalRuleSetTable;
  legal_rule: LegalRuleTable;
  legal_edit: LegalEditTable;
}
// --- /pet-legal ---

// --- emu-commit: commitments of emulation campaigns (migration 20261217T1100_emulation_commitments.sql) ---
export type RegistrantKindColumn = 'agency' | 'cadre' | 'household';

export interface EmulationCommitmentCountTable {
  id: string;
  province_id: number;
  campaign_id: number;
  commitment_id: number;
  unit_id: number;
  registrant_kind: RegistrantKindColumn;
  organization_id: number | null;
  registered: number;
  eligible: number | null;
  version: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface EmulationCommitmentCountChangeTable {
  id: string;
  province_id: number;
  count_id: string;
  version: number;
  registered_before: number | null;
  registered: number;
  eligible_before: number | null;
  eligible: number | null;
  source: 'entry' | 'excel' | 'demo';
  reason: string | null;
  changed_by: number | null;
  changed_at: Timestamp;
}

export interface EmulationCommitmentBreachTable {
  id: string;
  province_id: number;
  campaign_id: number;
  commitment_id: number;
  unit_id: number;
  registrant_kind: RegistrantKindColumn;
  organization_id: number | null;
  occurred_on: string;
  reported_on: string;
  description: string;
  reported_by: string | null;
  created_by: number | null;
  created_at: Timestamp;
}
// --- end emu-commit ---

// --- grassroots ---
export interface FieldVisitPurposeTable {
  id: Id;
  province_id: number | null;
  code: string;
  name: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

/** A field visit (đi cơ sở): BIG table, UUIDv7 id from the client, province_id first in every key. */
export interface FieldVisitTable {
  id: string;
  province_id: number;
  unit_id: number;
  person_id: number;
  role_id: number;
  organization_id: number;
  from_date: string;
  to_date: string;
  start_half: Generated<boolean>;
  end_half: Generated<boolean>;
  days: number;
  purpose_id: number;
  lat: number | null;
  lon: number | null;
  met_with: string | null;
  heard: string | null;
  topics: Generated<string[]>;
  entered_by: number | null;
  created_at: Timestamp;
}

/** The recurrence of a bloc's or team's briefings, one row per dated change (no row: monthly). */
export interface BriefingScheduleTable {
  id: Generated<number>;
  organization_id: number;
  /** First day the recurrence holds (a period's first day); null: since always. Migration 20261231T1700. */
  valid_from: string | null;
  recurrence: string;
  set_by: number | null;
  set_at: Timestamp;
}

/** A briefing (giao ban) of a Khối dân vận or Tổ dân vận for one period: BIG table, UUIDv7 id from the client. */
export interface BriefingTable {
  id: string;
  province_id: number;
  organization_id: number;
  unit_id: number;
  period: string;
  held: boolean;
  held_on: string | null;
  not_held_reason: string | null;
  members: number;
  attended: number;
  issues: string | null;
  topics: Generated<string[]>;
  entered_by: number | null;
  created_at: Timestamp;
}

export interface BriefingAttendeeTable {
  province_id: number;
  briefing_id: string;
  person_id: number;
}

export interface DB {
  field_visit_purpose: FieldVisitPurposeTable;
  field_visit: FieldVisitTable;
  briefing_schedule: BriefingScheduleTable;
  briefing: BriefingTable;
  briefing_attendee: BriefingAttendeeTable;
}
// --- end grassroots ---

// --- training: courses and participants (migration 20261231T1100_training.sql) ---
export interface TrainingCourseTable {
  id: string;
  province_id: number;
  unit_id: number;
  organization_id: number | null;
  title: string;
  kind: 'training' | 'refresher';
  level: 'central' | 'province' | 'district' | 'commune';
  subject: string;
  starts_on: string;
  ends_on: string;
  target_groups: Generated<string[]>;
  place: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainingParticipantTable {
  province_id: number;
  course_id: string;
  person_id: number;
  unit_id: number;
  completed: Generated<boolean>;
  source: 'entry' | 'excel' | 'demo';
  created_by: number | null;
  created_at: Timestamp;
}

export interface DB {
  training_course: TrainingCourseTable;
  training_participant: TrainingParticipantTable;
}
// --- end training ---
// --- sentiment ---
export interface SentimentTopicTable {
  code: string;
  name: string;
  sensitive: Generated<boolean>;
  sort: Generated<number>;
  active: Generated<boolean>;
}

export interface SentimentRuleTable {
  id: Id;
  province_id: number | null;
  name: string;
  topic: string | null;
  min_severity: 'low' | 'medium' | 'high' | 'very_high';
  min_reports: number;
  window_days: number;
  active: Generated<boolean>;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp | null;
}

export interface SentimentRuleVersionTable {
  rule_id: number;
  version: number;
  name: string;
  topic: string | null;
  min_severity: 'low' | 'medium' | 'high' | 'very_high';
  min_reports: number;
  window_days: number;
  active: boolean;
  changed_by: number | null;
  changed_at: Timestamp | null;
}

export interface SentimentReportTable {
  id: string;
  province_id: number;
  unit_id: number;
  commune_id: number;
  organization_id: number | null;
  topic: string;
  severity: 'low' | 'medium' | 'high' | 'very_high';
  people_count: number;
  trend: 'rising' | 'steady' | 'falling';
  text: string;
  reported_on: string;
  lat: number | null;
  lng: number | null;
  created_by: number | null;
  created_at: Timestamp;
}

export interface SentimentAlertTable {
  id: string;
  province_id: number;
  unit_id: number;
  addressed_unit_id: number;
  rule_id: number;
  rule_version: Generated<number>;
  topic: string;
  status: Generated<'open' | 'acknowledged' | 'closed'>;
  version: Generated<number>;
  report_count: number;
  first_report_on: string;
  last_report_on: string;
  raised_at: Timestamp;
  petition_case_id: string | null;
}

export interface SentimentAlertNoteTable {
  id: string;
  province_id: number;
  alert_id: string;
  text: string;
  by_user_id: number | null;
  at: Timestamp;
}
// --- end sentiment ---

// --- organisation history (migration 20270104T0900_organization_history.sql; issue 9 item 8) ---
export interface OrganizationSuccessionTable {
  old_organization_id: number;
  new_organization_id: number;
  kind: 'merged' | 'renamed' | 'reparented' | 'abolished';
  effective_date: string;
  instrument: string | null;
  certainty: Generated<'certain' | 'likely'>;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Generated<Date>;
}
export interface OrganizationAbbreviationTable {
  id: Generated<number>;
  organization_id: number;
  abbreviation: string;
  valid_from: string | null;
  valid_to: string | null;
}

// --- province settings (migration 20270103T0900_province_setting.sql; contracts/src/settings.ts) ---
export interface ProvinceSettingTable {
  id: Generated<number>;
  province_id: number;
  key: string;
  value: unknown;
  reason: string;
  set_by: number;
  set_at: Timestamp;
}

export interface DB {
  province_setting: ProvinceSettingTable;
  organization_succession: OrganizationSuccessionTable;
  organization_abbreviation: OrganizationAbbreviationTable;
}
// --- end province settings ---
