-- Issue 7 A1: history flows forward, authority never flows sideways. A user's scope is their unit's subtree plus
-- the subtrees of all its predecessors, transitively, and never a successor: a 2025 commune sees the records of
-- the communes it came from (a split one whole, as each of its successors does), while an account on a 2019 unit
-- gains nothing of the 2025 unit it went into (it would otherwise see the other units merged into it).
-- Runs on every authenticated request, so every step is an index lookup by id: each level of the walk backwards
-- reads unit_succession_new (new_unit_id = one id, through array(…) so the planner cannot pick a hash join over
-- the whole table), the paths come by primary key. `union` stops on a cycle.
create or replace function unit_scope_paths(root_id bigint) returns ltree[]
  language sql stable
  as $$
    with recursive back(id) as (
      select root_id
      union
      select unnest(array(select s.old_unit_id from unit_succession s where s.new_unit_id = b.id)) from back b
    )
    select coalesce(array_agg(u.path order by u.path), '{}')
    from admin_unit u
    where u.id = any (array(select id from back))
  $$;
