-- Public sentiment (tình hình nhân dân, dư luận xã hội; issue 14 item 3): short reports by a village team, a commune
-- bloc or a cadre, early-warning rules (configuration), the alerts they raise and their follow-up notes.
-- sentiment_report, sentiment_alert and sentiment_alert_note are BIG tables (SCALE.md): UUIDv7 ids made by the
-- application (the report's by the browser, so a resend from the outbox stores nothing new), province_id NOT NULL
-- first in every key. Topics and rules are small configuration tables.

create table sentiment_topic (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name text not null check (length(name) between 1 and 200),
  -- the text of reports on a sensitive topic (religion) is read only with sentiment.readSensitive, each read audited
  sensitive boolean not null default false,
  sort integer not null default 0,
  active boolean not null default true
);
insert into sentiment_topic (code, name, sensitive, sort) values
  ('land', 'Đất đai', false, 1),
  ('policy', 'Chính sách', false, 2),
  ('prices', 'Giá cả, đời sống', false, 3),
  ('religion', 'Tôn giáo', true, 4),
  ('security', 'An ninh trật tự', false, 5),
  ('environment', 'Môi trường', false, 6),
  ('other', 'Khác', false, 99);

create table sentiment_rule (
  id bigint generated always as identity primary key,
  -- null: the national default, applied to every province that has no active rule of its own
  province_id bigint references admin_unit (id),
  name text not null check (length(name) between 1 and 300),
  -- null: any topic (reports counted per topic)
  topic text references sentiment_topic (code),
  min_severity text not null check (min_severity in ('low', 'medium', 'high', 'very_high')),
  min_reports integer not null check (min_reports between 1 and 1000),
  window_days integer not null check (window_days between 1 and 366),
  active boolean not null default true
);
insert into sentiment_rule (province_id, name, topic, min_severity, min_reports, window_days) values
  (null, 'Từ 3 báo cáo mức cao trở lên về một chủ đề ở một xã trong 14 ngày', null, 'high', 3, 14);

create table sentiment_report (
  id uuid not null,
  province_id bigint not null,
  -- where: a village or a commune; the commune (the village's parent) is kept for the rules and the table
  unit_id bigint not null references admin_unit (id),
  commune_id bigint not null references admin_unit (id),
  -- who: a Tổ dân vận / Khối dân vận of the registry, or none (the cadre who sent it)
  organization_id bigint references organization (id),
  topic text not null references sentiment_topic (code),
  severity text not null check (severity in ('low', 'medium', 'high', 'very_high')),
  people_count integer not null check (people_count between 0 and 1000000),
  trend text not null check (trend in ('rising', 'steady', 'falling')),
  text text not null check (length(text) between 1 and 4000),
  reported_on date not null,
  lat double precision check (lat between -90 and 90),
  lng double precision check (lng between -180 and 180),
  created_by bigint,
  created_at timestamptz not null,
  primary key (province_id, id),
  check ((lat is null) = (lng is null))
);
create index sentiment_report_commune on sentiment_report (province_id, commune_id, topic, reported_on);
create index sentiment_report_date on sentiment_report (province_id, reported_on desc);
create index sentiment_report_unit on sentiment_report (unit_id);

create table sentiment_alert (
  id uuid not null,
  province_id bigint not null,
  -- the commune the reports are about (readers: its subtree and the units above it)
  unit_id bigint not null references admin_unit (id),
  -- addressed to the level above: the commune's province (since 2025)
  addressed_unit_id bigint not null references admin_unit (id),
  rule_id bigint not null references sentiment_rule (id),
  topic text not null references sentiment_topic (code),
  status text not null default 'open' check (status in ('open', 'acknowledged', 'closed')),
  version integer not null default 1,
  report_count integer not null,
  first_report_on date not null,
  last_report_on date not null,
  raised_at timestamptz not null,
  -- a hot spot of the petitions module (a case's id), linked, never copied
  petition_case_id uuid,
  primary key (province_id, id)
);
-- one alert per rule × commune × topic while it is not closed: a new report updates it, raises no other
create unique index sentiment_alert_open on sentiment_alert (province_id, rule_id, unit_id, topic) where status <> 'closed';
create index sentiment_alert_unit on sentiment_alert (unit_id, status);

create table sentiment_alert_note (
  id uuid not null,
  province_id bigint not null,
  alert_id uuid not null,
  text text not null check (length(text) between 1 and 4000),
  by_user_id bigint,
  at timestamptz not null,
  primary key (province_id, id),
  foreign key (province_id, alert_id) references sentiment_alert (province_id, id)
);
create index sentiment_alert_note_alert on sentiment_alert_note (province_id, alert_id, at);
