-- Issue 9 item 10: what the 2025 reorganisation left open is a province's setting (contracts/src/settings.ts).
-- Append-only: every change is a row, the latest per (province, key) is in force, the default when none.
create table province_setting (
  id bigint generated always as identity primary key,
  province_id bigint not null references admin_unit (id),
  key text not null check (key ~ '^[A-Za-z]+\.[A-Za-z]+$'),
  value jsonb not null,
  reason text not null check (length(reason) between 5 and 500),
  set_by bigint not null references app_user (id),
  set_at timestamptz not null
);
create index province_setting_current on province_setting (province_id, key, id desc);
