-- Grassroots activity (issue 14, items 1 and 5): field visits (đi cơ sở) of cadres, logged from a phone that may be
-- offline. field_visit is a BIG table (SCALE.md): province_id NOT NULL first in every key, the id a UUIDv7 made by
-- the client (a resend is stored once), no small table references it.

-- Purposes of a visit: a configurable catalogue, national (province_id null, seeded below) plus a province's own;
-- purposes are added and retired, never deleted (visits name them).
create table field_visit_purpose (
  id bigint generated always as identity primary key,
  province_id bigint references admin_unit (id),
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name text not null check (length(name) between 1 and 200),
  sort_order integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index field_visit_purpose_code on field_visit_purpose (coalesce(province_id, 0), code);

insert into field_visit_purpose (code, name, sort_order) values
  ('situation', 'Nắm tình hình', 10),
  ('party_cell_meeting', 'Dự sinh hoạt chi bộ', 20),
  ('village_meeting', 'Dự họp thôn', 30),
  ('dialogue', 'Đối thoại', 40),
  ('inspection', 'Kiểm tra', 50),
  ('other', 'Khác', 90);

create table field_visit (
  id uuid not null,
  -- the 2025 province of the place (set at insert, never updated)
  province_id bigint not null,
  -- where: a village or a commune (the unit whose subtree reads the visit)
  unit_id bigint not null references admin_unit (id),
  -- who, in which role (the role's organisation is the body whose figures the visit counts for)
  person_id bigint not null references person (id),
  role_id bigint not null references person_role (id),
  organization_id bigint not null references organization (id),
  -- dates: from–to, the first and/or last day only half a day (a one-day visit: half a day at most once)
  from_date date not null,
  to_date date not null,
  start_half boolean not null default false,
  end_half boolean not null default false,
  -- days at the grassroots: calendar days minus 0.5 per half day (kept for lists; figures split it by month)
  days numeric(5, 1) not null,
  purpose_id bigint not null references field_visit_purpose (id),
  -- optional GPS point (WGS 84), both or none
  lat double precision,
  lon double precision,
  met_with text check (length(met_with) <= 2000),
  heard text check (length(heard) <= 20000),
  topics text[] not null default '{}',
  entered_by bigint references app_user (id),
  created_at timestamptz not null,
  primary key (province_id, id),
  check (to_date >= from_date),
  check (to_date - from_date <= 62),
  check (not (from_date = to_date and start_half and end_half)),
  check (days = (to_date - from_date + 1) - (case when start_half then 0.5 else 0 end) - (case when end_half then 0.5 else 0 end)),
  check ((lat is null) = (lon is null)),
  check (lat is null or (lat between -90 and 90 and lon between -180 and 180))
);

-- the list of a scope, newest first; the figures of a month by person
create index field_visit_unit on field_visit (province_id, unit_id, from_date desc);
create index field_visit_person on field_visit (province_id, person_id, from_date);
create index field_visit_month on field_visit (province_id, from_date, to_date);
