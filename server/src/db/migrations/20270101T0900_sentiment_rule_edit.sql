-- Early-warning rules edited by the provinces (issue 14 item 3: "rules that are configuration"). A rule keeps its id;
-- every change makes a new version (sentiment_rule.version + 1) and stores the rule as it now reads in
-- sentiment_rule_version, so nothing is lost: an alert names the version it was raised under (rule_id, rule_version)
-- and still shows that text after the rule changes. sentiment_rule holds the current version (optimistic concurrency:
-- a change names the version it was made from, a stale one is refused).

alter table sentiment_rule
  add column version integer not null default 1,
  add column updated_by bigint references app_user (id),
  add column updated_at timestamptz;

create table sentiment_rule_version (
  rule_id bigint not null references sentiment_rule (id),
  version integer not null check (version >= 1),
  name text not null check (length(name) between 1 and 300),
  topic text references sentiment_topic (code),
  min_severity text not null check (min_severity in ('low', 'medium', 'high', 'very_high')),
  min_reports integer not null check (min_reports between 1 and 1000),
  window_days integer not null check (window_days between 1 and 366),
  active boolean not null,
  -- who made this version and when (null: the rules the migrations wrote)
  changed_by bigint references app_user (id),
  changed_at timestamptz,
  primary key (rule_id, version)
);
insert into sentiment_rule_version (rule_id, version, name, topic, min_severity, min_reports, window_days, active)
  select id, version, name, topic, min_severity, min_reports, window_days, active from sentiment_rule;

-- the version an alert was raised under (the alerts raised so far: version 1, the only one there was)
alter table sentiment_alert add column rule_version integer not null default 1;
alter table sentiment_alert add constraint sentiment_alert_rule_version foreign key (rule_id, rule_version) references sentiment_rule_version (rule_id, version);
create index sentiment_rule_province on sentiment_rule (province_id);
