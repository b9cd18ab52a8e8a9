-- Review against criteria (issue 15 must-have 4; emu-review). A campaign's scoring sheet is a copy of its
-- criteria taken when the sheet is made (so scores keep their meaning if the campaign's criteria are edited later);
-- a nomination puts a model forward from its unit to a unit above it; reviewers score each line of the sheet, and a
-- correction is a new revision (append-only). emulation_review_sheet and its items are small tables (one sheet per
-- campaign); emulation_nomination and emulation_review_score are big tables (SCALE.md): UUIDv7 ids made by the
-- application, province_id first in every key and in every foreign key between big tables.

create table emulation_review_sheet (
  id bigint generated always as identity primary key,
  province_id bigint not null references admin_unit (id),
  campaign_id bigint not null,
  -- weighted total (0-100) a nomination needs, every pass/fail line passed besides
  pass_percent numeric(5, 2) not null default 80 check (pass_percent between 0 and 100),
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  unique (campaign_id),
  unique (province_id, id),
  foreign key (province_id, campaign_id) references emulation_campaign (province_id, id)
);

create table emulation_review_item (
  id bigint generated always as identity primary key,
  province_id bigint not null references admin_unit (id),
  sheet_id bigint not null,
  -- the campaign criterion it was copied from (kept if the criterion is later removed)
  criterion_id bigint references emulation_criterion (id) on delete set null,
  applies_to text not null check (applies_to in ('collective', 'individual', 'general')),
  code text not null check (length(code) between 1 and 40),
  text text not null check (length(text) between 1 and 4000),
  scoring text not null check (scoring in ('weight', 'pass_fail')),
  weight numeric(8, 2) check (weight > 0),
  max_score numeric(8, 2) check (max_score > 0),
  position integer not null default 0,
  unique (sheet_id, code),
  foreign key (province_id, sheet_id) references emulation_review_sheet (province_id, id),
  check ((scoring = 'weight') = (weight is not null and max_score is not null))
);
create index emulation_review_item_sheet on emulation_review_item (sheet_id, position);

create table emulation_nomination (
  id uuid not null,
  province_id bigint not null,
  campaign_id bigint not null,
  sheet_id bigint not null,
  model_id uuid not null,
  -- the unit putting the model forward (the model lies in its subtree); readers: this unit's subtree and above
  unit_id bigint not null references admin_unit (id),
  -- the unit above that reviews it (an ancestor of unit_id)
  to_unit_id bigint not null references admin_unit (id),
  -- the model's kind, copied: rankings are per kind (collective / individual)
  kind text not null check (kind in ('collective', 'individual')),
  note text check (length(note) between 1 and 2000),
  status text not null default 'nominated' check (status in ('nominated', 'concluded', 'withdrawn')),
  -- the result fixed on conclusion (while open it is computed from the scores)
  total_percent numeric(6, 2),
  passed boolean,
  meeting_on date,
  attendees text check (length(attendees) between 1 and 2000),
  participant_count integer check (participant_count >= 1),
  votes_for integer check (votes_for >= 0),
  votes_against integer check (votes_against >= 0),
  votes_abstain integer check (votes_abstain >= 0),
  concluded_on date,
  concluded_by bigint references app_user (id),
  withdrawn_reason text check (length(withdrawn_reason) between 1 and 1000),
  step_note text,
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null default now(),
  primary key (province_id, id),
  foreign key (province_id, model_id) references emulation_model (province_id, id),
  foreign key (province_id, campaign_id) references emulation_campaign (province_id, id),
  foreign key (province_id, sheet_id) references emulation_review_sheet (province_id, id),
  check (unit_id <> to_unit_id),
  check (status <> 'concluded' or (concluded_on is not null and passed is not null and meeting_on is not null))
);
-- one open or concluded nomination of a model to a reviewing unit
create unique index emulation_nomination_once on emulation_nomination (province_id, model_id, to_unit_id) where status <> 'withdrawn';
-- the ranking an upper level reads: a campaign's nominations to a unit
create index emulation_nomination_to_unit on emulation_nomination (province_id, campaign_id, to_unit_id, kind, status);
create index emulation_nomination_unit on emulation_nomination (province_id, unit_id, campaign_id);

create table emulation_review_score (
  id uuid not null,
  province_id bigint not null,
  nomination_id uuid not null,
  item_id bigint not null references emulation_review_item (id),
  reviewer_id bigint not null references app_user (id),
  -- 1 for the first score of a reviewer on a line; each correction adds the next revision
  revision integer not null check (revision >= 1),
  score numeric(8, 2) check (score >= 0),
  passed boolean,
  note text check (length(note) between 1 and 1000),
  at timestamptz not null default now(),
  primary key (province_id, id),
  unique (province_id, nomination_id, item_id, reviewer_id, revision),
  foreign key (province_id, nomination_id) references emulation_nomination (province_id, id),
  check ((score is null) <> (passed is null))
);

-- Scores are append-only: a correction is a new revision, never an edit.
create or replace function emulation_review_score_append_only() returns trigger
  language plpgsql
  as $$ begin raise exception 'emulation_review_score is append-only: % refused', tg_op; end $$;
create trigger emulation_review_score_no_update before update or delete on emulation_review_score
  for each row execute function emulation_review_score_append_only();
