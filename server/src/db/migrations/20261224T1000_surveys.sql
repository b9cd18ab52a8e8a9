-- Sociological surveys (DOMAIN.md capability 8; issue 13; seed 001): questionnaires (the XLSForm subset of
-- contracts/src/surveys/form.ts) in versions, the units and respondent groups they target with quotas, invitations
-- (one token per respondent), the responses (web, paper keying, import) with their history, and the tallies the
-- tabulation reads.
-- survey, survey_version, survey_target and survey_invitation are small tables with identity ids; each carries the
-- survey's province_id (the 2025 province of the owning unit, copied at insert, never updated) and joins on it.
-- survey_response, survey_response_revision and survey_tally are BIG tables (SCALE.md): province_id NOT NULL first in
-- every key; response ids are UUIDv7 made by the client (a phone offline, the paper keying screen, an import row),
-- so a response sent twice is stored once. Small tables never reference them.

create table survey (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  -- the unit that runs the survey (a province's Ban Tuyên giáo và Dân vận, a commune…); its subtree and the units
  -- above read it, its subtree's staff enter responses for the targeted units in their own scope
  unit_id bigint not null references admin_unit (id),
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$'),
  title text not null check (length(title) between 1 and 500),
  purpose text check (length(purpose) <= 20000),
  -- draft: questionnaire being built; open: collecting; closed: no more responses (tabulation stays)
  status text not null default 'draft' check (status in ('draft', 'open', 'closed')),
  opens_on date,
  closes_on date,
  -- respondents are anonymous unless the survey says it collects identity (the form then says so)
  collects_identity boolean not null default false,
  -- paper keying: every form typed twice by two people, the second typing verifies the first
  double_entry boolean not null default false,
  -- decimals of the percentages in tabulations (1 by default)
  decimals integer not null default 1 check (decimals between 0 and 3),
  -- the public link (no login, anyone with it answers); null = no public link. Random, url-safe.
  public_token text unique check (public_token ~ '^[A-Za-z0-9_-]{16,64}$'),
  -- the version collected now (survey_version.number); null until the first questionnaire
  current_version integer,
  -- the notes of the survey (method, deviations: seed 001's figures that 131 forms cannot give)
  notes text check (length(notes) <= 20000),
  -- folded code and title, for search without diacritics
  search_text text not null,
  created_by bigint,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- optimistic concurrency: an edit names the version it read
  version integer not null default 1,
  unique (province_id, id),
  unique (unit_id, code),
  check (closes_on is null or opens_on is null or closes_on >= opens_on)
);
create index survey_unit on survey (province_id, unit_id);
create index survey_search on survey using gin (search_text gin_trgm_ops);

-- Versions of the questionnaire: a change after responses exist is a new version; responses keep theirs.
create table survey_version (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  survey_id bigint not null,
  number integer not null check (number >= 1),
  -- the questionnaire (ZSurveyForm), validated at the boundary
  form jsonb not null,
  -- the XLSForm it was imported from (files platform), when imported
  source_attachment_id bigint,
  created_by bigint,
  created_at timestamptz not null,
  unique (province_id, survey_id, number),
  foreign key (province_id, survey_id) references survey (province_id, id)
);

-- Sampling: which units (communes or villages) and respondent groups the survey targets, with quotas.
create table survey_target (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  survey_id bigint not null,
  unit_id bigint not null references admin_unit (id),
  respondent_group text not null check (respondent_group ~ '^[a-z][a-z_]{0,39}$'),
  quota integer not null check (quota between 0 and 1000000),
  unique (province_id, survey_id, unit_id, respondent_group),
  foreign key (province_id, survey_id) references survey (province_id, id)
);

-- A personal link: one respondent, one token (stored hashed), one response.
create table survey_invitation (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  survey_id bigint not null,
  unit_id bigint not null references admin_unit (id),
  respondent_group text not null check (respondent_group ~ '^[a-z][a-z_]{0,39}$'),
  token_hash text not null unique,
  -- who it was given to, only when the survey collects identity
  label text check (length(label) <= 200),
  -- the response it brought (no foreign key: a big table)
  response_id uuid,
  created_by bigint,
  created_at timestamptz not null,
  foreign key (province_id, survey_id) references survey (province_id, id)
);
create index survey_invitation_survey on survey_invitation (province_id, survey_id);

-- BIG. One submitted questionnaire. Only `accepted` responses count in the tallies; a paper form under double
-- entry waits in `pending` until a second typing matches it (or a verifier settles the differences).
create table survey_response (
  id uuid not null,
  province_id bigint not null,
  survey_id bigint not null,
  version_number integer not null,
  -- where the respondent lives or works: a commune or a village (admin_unit), inside the survey's targets
  unit_id bigint not null references admin_unit (id),
  respondent_group text not null check (respondent_group ~ '^[a-z][a-z_]{0,39}$'),
  channel text not null check (channel in ('web', 'paper', 'import')),
  status text not null check (status in ('accepted', 'pending', 'rejected')),
  -- question name → value (ZAnswers), after checkAnswers: skipped questions absent
  answers jsonb not null,
  -- per question: 'answered' | 'skipped' | 'unanswered' (what the tallies counted)
  cells jsonb not null,
  submitted_at timestamptz not null,
  -- the staff account that typed a paper form or ran the import; null for a respondent on the web
  entered_by bigint,
  verified_by bigint,
  invitation_id bigint,
  import_job_id bigint,
  -- the first typing of a double-entry form, kept when the second typing settled it
  revision integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (province_id, id)
);
create index survey_response_survey on survey_response (province_id, survey_id, unit_id);

-- BIG. Every earlier state of a response (corrections, the settled double entry): nothing a unit submitted is lost.
create table survey_response_revision (
  province_id bigint not null,
  response_id uuid not null,
  revision integer not null,
  answers jsonb not null,
  status text not null,
  changed_by bigint,
  changed_at timestamptz not null,
  reason text check (length(reason) <= 2000),
  primary key (province_id, response_id, revision),
  foreign key (province_id, response_id) references survey_response (province_id, id)
);

-- BIG. Counts the tabulation reads (SCALE.md rule 5), maintained in the transaction that accepts, corrects or
-- removes a response. Per survey × unit × respondent group × question × value:
--   question ''  value ''           : responses (submissions)
--   question q   value ''           : respondents who answered q (the base of a select_multiple)
--   question q   value '~skipped'   : q skipped by relevant;   '~unanswered': shown but not answered
--   question q   value <choice name>: respondents who chose it (select_one, select_multiple)
--   question q   value <number>     : respondents who answered that number (integer, decimal; canonical text) —
--                                     mean, median, min and max come from this histogram
create table survey_tally (
  province_id bigint not null,
  survey_id bigint not null,
  unit_id bigint not null,
  respondent_group text not null,
  question text not null,
  value text not null,
  count bigint not null check (count >= 0),
  primary key (province_id, survey_id, question, value, unit_id, respondent_group)
);
