-- Legal time limits (issue 12 item 3): the civil-servant working calendar per year and the rules of the laws on
-- complaints, denunciations and citizen reception as versioned configuration. Both are loaded on start from
-- resources/legal/ (calendar.json, rule-sets.json) idempotently; a row an administrator edited is never
-- overwritten by the loader (`edited`), and every edit is kept in legal_edit (who, when, before/after) besides
-- the audit log. Small, national tables: no province_id.

create table legal_calendar_year (
  year integer primary key check (year between 1900 and 2100),
  -- provisional: the Government has not decided the year's Tết and swaps yet (2027 when shipped)
  status text not null check (status in ('provisional', 'confirmed')),
  sources text[] not null default '{}',
  notes text not null default '',
  -- sha256 of the resource entry last loaded, so a new release refreshes a year no administrator touched
  resource_hash text,
  edited boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by bigint references app_user (id)
);

-- Exceptions to "Monday–Friday work, weekend rest": `off` = not a working day (holidays, nghỉ bù, swapped-off
-- weekdays, weekend days inside an announced block), `work` = a weekend day worked (make-up Saturday).
create table legal_calendar_day (
  day date primary key,
  year integer not null references legal_calendar_year (year),
  kind text not null check (kind in ('off', 'work')),
  note text not null default '',
  check (extract(year from day)::integer = year)
);
create index legal_calendar_day_year on legal_calendar_day (year, day);

-- A version of the rules: the set in force on a case's receipt date is the one with the latest valid_from ≤ it.
create table legal_rule_set (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[A-Za-z0-9._-]{1,40}$'),
  name text not null check (length(name) between 1 and 300),
  -- the laws and decrees of the set, as cited
  law text not null check (length(law) between 1 and 1000),
  valid_from date not null unique,
  status text not null check (status in ('provisional', 'confirmed')),
  notes text not null default '',
  resource_hash text,
  edited boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by bigint references app_user (id)
);

-- One time limit of one step of one kind of case in a rule set.
create table legal_rule (
  id bigint generated always as identity primary key,
  rule_set_id bigint not null references legal_rule_set (id),
  -- complaint | denunciation | petition | feedback (contracts/src/legal/deadline.schemas.ts CASE_KINDS)
  kind text not null check (kind in ('complaint', 'denunciation', 'petition', 'feedback')),
  -- 1: first instance; 2: khiếu nại lần hai / tố cáo tiếp
  instance smallint not null default 1 check (instance in (1, 2)),
  step text not null check (step ~ '^[a-z0-9_]{1,40}$'),
  position integer not null,
  label text not null check (length(label) between 1 and 300),
  -- received | accepted | decided | resolution_due
  from_event text not null check (from_event in ('received', 'accepted', 'decided', 'resolution_due')),
  count integer not null check (count between 0 and 3650),
  unit text not null check (unit in ('calendar_days', 'working_days')),
  -- total count when the case is complex (khiếu nại: phức tạp; tố cáo xử lý ban đầu: nhiều địa điểm)
  complex_count integer check (complex_count between 0 and 3650),
  -- total count in remote areas (vùng sâu, vùng xa), and when also complex
  remote_count integer check (remote_count between 0 and 3650),
  remote_complex_count integer check (remote_complex_count between 0 and 3650),
  -- extensions by decision (tố cáo): each adds extension_count; complex allows 1, especially complex up to max_extensions
  extension_count integer check (extension_count between 0 and 3650),
  max_extensions smallint not null default 0 check (max_extensions between 0 and 2),
  law text not null check (length(law) between 1 and 300),
  article text not null check (length(article) between 1 and 300),
  phrase text not null default '',
  unconfirmed boolean not null default false,
  notes text not null default '',
  resource_hash text,
  edited boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by bigint references app_user (id),
  unique (rule_set_id, kind, instance, step),
  check ((extension_count is null) = (max_extensions = 0))
);

-- Every administrator edit of the calendar or the rules: the row before and after (also in audit_log).
create table legal_edit (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  user_id bigint references app_user (id),
  -- calendar_year | calendar_day | rule_set | rule
  entity text not null check (entity in ('calendar_year', 'calendar_day', 'rule_set', 'rule')),
  entity_key text not null,
  before jsonb,
  after jsonb
);
create index legal_edit_entity on legal_edit (entity, entity_key, id desc);
