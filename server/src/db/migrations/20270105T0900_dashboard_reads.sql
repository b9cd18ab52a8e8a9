-- Issue 10 item 10, the dashboard under a province. Two reference-table reads it makes on every request:
--
-- unit_province_id() in PL/pgSQL: as a SQL function with a FROM clause it cannot be inlined, so every statement
-- calling it parsed and planned its body again (≈ 1.7 ms of a 4.5 ms dashboard totals read on PostgreSQL 15);
-- PL/pgSQL keeps the plan for the session. Same body, same result.
create or replace function unit_province_id(unit bigint) returns bigint
  language plpgsql stable
  as $$
  begin
    return (
      select coalesce(
        (select min(s.new_unit_id) from unit_succession s join admin_unit n on n.id = s.new_unit_id
          where s.old_unit_id = root.id and n.level = 'province'),
        root.id)
      from admin_unit u
      join admin_unit root on root.id = subpath(u.path, 0, 1)::text::bigint
      where u.id = unit);
  end
  $$;

-- Children in force on a date, counted per unit (the dashboard's and the unit tree's "n units below"): with the
-- validity in the index the count is an index-only scan instead of a heap visit per child. Replaces the plain index.
create index admin_unit_parent_valid on admin_unit (parent_id) include (valid_from, valid_to);
drop index admin_unit_parent;
