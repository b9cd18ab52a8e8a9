-- "Dân vận khéo" emulation campaigns and exemplary models (DOMAIN.md capability 4; issue 15; seeds 002 and 004).
-- A campaign (phong trào thi đua, e.g. "Năm Dân vận khéo" 2020, Kế hoạch 189-KH/TU) belongs to the unit that
-- launched it; its commitments ("04 không" with the appendix), criteria, tasks per kind of body, timeline and
-- participants are its children. Campaigns and their children are small tables with identity ids; each child carries
-- the campaign's province_id (copied at insert, never updated) and joins on it (SCALE.md rules 1–3).
-- emulation_model and emulation_model_step are BIG tables (SCALE.md): UUIDv7 ids made by the application,
-- province_id NOT NULL (the 2025 province of the model's unit), first in every key and in every foreign key
-- between them. Small tables never reference them.

create table emulation_campaign (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  -- the unit that launched the campaign; its readers are that unit's subtree and the units above it
  unit_id bigint not null references admin_unit (id),
  -- the programme or plan that launches it (programmes module), when there is one
  programme_id bigint references programme (id),
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$'),
  title text not null check (length(title) between 1 and 500),
  year integer not null check (year between 1990 and 2100),
  starts_on date not null,
  ends_on date not null,
  -- the level it runs at (central, province, district (before 2025-07-01), commune)
  level text not null check (level in ('central', 'province', 'district', 'commune')),
  themes text[] not null default '{}',
  -- purpose and requirements (mục đích, yêu cầu), the general task, free text
  purpose text check (length(purpose) <= 20000),
  status text not null default 'active' check (status in ('draft', 'active', 'closed')),
  -- loaded from a pack: its code and version (loading the same pack into the same unit again changes nothing)
  pack_code text,
  pack_version integer,
  -- folded (no diacritics, lower case) code, title and themes, for search
  search_text text not null,
  created_by bigint,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- optimistic concurrency: an edit names the version it read
  version integer not null default 1,
  unique (province_id, id),
  unique (unit_id, code),
  check (ends_on >= starts_on),
  check ((pack_code is null) = (pack_version is null))
);
create index emulation_campaign_unit on emulation_campaign (province_id, unit_id, year);
create index emulation_campaign_programme on emulation_campaign (programme_id) where programme_id is not null;
create unique index emulation_campaign_pack on emulation_campaign (unit_id, pack_code) where pack_code is not null;
create index emulation_campaign_search on emulation_campaign using gin (search_text gin_trgm_ops);

-- The commitments of a campaign (seed 002: the "04 không"), each with its appendix text (what it means for
-- agencies, cadres and households).
create table emulation_commitment (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  campaign_id bigint not null,
  code text not null check (length(code) between 1 and 20),
  position integer not null,
  title text not null check (length(title) between 1 and 1000),
  appendix text check (length(appendix) <= 40000),
  unique (province_id, campaign_id, code),
  foreign key (province_id, campaign_id) references emulation_campaign (province_id, id)
);

-- Criteria of the campaign (seed 002 III.1–3): general, for collectives, for individuals; each scored by a weight
-- (max score) or pass/fail. The review part builds its scoring sheet from them.
create table emulation_criterion (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  campaign_id bigint not null,
  applies_to text not null check (applies_to in ('general', 'collective', 'individual')),
  code text not null check (length(code) between 1 and 20),
  position integer not null,
  text text not null check (length(text) between 1 and 4000),
  scoring text not null check (scoring in ('weight', 'pass_fail')),
  weight numeric(6, 2) check (weight > 0),
  max_score numeric(6, 2) check (max_score > 0),
  unique (province_id, campaign_id, code),
  foreign key (province_id, campaign_id) references emulation_campaign (province_id, id),
  check ((scoring = 'weight') = (weight is not null and max_score is not null)),
  check (scoring = 'weight' or (weight is null and max_score is null))
);

-- Specific tasks per kind of body (seed 002 II.2.x): party committees, people's councils, people's committees,
-- judicial bodies, armed forces, the Front and mass organisations. `heading` is the document's heading for the body.
create table emulation_body_task (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  campaign_id bigint not null,
  body_kind text not null check (body_kind in (
    'party', 'state', 'people_council', 'people_committee', 'judicial', 'armed_forces', 'front_mass', 'other')),
  heading text check (length(heading) between 1 and 500),
  code text not null check (length(code) between 1 and 20),
  position integer not null,
  text text not null check (length(text) between 1 and 4000),
  unique (province_id, campaign_id, code),
  foreign key (province_id, campaign_id) references emulation_campaign (province_id, id)
);

-- The timeline: launch, registration, building, review, recognition (15/10), the province conference (every
-- `every_years` years: biennial = 2).
create table emulation_milestone (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  campaign_id bigint not null,
  kind text not null check (kind in ('launch', 'registration', 'building', 'review', 'recognition', 'conference')),
  on_date date not null,
  until_date date,
  every_years smallint check (every_years between 1 and 10),
  title text not null check (length(title) between 1 and 500),
  position integer not null,
  foreign key (province_id, campaign_id) references emulation_campaign (province_id, id),
  check (until_date is null or until_date >= on_date)
);
create index emulation_milestone_campaign on emulation_milestone (province_id, campaign_id, on_date);

-- Units and bodies (organisations of the registry) taking part.
create table emulation_participant (
  id bigint generated always as identity primary key,
  province_id bigint not null,
  campaign_id bigint not null,
  unit_id bigint references admin_unit (id),
  organization_id bigint references organization (id),
  foreign key (province_id, campaign_id) references emulation_campaign (province_id, id),
  check ((unit_id is null) <> (organization_id is null))
);
create unique index emulation_participant_unit on emulation_participant (province_id, campaign_id, unit_id) where unit_id is not null;
create unique index emulation_participant_org on emulation_participant (province_id, campaign_id, organization_id) where organization_id is not null;
create index emulation_participant_organization on emulation_participant (organization_id) where organization_id is not null;

-- Exemplary models (mô hình, điển hình "Dân vận khéo"): collective or individual, in one of the four fields, owned by
-- an organisation, a unit or a person of the registry, at a unit (and optionally a village and a point). Its status
-- changes only through the models' lifecycle (models/), each change a row of emulation_model_step.
create table emulation_model (
  id uuid not null,
  province_id bigint not null,
  -- where: the unit whose subtree reads it (commune, or the agency's unit)
  unit_id bigint not null references admin_unit (id),
  village_id bigint references admin_unit (id),
  campaign_id bigint references emulation_campaign (id),
  -- a replica of another model (possibly of another province: no foreign key, as petitions' origin case)
  origin_model_id uuid,
  origin_province_id bigint,
  kind text not null check (kind in ('collective', 'individual')),
  field text not null check (field in ('economy', 'culture_society', 'defence_security', 'party_building')),
  owner_organization_id bigint references organization (id),
  -- person is a big table still without province_id (SCALE.md: adopts the rules when reworked): no foreign key
  owner_person_id bigint,
  owner_unit_id bigint references admin_unit (id),
  title text not null check (length(title) between 1 and 500),
  summary text check (length(summary) <= 20000),
  what_changed text check (length(what_changed) <= 20000),
  -- figures the model has ([{ label, value, unit }]), as the models' contract declares
  figures jsonb not null default '[]',
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  started_on date,
  status text not null default 'registered' check (status in (
    'registered', 'building', 'reviewed', 'recognised', 'commended', 'withdrawn')),
  recognised_level text check (recognised_level in ('commune', 'district', 'province', 'central')),
  recognised_on date,
  recognised_by_unit_id bigint references admin_unit (id),
  -- shown on the public showcase from this moment (an explicit step of the recognising unit)
  published_at timestamptz,
  -- folded title, summary and owner's name, for search without diacritics
  search_text text not null,
  version integer not null default 1,
  created_by bigint,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (province_id, id),
  check ((origin_model_id is null) = (origin_province_id is null)),
  check (origin_model_id is null or origin_model_id <> id),
  check ((recognised_level is null) = (recognised_on is null)),
  check (num_nonnulls(owner_organization_id, owner_person_id, owner_unit_id) <= 1),
  check ((lat is null) = (lng is null))
);
-- lists of a unit's subtree by status; counts by field × level; a campaign's models; the replication chain
create index emulation_model_unit on emulation_model (province_id, unit_id, status);
create index emulation_model_field_level on emulation_model (province_id, field, recognised_level) where recognised_level is not null;
create index emulation_model_campaign on emulation_model (province_id, campaign_id, status) where campaign_id is not null;
create index emulation_model_origin on emulation_model (origin_province_id, origin_model_id) where origin_model_id is not null;
create index emulation_model_owner_org on emulation_model (province_id, owner_organization_id) where owner_organization_id is not null;
create index emulation_model_published on emulation_model (province_id, published_at) where published_at is not null;
create index emulation_model_search on emulation_model using gin (province_id, search_text gin_trgm_ops);

-- The history of a model: one row per step (registered, building, reviewed, recognised, commended, withdrawn,
-- replicated, published, document…), dated (`on_date`, the legal date), with who, when and the details (meeting,
-- votes, decision number, award). Append-only: a trigger refuses UPDATE and DELETE.
create table emulation_model_step (
  id uuid not null,
  province_id bigint not null,
  model_id uuid not null,
  -- the model's version after this step (1 = registered)
  seq integer not null check (seq > 0),
  step text not null check (length(step) between 1 and 40),
  from_status text,
  to_status text,
  on_date date not null,
  details jsonb not null default '{}',
  file_ids uuid[] not null default '{}',
  by_user_id bigint,
  at timestamptz not null,
  primary key (province_id, id),
  unique (province_id, model_id, seq),
  foreign key (province_id, model_id) references emulation_model (province_id, id)
);
create index emulation_model_step_model on emulation_model_step (province_id, model_id, seq);

create or replace function emulation_model_step_append_only() returns trigger
  language plpgsql
  as $$ begin raise exception 'emulation_model_step is append-only: % refused', tg_op; end $$;
create trigger emulation_model_step_no_update before update or delete on emulation_model_step
  for each row execute function emulation_model_step_append_only();
