-- Commitments of an emulation campaign (seed 002 II.1, the "04 không" with their appendix) registered by
-- agencies, cadres and households, counted per unit × commitment × kind of registrant and optionally per body
-- (an organisation of the registry), entered or imported from Excel; every change of a count is kept
-- (emulation_commitment_count_change: before and after, who, when, why, from where), so a correction never
-- overwrites silently. Breaches are recorded when reported. Big tables (SCALE.md): UUIDv7 ids from the
-- application, province_id NOT NULL (the 2025 province of the unit, set at insert), first in every key and in the
-- foreign keys between them.

create table emulation_commitment_count (
  id uuid not null,
  province_id bigint not null,
  campaign_id bigint not null references emulation_campaign (id),
  commitment_id bigint not null references emulation_commitment (id),
  unit_id bigint not null references admin_unit (id),
  registrant_kind text not null check (registrant_kind in ('agency', 'cadre', 'household')),
  -- the body (Mặt trận, đoàn thể, cơ quan) whose members or units registered; null: the unit as a whole
  organization_id bigint references organization (id),
  -- how many registered the commitment, and (when known) how many were expected to (households of the commune)
  registered integer not null check (registered between 0 and 10000000),
  eligible integer check (eligible between 0 and 10000000),
  version integer not null check (version >= 1),
  created_by bigint references app_user (id),
  created_at timestamptz not null,
  updated_by bigint references app_user (id),
  updated_at timestamptz not null,
  primary key (province_id, id),
  check (eligible is null or registered <= eligible),
  constraint emulation_commitment_count_key unique nulls not distinct
    (province_id, campaign_id, unit_id, commitment_id, registrant_kind, organization_id)
);
create index emulation_commitment_count_campaign on emulation_commitment_count (province_id, campaign_id, commitment_id);

-- Every value a count has had: version 1 is its registration, later versions corrections (append-only).
create table emulation_commitment_count_change (
  id uuid not null,
  province_id bigint not null,
  count_id uuid not null,
  version integer not null check (version >= 1),
  registered_before integer,
  registered integer not null,
  eligible_before integer,
  eligible integer,
  source text not null check (source in ('entry', 'excel', 'demo')),
  reason text check (length(reason) between 1 and 1000),
  changed_by bigint references app_user (id),
  changed_at timestamptz not null,
  primary key (province_id, id),
  unique (province_id, count_id, version),
  foreign key (province_id, count_id) references emulation_commitment_count (province_id, id)
);

-- A breach of a commitment, recorded when reported: when it happened, where, by whom (kind, body), what happened.
create table emulation_commitment_breach (
  id uuid not null,
  province_id bigint not null,
  campaign_id bigint not null references emulation_campaign (id),
  commitment_id bigint not null references emulation_commitment (id),
  unit_id bigint not null references admin_unit (id),
  registrant_kind text not null check (registrant_kind in ('agency', 'cadre', 'household')),
  organization_id bigint references organization (id),
  occurred_on date not null,
  reported_on date not null,
  description text not null check (length(description) between 1 and 4000),
  reported_by text check (length(reported_by) between 1 and 300),
  created_by bigint references app_user (id),
  created_at timestamptz not null,
  primary key (province_id, id),
  check (reported_on >= occurred_on)
);
create index emulation_commitment_breach_campaign on emulation_commitment_breach (province_id, campaign_id, occurred_on);
create index emulation_commitment_breach_unit on emulation_commitment_breach (province_id, unit_id, occurred_on);
