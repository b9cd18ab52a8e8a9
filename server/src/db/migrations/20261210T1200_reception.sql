-- Citizen reception and dialogue (DOMAIN.md capability 5; issue 12 "Must have" 5): leaders' reception schedules
-- with the frequency the law and Party rules require, reception sessions and the cases received, direct dialogues
-- and voter meetings, Fatherland Front supervision and social critique, and their recommendations tracked until
-- the addressed body answers. Record tables follow SCALE.md: province_id NOT NULL (the 2025 province of the unit,
-- set at insert), UUIDv7 ids from the application, province_id first in every key and in every foreign key
-- between them (reception_session_case → petition_case included). The frequency rules are a small catalogue.

-- How often a leader must receive citizens, per kind of leader and level, as versioned configuration: a change
-- of law is a new row from its date. National defaults (province_id null); a province may add stricter rows of
-- its own, which then win for its units.
create table reception_frequency_rule (
  id bigint generated always as identity primary key,
  province_id bigint references admin_unit (id),
  role_kind text not null check (role_kind in ('government_head', 'party_secretary', 'agency_head')),
  level text not null check (level in ('province', 'district', 'commune')),
  days integer not null check (days between 1 and 31),
  per text not null check (per in ('week', 'month')),
  basis text not null check (length(basis) between 1 and 500),
  valid_from date not null,
  valid_to date,
  -- the figure was not read in the text of the law (press summary only): shown as such, editable
  unconfirmed boolean not null default false,
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create index reception_frequency_rule_lookup on reception_frequency_rule (role_kind, level, valid_from);

insert into reception_frequency_rule (role_kind, level, days, per, basis, valid_from, valid_to, unconfirmed) values
  ('government_head', 'province', 1, 'month',
   'Luật Tiếp công dân 42/2013/QH13, Điều 12 khoản 5: Chủ tịch UBND cấp tỉnh tiếp công dân “ít nhất 01 ngày trong 01 tháng”',
   '2014-07-01', null, false),
  ('government_head', 'district', 2, 'month',
   'Luật Tiếp công dân 42/2013/QH13, Điều 13 khoản 5: Chủ tịch UBND cấp huyện tiếp công dân “ít nhất 02 ngày trong 01 tháng” (cấp huyện kết thúc 30/06/2025)',
   '2014-07-01', '2025-06-30', false),
  ('government_head', 'commune', 1, 'week',
   'Luật Tiếp công dân 42/2013/QH13, Điều 15 khoản 2 điểm d: Chủ tịch UBND cấp xã tiếp công dân “ít nhất 01 ngày trong 01 tuần”',
   '2014-07-01', '2026-06-30', false),
  ('government_head', 'commune', 2, 'month',
   'Luật 136/2025/QH15 (hiệu lực 01/07/2026): Chủ tịch UBND cấp xã tiếp công dân “ít nhất 2 ngày/tháng” theo tóm tắt của báo chí; chưa đọc được văn bản luật (CHƯA XÁC NHẬN, có thể sửa)',
   '2026-07-01', null, true),
  ('agency_head', 'province', 1, 'month',
   'Luật Tiếp công dân 42/2013/QH13, Điều 18 khoản 2: người đứng đầu cơ quan tiếp công dân “ít nhất 01 ngày trong 01 tháng”',
   '2014-07-01', null, false),
  ('agency_head', 'district', 1, 'month',
   'Luật Tiếp công dân 42/2013/QH13, Điều 18 khoản 2: người đứng đầu cơ quan tiếp công dân “ít nhất 01 ngày trong 01 tháng”',
   '2014-07-01', '2025-06-30', false),
  ('agency_head', 'commune', 1, 'month',
   'Luật Tiếp công dân 42/2013/QH13, Điều 18 khoản 2: người đứng đầu cơ quan tiếp công dân “ít nhất 01 ngày trong 01 tháng”',
   '2014-07-01', null, false),
  ('party_secretary', 'province', 1, 'month',
   'Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị, Điều 4 khoản 1 (sửa đổi bởi Kết luận 215-KL/TW ngày 23/11/2025): người đứng đầu cấp ủy cấp tỉnh tiếp dân ít nhất 01 ngày trong 01 tháng',
   '2019-02-18', null, false),
  ('party_secretary', 'district', 1, 'month',
   'Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị, Điều 4 khoản 1: người đứng đầu cấp ủy cấp huyện tiếp dân ít nhất 01 ngày trong 01 tháng (cấp huyện kết thúc 30/06/2025)',
   '2019-02-18', '2025-06-30', false),
  ('party_secretary', 'commune', 2, 'month',
   'Quy định 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị, Điều 4 khoản 1 (sửa đổi bởi Kết luận 215-KL/TW ngày 23/11/2025): người đứng đầu cấp ủy cấp xã tiếp dân ít nhất 02 ngày trong 01 tháng',
   '2019-02-18', null, false);

-- A leader's reception duty in a unit: a person of the people registry, or a position named in words, the kind
-- of leader (which frequency rule applies), and the regular pattern (weekly on a weekday, monthly on a day) or one
-- ad hoc date. Compliance is counted per leader (unit, kind, person or position) and month from the sessions held.
create table reception_schedule (
  id uuid not null,
  province_id bigint not null,
  unit_id bigint not null references admin_unit (id),
  role_kind text not null check (role_kind in ('government_head', 'party_secretary', 'agency_head', 'other')),
  leader_person_id bigint references person (id),
  leader_name text not null check (length(leader_name) between 1 and 200),
  leader_position text not null check (length(leader_position) between 1 and 200),
  recurrence text not null check (recurrence in ('weekly', 'monthly', 'once')),
  -- weekly: 1 = Monday … 7 = Sunday; monthly: day of the month (a shorter month uses its last day)
  weekday smallint check (weekday between 1 and 7),
  month_day smallint check (month_day between 1 and 31),
  valid_from date not null,
  valid_to date,
  place text check (length(place) between 1 and 300),
  created_by bigint references app_user (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (province_id, id),
  check (valid_to is null or valid_to >= valid_from),
  check ((recurrence = 'weekly') = (weekday is not null)),
  check ((recurrence = 'monthly') = (month_day is not null)),
  check (recurrence <> 'once' or valid_to = valid_from)
);
create index reception_schedule_unit on reception_schedule (province_id, unit_id, valid_from);

-- A reception session held: when, where, by which leader, regular or ad hoc, how many persons were received.
create table reception_session (
  id uuid not null,
  province_id bigint not null,
  unit_id bigint not null references admin_unit (id),
  schedule_id uuid,
  held_on date not null,
  kind text not null check (kind in ('regular', 'ad_hoc')),
  role_kind text not null check (role_kind in ('government_head', 'party_secretary', 'agency_head', 'other')),
  leader_person_id bigint references person (id),
  leader_name text not null check (length(leader_name) between 1 and 200),
  leader_position text not null check (length(leader_position) between 1 and 200),
  -- folded position: a leader named by position only is matched to its schedule without case or accents
  leader_key text not null,
  persons_received integer not null check (persons_received between 0 and 100000),
  notes text check (length(notes) <= 4000),
  created_by bigint references app_user (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (province_id, id),
  foreign key (province_id, schedule_id) references reception_schedule (province_id, id)
);
create index reception_session_unit on reception_session (province_id, unit_id, held_on);

-- The cases received at a session: cases of the petitions module of the same province.
create table reception_session_case (
  province_id bigint not null,
  session_id uuid not null,
  case_id uuid not null,
  primary key (province_id, session_id, case_id),
  foreign key (province_id, session_id) references reception_session (province_id, id) on delete cascade,
  foreign key (province_id, case_id) references petition_case (province_id, id)
);
create index reception_session_case_case on reception_session_case (province_id, case_id);

-- A direct dialogue (đối thoại trực tiếp) or a voter meeting (tiếp xúc cử tri): the leaders present (people or
-- positions, with their kind: a dialogue chaired by a head of the Party committee or the government counts for
-- seed 003 (1)), participants, issues raised.
create table reception_dialogue (
  id uuid not null,
  province_id bigint not null,
  unit_id bigint not null references admin_unit (id),
  kind text not null check (kind in ('dialogue', 'voter_meeting')),
  held_on date not null,
  subject text not null check (length(subject) between 1 and 500),
  place text check (length(place) between 1 and 300),
  -- [{ personId, name, position, roleKind }]
  leaders jsonb not null,
  -- true when a leader is the head of the Party committee or of the People's Committee (set from leaders)
  by_head boolean not null,
  participant_count integer not null check (participant_count between 0 and 1000000),
  participant_bodies text[] not null default '{}',
  issues text[] not null default '{}',
  notes text check (length(notes) <= 4000),
  created_by bigint references app_user (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (province_id, id)
);
create index reception_dialogue_unit on reception_dialogue (province_id, unit_id, held_on);

-- Supervision (giám sát) and social critique (phản biện xã hội) by the Fatherland Front or a socio-political
-- organisation of a unit: its level is the unit's level.
create table front_activity (
  id uuid not null,
  province_id bigint not null,
  unit_id bigint not null references admin_unit (id),
  kind text not null check (kind in ('supervision', 'critique')),
  body text not null check (body in ('mttq', 'trade_union', 'youth_union', 'women_union', 'farmers_union', 'veterans_union')),
  subject text not null check (length(subject) between 1 and 500),
  period_from date not null,
  period_to date not null,
  findings text check (length(findings) <= 20000),
  created_by bigint references app_user (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (province_id, id),
  check (period_to >= period_from)
);
create index front_activity_unit on front_activity (province_id, unit_id, period_to);

-- A recommendation (kiến nghị) from a dialogue, a voter meeting, a supervision or a critique, addressed to a body
-- (a unit of the system, or a body named in words), tracked until that body answers: sent → answered → closed;
-- overdue is not stored: a sent one past its deadline is overdue on the day it is read.
create table reception_recommendation (
  id uuid not null,
  province_id bigint not null,
  unit_id bigint not null references admin_unit (id),
  dialogue_id uuid,
  activity_id uuid,
  content text not null check (length(content) between 1 and 4000),
  addressed_unit_id bigint references admin_unit (id),
  addressed_body text not null check (length(addressed_body) between 1 and 300),
  sent_on date not null,
  due_on date not null,
  status text not null default 'sent' check (status in ('sent', 'answered', 'closed')),
  answer_text text check (length(answer_text) between 1 and 20000),
  answered_on date,
  closed_on date,
  created_by bigint references app_user (id),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (province_id, id),
  foreign key (province_id, dialogue_id) references reception_dialogue (province_id, id),
  foreign key (province_id, activity_id) references front_activity (province_id, id),
  check ((dialogue_id is null) <> (activity_id is null)),
  check (due_on >= sent_on),
  check ((status = 'sent') = (answered_on is null)),
  check ((answered_on is null) = (answer_text is null)),
  check ((status = 'closed') = (closed_on is not null))
);
create index reception_recommendation_unit on reception_recommendation (province_id, unit_id, due_on);
create index reception_recommendation_open on reception_recommendation (province_id, due_on) where status = 'sent';
create index reception_recommendation_dialogue on reception_recommendation (province_id, dialogue_id) where dialogue_id is not null;
create index reception_recommendation_activity on reception_recommendation (province_id, activity_id) where activity_id is not null;
