-- Issue 9: the 4-level structure since 2019-01-01 (docs/design/unit-history.md). The replay of
-- resources/admin-units/history-2019-2025 adds the units that ended before 30/6/2025 and, for a commune that
-- changed district, one row per parent period (a row has one path), chained by 'moved' links.
alter table unit_succession drop constraint unit_succession_kind_check;
alter table unit_succession add constraint unit_succession_kind_check check (kind in ('merged', 'split', 'moved'));
-- 'likely': the successor is inferred (no published text found); such a link counts figures forward but grants no
-- scope until a system administrator confirms it
alter table unit_succession add column certainty text not null default 'certain' check (certainty in ('certain', 'likely'));
-- the resolution that made the change (e.g. 832/NQ-UBTVQH14); null for the links of 2025 (one reform)
alter table unit_succession add column instrument text;
alter table unit_succession add column confirmed_by bigint references app_user (id);
alter table unit_succession add column confirmed_at timestamptz;
alter table unit_succession add column confirm_reason text;

-- the official code of a unit's earlier parent period (the row of its last period carries `code`)
alter table admin_unit add column history_code text;
-- the resolution that created the unit (or, for a later parent period, moved it there); null when in force
-- before the data begins (the 1/1/2019 list) or not known
alter table admin_unit add column created_act text;
create index admin_unit_history_code on admin_unit (history_code) where history_code is not null;

-- Scope (issue 7 A1: history flows forward) follows only the links that are sure: certain ones, and likely ones
-- once confirmed. A wrong likely link would otherwise show one commune's records to the officials of another.
create or replace function unit_scope_paths(root_id bigint) returns ltree[]
  language sql stable
  as $$
    with recursive back(id) as (
      select root_id
      union
      select unnest(array(select s.old_unit_id from unit_succession s
                          where s.new_unit_id = b.id and (s.certainty = 'certain' or s.confirmed_at is not null))) from back b
    )
    select coalesce(array_agg(u.path order by u.path), '{}')
    from admin_unit u
    where u.id = any (array(select id from back))
  $$;
