-- Grassroots activity (issue 14, item 2): briefings (giao ban, trực báo) of the Khối dân vận of a commune and the Tổ
-- dân vận of a village, both organisations of the registry (types commune_bloc, village_team). A body meets once
-- per period of its recurrence (monthly by default, or quarterly); a period with no held briefing after its end is
-- "missed" (computed, not stored). briefing and briefing_attendee are BIG tables (SCALE.md): UUIDv7 ids made by the
-- client (a resend from the browser outbox stores nothing), province_id NOT NULL first in every key.

-- The recurrence of a body; no row: monthly. A small table (one row per bloc or team that is not monthly).
create table briefing_schedule (
  organization_id bigint primary key references organization (id),
  recurrence text not null check (recurrence in ('monthly', 'quarterly')),
  set_by bigint references app_user (id),
  set_at timestamptz not null
);

create table briefing (
  id uuid not null,
  -- the 2025 province of the body's unit (set at insert, never updated)
  province_id bigint not null,
  organization_id bigint not null references organization (id),
  -- the body's unit (commune of a bloc, village of a team): the unit whose subtree reads the briefing
  unit_id bigint not null references admin_unit (id),
  -- the period met for: 'yyyy-mm' (monthly) or 'yyyy-Qn' (quarterly), of the recurrence at the time
  period text not null check (period ~ '^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
  held boolean not null,
  held_on date,
  -- why it was not held (recorded "not held")
  not_held_reason text check (length(not_held_reason) between 1 and 2000),
  -- people holding a role in the body on the day (attendance is counted against them) and those present
  members integer not null check (members >= 0),
  attended integer not null check (attended >= 0 and attended <= members),
  issues text check (length(issues) <= 20000),
  -- topic codes of the public sentiment list (sentiment_topic)
  topics text[] not null default '{}',
  entered_by bigint references app_user (id),
  created_at timestamptz not null,
  primary key (province_id, id),
  check ((held and held_on is not null and not_held_reason is null) or (not held and held_on is null and not_held_reason is not null and attended = 0))
);
-- one briefing recorded per body and period
create unique index briefing_period on briefing (province_id, organization_id, period);
create index briefing_unit on briefing (province_id, unit_id, period);

-- who attended: people registered in the body on the day
create table briefing_attendee (
  province_id bigint not null,
  briefing_id uuid not null,
  person_id bigint not null references person (id),
  primary key (province_id, briefing_id, person_id),
  foreign key (province_id, briefing_id) references briefing (province_id, id)
);
