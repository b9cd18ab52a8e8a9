-- Training (tập huấn, bồi dưỡng; DOMAIN.md capability 7, issue 14 item 4): courses organised by a unit (and
-- optionally one of its organisations) at a level, over dates, for target groups of roles, on a subject; the
-- people of the registry who took part, and whether each completed the course. Coverage (who of a group of roles
-- was trained within a window) is computed from these rows and the people's roles. Big tables (SCALE.md): UUIDv7
-- ids from the application, province_id NOT NULL (the 2025 province of the unit, set at insert), first in every
-- key and in the foreign keys between them.

create table training_course (
  id uuid not null,
  province_id bigint not null,
  -- the organiser: a unit, and optionally one of its organisations (Ban Dân vận Tỉnh ủy, Ủy ban MTTQ xã)
  unit_id bigint not null references admin_unit (id),
  organization_id bigint references organization (id),
  title text not null check (length(title) between 1 and 300),
  -- tập huấn or bồi dưỡng
  kind text not null check (kind in ('training', 'refresher')),
  -- the level of the course (Trung ương, tỉnh, huyện, xã)
  level text not null check (level in ('central', 'province', 'district', 'commune')),
  subject text not null check (length(subject) between 1 and 1000),
  starts_on date not null,
  ends_on date not null,
  -- groups of roles the course is for (contracts/src/training/rules.ts TRAINING_GROUPS); empty: any
  target_groups text[] not null default '{}',
  place text check (length(place) between 1 and 300),
  version integer not null default 1,
  created_by bigint references app_user (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (province_id, id),
  check (ends_on >= starts_on)
);
create index training_course_unit on training_course (province_id, unit_id, ends_on);

-- A person of the registry on a course: attended, and completed (finished with a certificate) or not.
create table training_participant (
  province_id bigint not null,
  course_id uuid not null,
  person_id bigint not null references person (id),
  -- the person's registry unit when added (scopes the row like the person)
  unit_id bigint not null references admin_unit (id),
  completed boolean not null default false,
  -- how the row came: typed, imported from the attendance list, or the demo
  source text not null check (source in ('entry', 'excel', 'demo')),
  created_by bigint references app_user (id),
  created_at timestamptz not null,
  primary key (province_id, course_id, person_id),
  foreign key (province_id, course_id) references training_course (province_id, id)
);
-- coverage: the completed courses of a person
create index training_participant_person on training_participant (person_id, province_id) where completed;
