-- unit_scope_paths() ran on every authenticated request and scanned all of admin_unit: its OR of IN-subqueries
-- defeated the primary-key index (≈ 15 ms at national scale, bench/RESULTS.md). Same result, looked up by id.
create or replace function unit_scope_paths(root_id bigint) returns ltree[]
  language sql stable
  as $$
    select coalesce(array_agg(distinct u.path), '{}')
    from admin_unit u
    where u.id = any (array(
      select root_id
      union all select new_unit_id from unit_succession where old_unit_id = root_id
      union all select old_unit_id from unit_succession where new_unit_id = root_id))
  $$;
