-- Programmes (DOMAIN.md capability 2; issue 11): directive documents with targets, solution groups, tasks assigned
-- to bodies, progress reports, a review schedule and a budget. A programme belongs to the unit that issued it; its
-- readers are that unit's subtree (a commune sees the province's programmes through `programme_reach`, below).
-- province_id is the 2025 province of the owning unit (SCALE.md rule 1); ids of the small tables are identities,
-- progress reports (written by every assignee) are a big table with UUIDv7 ids.

create table programme (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  owner_unit_id bigint not null references admin_unit (id),
  -- an implementation plan (kế hoạch thực hiện) of a lower unit points to the programme it implements
  parent_programme_id bigint references programme (id),
  -- one of PROGRAMME_KINDS in contracts/src/programmes/pack.ts
  kind text not null,
  number text not null check (length(number) between 1 and 60),
  issuer text not null check (length(issuer) between 1 and 300),
  issued_on date not null,
  title text not null check (length(title) between 1 and 1000),
  from_year integer not null check (from_year between 1900 and 2100),
  to_year integer not null check (to_year between 1900 and 2100),
  general_objective text,
  status text not null default 'active' check (status in ('draft', 'active', 'closed')),
  -- loaded from a pack: its code and version (loading the same pack into the same unit again changes nothing)
  pack_code text,
  pack_version integer,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- optimistic concurrency: an edit names the version it read
  version integer not null default 1,
  check (to_year >= from_year),
  check ((pack_code is null) = (pack_version is null))
);
create index programme_owner on programme (province_id, owner_unit_id);
create index programme_parent on programme (parent_programme_id) where parent_programme_id is not null;
create unique index programme_pack on programme (owner_unit_id, pack_code) where pack_code is not null;

-- A target as a rule over an indicator (contracts/src/programmes/target-rule.ts ZTargetRule, checked on write).
create table programme_target (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  code text not null,
  position integer not null,
  text text not null check (length(text) between 1 and 4000),
  rule jsonb,
  waits_for text,
  -- levels it is evaluated at (null: every level its threshold names)
  levels text[],
  -- an implementation plan's target inherited from (or made stricter than) the parent programme's
  parent_target_id bigint references programme_target (id),
  created_at timestamptz not null default now(),
  unique (programme_id, code),
  check (rule is not null or waits_for is not null)
);

create table programme_solution_group (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  code text not null,
  position integer not null,
  title text not null check (length(title) between 1 and 2000),
  unique (programme_id, code)
);

create table programme_task (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  group_id bigint references programme_solution_group (id),
  code text not null,
  position integer not null,
  text text not null check (length(text) between 1 and 4000),
  due_on date,
  recurrence text check (recurrence in ('yearly', 'half_yearly', 'quarterly', 'monthly')),
  expected_output text,
  created_at timestamptz not null default now(),
  unique (programme_id, code)
);
create index programme_task_group on programme_task (group_id);

-- Who carries a task: the lead body and the coordinating ones, as the document names them, matched to an
-- organisation of the registry when one fits (its members report progress).
create table task_assignment (
  id bigint generated always as identity primary key,
  task_id bigint not null references programme_task (id),
  role text not null check (role in ('lead', 'coordinate')),
  body_name text not null check (length(body_name) between 1 and 300),
  organization_type text,
  level text check (level in ('province', 'district', 'commune', 'village')),
  organization_id bigint references organization (id),
  position integer not null
);
create index task_assignment_task on task_assignment (task_id);
create index task_assignment_organization on task_assignment (organization_id) where organization_id is not null;

-- Progress reported on a task: append-only (a correction is a new report), attachments through `attachment`
-- (owner_type 'task_progress').
create table task_progress (
  id uuid not null,
  province_id bigint not null,
  task_id bigint not null,
  assignment_id bigint,
  -- the unit reporting (an assignee's unit), for scope
  unit_id bigint not null,
  reported_by bigint not null,
  reported_at timestamptz not null,
  percent integer check (percent between 0 and 100),
  note text not null check (length(note) between 1 and 4000),
  primary key (province_id, id)
);
create index task_progress_task on task_progress (province_id, task_id, reported_at);

-- Review milestones: annual reports, mid-term (sơ kết) and final (tổng kết) reviews, evaluations (seed 002).
create table programme_review (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  kind text not null check (kind in ('annual', 'midterm', 'final', 'evaluation')),
  title text not null check (length(title) between 1 and 500),
  from_year integer not null,
  to_year integer not null,
  due_on date not null,
  done_on date,
  check (to_year >= from_year)
);
create index programme_review_programme on programme_review (programme_id, due_on);

-- Budget lines per programme and year (seed 003): planned, allocated, spent (VND).
create table programme_budget_line (
  id bigint generated always as identity primary key,
  programme_id bigint not null references programme (id),
  year integer check (year between 1900 and 2100),
  title text not null check (length(title) between 1 and 500),
  source text,
  planned numeric check (planned >= 0),
  allocated numeric check (allocated >= 0),
  spent numeric check (spent >= 0),
  position integer not null,
  updated_at timestamptz not null default now()
);
create index programme_budget_programme on programme_budget_line (programme_id, year);
