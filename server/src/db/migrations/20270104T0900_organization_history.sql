-- Issue 9 item 8: the bodies were reorganised in 2025 as the units were (POLITICAL-SYSTEM-2025.md). A body's
-- successor, with the instrument and date, the same shape as unit_succession: the 2019 Ban Dân vận Tỉnh ủy merged
-- into the Ban Tuyên giáo và Dân vận, a district's Ban Dân vận abolished with its duty going to the province's body.
create table organization_succession (
  old_organization_id bigint not null references organization (id),
  new_organization_id bigint not null references organization (id),
  kind text not null check (kind in ('merged', 'renamed', 'reparented', 'abolished')),
  -- the successor's first day of responsibility
  effective_date date not null,
  instrument text check (length(instrument) <= 200),
  certainty text not null default 'certain' check (certainty in ('certain', 'likely')),
  -- why it was recorded (the decision, or the demo's reason)
  note text check (length(note) <= 500),
  recorded_by bigint references app_user (id),
  recorded_at timestamptz not null default now(),
  primary key (old_organization_id, new_organization_id),
  check (old_organization_id <> new_organization_id)
);
create index organization_succession_new on organization_succession (new_organization_id);

-- Item 8: the abbreviation a body signs its document numbers with ("235-BC/BDVTU"), dated: a body renamed by
-- a merger keeps its row and signs with the new abbreviation from that day.
create table organization_abbreviation (
  id bigint generated always as identity primary key,
  organization_id bigint not null references organization (id),
  abbreviation text not null check (abbreviation ~ '^[A-ZĐ0-9&]{2,20}$'),
  -- null: since before the records
  valid_from date,
  valid_to date,
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index organization_abbreviation_organization on organization_abbreviation (organization_id, valid_from);
