-- Citizens' cases (DOMAIN.md capability 5; issue 12): complaints (khiếu nại), denunciations (tố cáo),
-- recommendations (kiến nghị) and feedback (phản ánh), their persons and their immutable history of steps.
-- petition_case, petition_person and petition_step are big tables (SCALE.md): UUIDv7 ids from the application,
-- province_id NOT NULL (the 2025 province of the receiving unit, never updated), province_id first in every key
-- and in every foreign key between them. petition_field is a small catalogue (national defaults + additions of a
-- province); big tables reference it, never the other way round.
create extension if not exists btree_gin;

create table petition_field (
  id bigint generated always as identity primary key,
  code text not null check (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name text not null check (length(name) between 1 and 200),
  -- null: a national default every province sees; else the province that added it
  province_id bigint references admin_unit (id),
  position integer not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index petition_field_national_code on petition_field (code) where province_id is null;
create unique index petition_field_province_code on petition_field (province_id, code) where province_id is not null;

insert into petition_field (code, name, position) values
  ('land', 'Đất đai', 10),
  ('compensation_clearance', 'Bồi thường, hỗ trợ, tái định cư, giải phóng mặt bằng', 20),
  ('social_policy', 'Chính sách xã hội, người có công', 30),
  ('environment', 'Môi trường', 40),
  ('officials_conduct', 'Tinh thần, thái độ, trách nhiệm của cán bộ, công chức', 50),
  ('administrative_procedure', 'Thủ tục hành chính', 60),
  ('infrastructure', 'Hạ tầng, giao thông, đô thị', 70),
  ('justice', 'Tư pháp, thi hành án', 80),
  ('corruption', 'Tham nhũng, tiêu cực', 90),
  ('other', 'Lĩnh vực khác', 1000);

-- The last tracking number given per province and year (codes: province code, year, number: "45-2026-000123").
create table petition_code_counter (
  province_id bigint not null references admin_unit (id),
  year integer not null check (year between 2000 and 2100),
  last_number integer not null check (last_number >= 0),
  primary key (province_id, year)
);

create table petition_case (
  id uuid not null,
  province_id bigint not null,
  -- the unit that received the case and handles it (scope: readers are this unit's subtree)
  unit_id bigint not null references admin_unit (id),
  -- where the matter is: a commune (hot spots by commune), optionally a village, optionally a point
  commune_id bigint references admin_unit (id),
  village_id bigint references admin_unit (id),
  lat double precision check (lat between -90 and 90),
  lon double precision check (lon between -180 and 180),
  -- tracking code given to the citizen, unique per province ("QT-2026-000123")
  code text not null check (length(code) between 3 and 40),
  kind text not null check (kind in ('complaint', 'denunciation', 'petition', 'feedback')),
  channel text not null check (channel in ('in_person', 'mail', 'phone', 'web', 'hotline', 'forwarded', 'portal')),
  field_id bigint not null references petition_field (id),
  subject text not null check (length(subject) between 1 and 500),
  content text not null check (length(content) between 1 and 20000),
  received_on date not null,
  status text not null default 'received' check (status in (
    'received', 'accepted', 'refused', 'transferred', 'verifying', 'concluded', 'notified', 'appealed', 'closed',
    'withdrawn', 'duplicate')),
  -- 1, or 2 after an appeal (complaints: second instance)
  instance smallint not null default 1 check (instance in (1, 2)),
  crowd boolean not null default false,
  above_level boolean not null default false,
  prolonged boolean not null default false,
  hot_spot boolean not null default false,
  person_count integer not null default 1 check (person_count between 0 and 100000),
  -- a confirmed duplicate of an earlier case of the same province: linked, not counted twice
  duplicate_of_id uuid,
  -- the case of another unit this one was transferred from (no foreign key: it may be of another province)
  origin_case_id uuid,
  origin_province_id bigint,
  -- the competent body: a unit of the system, or a body named in words (a court, the police, a department)
  competent_unit_id bigint references admin_unit (id),
  competent_body text check (length(competent_body) between 1 and 300),
  handler_user_id bigint references app_user (id),
  accepted_on date,
  -- the legal rule version in force on received_on (legal module), and the current deadline from it
  rule_set_code text,
  due_on date,
  extensions smallint not null default 0 check (extensions between 0 and 2),
  complex boolean not null default false,
  remote_area boolean not null default false,
  resolved_on date,
  closed_on date,
  -- how it ended against its deadline (Hue-S): on time, late, late after an extension
  outcome text check (outcome in ('on_time', 'late', 'late_extended')),
  satisfaction text check (satisfaction in ('satisfied', 'neutral', 'unsatisfied')),
  public_answer text check (length(public_answer) between 1 and 20000),
  answer_published boolean not null default false,
  answered_on date,
  source text not null check (source in ('officer', 'portal')),
  created_by bigint references app_user (id),
  -- folded (no diacritics, lower case) code, subject, content and names of non-protected persons, for search
  search_text text not null,
  subject_fold text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (province_id, id),
  unique (province_id, code),
  foreign key (province_id, duplicate_of_id) references petition_case (province_id, id),
  check (duplicate_of_id is null or duplicate_of_id <> id),
  check (status <> 'duplicate' or duplicate_of_id is not null),
  check (status <> 'closed' or closed_on is not null)
);
-- search without diacritics within a province ("dat dai" finds "đất đai")
create index petition_case_search on petition_case using gin (province_id, search_text gin_trgm_ops);
-- duplicates: similar subjects among a province's cases
create index petition_case_subject on petition_case using gin (province_id, subject_fold gin_trgm_ops);
-- overdue and due-soon lists of a province
create index petition_case_due on petition_case (province_id, status, due_on);
create index petition_case_open_due on petition_case (province_id, due_on) where closed_on is null and due_on is not null;
-- lists of a unit by date, hot spots by commune
create index petition_case_unit on petition_case (province_id, unit_id, received_on);
create index petition_case_commune on petition_case (province_id, commune_id, received_on) where commune_id is not null;
create index petition_case_received on petition_case (province_id, received_on);
create index petition_case_duplicate on petition_case (province_id, duplicate_of_id) where duplicate_of_id is not null;
create index petition_case_handler on petition_case (province_id, handler_user_id) where handler_user_id is not null;

-- The persons who filed a case (one, or many for a crowd case). A denouncer's identity (Luật Tố cáo 2018) is
-- stored only encrypted by the application (AES-256-GCM, key from configuration): full_name, id_number, phone,
-- address and birth_year stay null, identity_cipher holds them, and name_key (an HMAC of the folded name) lets
-- duplicates be matched without revealing it. A database dump alone does not reveal a denouncer.
create table petition_person (
  id uuid not null,
  province_id bigint not null,
  case_id uuid not null,
  position smallint not null check (position >= 0),
  role text not null default 'filer' check (role in ('filer', 'representative')),
  protected boolean not null default false,
  full_name text check (length(full_name) between 1 and 200),
  name_fold text,
  birth_year smallint check (birth_year between 1900 and 2100),
  gender text check (gender in ('male', 'female', 'other')),
  id_number text check (length(id_number) between 1 and 30),
  phone text check (length(phone) between 1 and 30),
  email text check (length(email) between 3 and 200),
  address text check (length(address) between 1 and 500),
  identity_cipher text,
  cipher_key_id text,
  name_key text,
  contact_key text,
  primary key (province_id, id),
  unique (province_id, case_id, position),
  foreign key (province_id, case_id) references petition_case (province_id, id),
  check (protected = (identity_cipher is not null)),
  check (not protected or (full_name is null and name_fold is null and birth_year is null and id_number is null
    and phone is null and email is null and address is null)),
  check (protected or full_name is not null)
);
create index petition_person_case on petition_person (province_id, case_id);
create index petition_person_name on petition_person (province_id, name_fold) where name_fold is not null;
create index petition_person_name_key on petition_person (province_id, name_key) where name_key is not null;

-- The history of a case: one row per step (received, accepted, transferred, extended, concluded, …), with who,
-- when, the legal date, the documents (attachments owned by the case), the deadlines computed at that step and
-- the case's due date after it. Append-only: a trigger refuses UPDATE and DELETE.
create table petition_step (
  id uuid not null,
  province_id bigint not null,
  case_id uuid not null,
  -- the case's version after this step (1 = received)
  seq integer not null check (seq > 0),
  kind text not null check (kind in (
    'receive', 'duplicate_confirm', 'duplicate_reject', 'accept', 'refuse', 'transfer', 'assign', 'verify', 'extend',
    'conclude', 'notify', 'appeal', 'close', 'withdraw', 'satisfaction', 'publish', 'document', 'note', 'flags')),
  from_status text,
  to_status text,
  -- null for a step made by a citizen on the portal
  by_user_id bigint,
  at timestamptz not null,
  -- the legal date of the step (decision, notification), which deadlines count from
  on_date date not null,
  note text check (length(note) <= 4000),
  file_ids uuid[] not null default '{}',
  due_on date,
  deadlines jsonb,
  data jsonb not null default '{}',
  primary key (province_id, id),
  unique (province_id, case_id, seq),
  foreign key (province_id, case_id) references petition_case (province_id, id)
);
create index petition_step_case on petition_step (province_id, case_id, seq);

create or replace function petition_step_append_only() returns trigger
  language plpgsql
  as $$ begin raise exception 'petition_step is append-only: % refused', tg_op; end $$;
create trigger petition_step_no_update before update or delete on petition_step
  for each row execute function petition_step_append_only();
