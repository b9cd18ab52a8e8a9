-- Issue 10: indicators, periodic reports and consolidation up the tree (docs/design/indicators.md §1).
-- Catalogue tables are small (identity ids, no province_id). data_value, data_value_change, report and data_total
-- are big tables (SCALE.md): province_id first in every key, UUIDv7 ids from the application, no
-- foreign keys from or to them.

-- Disaggregations (DHIS2 categories). Every element has a combo; the combo 'default' has one option combo.
create table category (
  id bigint generated always as identity primary key,
  code text not null unique,
  name text not null,
  dhis2_uid char(11) unique
);
create table category_option (
  id bigint generated always as identity primary key,
  category_id bigint not null references category (id),
  code text not null,
  name text not null,
  sort integer not null default 0,
  dhis2_uid char(11) unique,
  unique (category_id, code)
);
create table category_combo (
  id bigint generated always as identity primary key,
  code text not null unique,
  name text not null,
  -- 0..2 categories, in order
  category_ids bigint[] not null default '{}',
  dhis2_uid char(11) unique
);
create table category_option_combo (
  id bigint generated always as identity primary key,
  combo_id bigint not null references category_combo (id),
  code text not null unique,
  name text not null,
  option_ids bigint[] not null default '{}',
  dhis2_uid char(11) unique
);
with combo as (insert into category_combo (code, name, dhis2_uid) values ('default', 'Không phân tổ', 'bjDvmb4bfuf') returning id)
insert into category_option_combo (combo_id, code, name, dhis2_uid) select id, 'default', 'Không phân tổ', 'HllvX50cXC0' from combo;

create table data_element (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[A-Za-z0-9_-]{1,50}$'),
  dhis2_uid char(11) unique,
  name text not null check (length(name) between 1 and 300),
  short_name text not null,
  value_type text not null check (value_type in ('number', 'integer', 'percentage', 'yes_no', 'text')),
  -- percentages and text are never summed: above a unit a percentage is an indicator over summed parts
  aggregation text not null check (aggregation in ('sum', 'none')),
  unit_of_measure text,
  combo_id bigint not null references category_combo (id),
  -- a 0 is a real answer ("0 đơn thư"); when false, DHIS2 ignores zeros on import
  zero_significant boolean not null default true,
  source text not null default 'entered' check (source in ('entered', 'derived')),
  -- 'organizations.villages_with_team' when the value is computed by a module, not typed
  derived_code text unique,
  -- the province (or nation: null) that defined it
  owner_unit_id bigint references admin_unit (id),
  created_at timestamptz not null default now(),
  check ((source = 'derived') = (derived_code is not null)),
  check (aggregation = 'none' or value_type not in ('text', 'percentage'))
);

create table indicator (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[A-Za-z0-9_-]{1,50}$'),
  dhis2_uid char(11) unique,
  name text not null check (length(name) between 1 and 300),
  description text,
  numerator text not null,
  denominator text not null default '1',
  -- 100 for a percentage
  factor numeric not null default 1,
  decimals integer not null default 1 check (decimals between 0 and 4),
  unit_of_measure text,
  target numeric,
  target_direction text check (target_direction in ('higher', 'lower')),
  owner_unit_id bigint references admin_unit (id),
  created_at timestamptz not null default now(),
  check ((target is null) = (target_direction is null))
);

create table data_set (
  id bigint generated always as identity primary key,
  code text not null unique check (code ~ '^[A-Za-z0-9_-]{1,50}$'),
  dhis2_uid char(11) unique,
  name text not null check (length(name) between 1 and 300),
  period_type text not null check (period_type in ('monthly', 'quarterly', 'six_monthly', 'yearly')),
  -- due date = period end + due_days; entry closes at period end + lock_days
  due_days integer not null check (due_days between 0 and 366),
  lock_days integer not null check (lock_days between 0 and 732),
  -- the province (or national root) that collects it and approves the reports
  owner_unit_id bigint not null references admin_unit (id),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  check (lock_days >= due_days)
);
create table data_set_element (
  data_set_id bigint not null references data_set (id),
  -- an element belongs to one data set: locking and approval of a value are then unambiguous
  data_element_id bigint not null unique references data_element (id),
  section text,
  sort integer not null default 0,
  required boolean not null default false,
  primary key (data_set_id, data_element_id)
);
-- Which units report: every unit of a level inside the owner's subtree, or units named one by one.
create table data_set_assignment (
  id bigint generated always as identity primary key,
  data_set_id bigint not null references data_set (id),
  level text check (level in ('province', 'district', 'commune', 'village')),
  unit_id bigint references admin_unit (id),
  check ((level is null) <> (unit_id is null))
);
create unique index data_set_assignment_level on data_set_assignment (data_set_id, level) where level is not null;
create unique index data_set_assignment_unit on data_set_assignment (data_set_id, unit_id) where unit_id is not null;

create table validation_rule (
  id bigint generated always as identity primary key,
  data_set_id bigint not null references data_set (id),
  code text not null unique check (code ~ '^[A-Za-z0-9_-]{1,50}$'),
  left_side text not null,
  operator text not null check (operator in ('==', '!=', '<', '<=', '>', '>=')),
  right_side text not null,
  -- error blocks submission, warning is shown only
  severity text not null check (severity in ('error', 'warning')),
  missing text not null default 'skip_if_any_missing' check (missing in ('skip_if_any_missing', 'never_skip')),
  -- Vietnamese, data not code
  message text not null check (length(message) between 1 and 500)
);
create index validation_rule_set on validation_rule (data_set_id);

-- The current value, one row per (unit, period, element, disaggregation).
create table data_value (
  id uuid not null,
  province_id bigint not null,
  unit_id bigint not null,
  period text not null,
  data_element_id bigint not null,
  coc_id bigint not null,
  num numeric,
  txt text,
  comment text,
  followup boolean not null default false,
  deleted boolean not null default false,
  version integer not null check (version > 0),
  stored_by bigint not null,
  stored_at timestamptz not null,
  created_at timestamptz not null,
  primary key (province_id, id),
  unique (province_id, unit_id, period, data_element_id, coc_id)
);
create index data_value_element_period on data_value (province_id, data_element_id, period);

-- Every accepted write, the first included: nothing is overwritten silently. The id is the client's write id
-- (UUIDv7), so a write sent twice is stored once.
create table data_value_change (
  id uuid not null,
  province_id bigint not null,
  data_value_id uuid not null,
  version integer not null,
  old_num numeric,
  old_txt text,
  new_num numeric,
  new_txt text,
  deleted boolean not null,
  changed_by bigint not null,
  changed_at timestamptz not null,
  source text not null check (source in ('form', 'excel', 'dhis2', 'derived', 'demo')),
  job_id uuid,
  primary key (province_id, id),
  unique (province_id, data_value_id, version)
);

-- One report per (data set, reporting unit, period), following the report workflow.
create table report (
  id uuid not null,
  province_id bigint not null,
  unit_id bigint not null,
  data_set_id bigint not null,
  period text not null,
  state text not null default 'draft' check (state in ('draft', 'submitted', 'accepted', 'returned', 'approved')),
  version integer not null default 0,
  -- whose turn it is: the unit itself while draft/returned, then each ancestor up to the data set's owner
  holder_unit_id bigint not null,
  first_submitted_at timestamptz,
  on_time boolean,
  approved_at timestamptz,
  created_at timestamptz not null,
  primary key (province_id, id),
  unique (province_id, data_set_id, unit_id, period)
);
create index report_holder on report (province_id, holder_unit_id, state);

-- Totals of values maintained in the write's transaction (SCALE.md rule 5); completeness reads report itself
-- (one row per reporting unit and period, bounded by the units of a subtree). view 'entered' = the unit and its ancestors in
-- its own structure; 'current' = its latest successors (share of a split) and their ancestors, for reading
-- history under today's units. unit_id is the rollup target; province_id is the target's 2025 province.
create table data_total (
  province_id bigint not null,
  view text not null check (view in ('entered', 'current')),
  unit_id bigint not null,
  period text not null,
  data_element_id bigint not null,
  coc_id bigint not null,
  sum numeric not null default 0,
  -- the part of sum that comes from a split unit's share (< 1): shown as an estimate
  apportioned numeric not null default 0,
  -- values contributing (0 = no data, not "0")
  n_values integer not null default 0,
  primary key (province_id, view, unit_id, data_element_id, period, coc_id)
);

-- DHIS2 identifiers of our units (villages have no official code): import and export by uid.
create table dhis2_id (
  object_type text not null check (object_type in ('unit')),
  local_id bigint not null,
  uid char(11) not null,
  primary key (object_type, uid),
  unique (object_type, local_id)
);

-- Share of an old unit's figures that goes to a successor when it was split (null = equal parts).
alter table unit_succession add column share numeric check (share is null or (share > 0 and share <= 1));

-- The 2025 province of any unit (SCALE.md rule 1): the root of its path, or for a 2019 root its 2025 successor.
create or replace function unit_province_id(unit bigint) returns bigint
  language sql stable
  as $$
    select coalesce(
      (select min(s.new_unit_id) from unit_succession s join admin_unit n on n.id = s.new_unit_id
        where s.old_unit_id = root.id and n.level = 'province'),
      root.id)
    from admin_unit u
    join admin_unit root on root.id = subpath(u.path, 0, 1)::text::bigint
    where u.id = unit
  $$;

-- Where a value entered on a unit is added up (docs/design/indicators.md §4), from reference tables only:
-- view 'entered': the unit and its ancestors, share 1;
-- view 'current': walking up from the unit, the first unit still in force (no successor, not ended) and its
-- ancestors; a unit with successors passes its value to each of them (a split with its share, null = equal
-- parts), an ended unit without successors (a 2019 village) passes it to its parent. Shares reaching the same
-- target by several paths add up (both halves of a split commune land in one province).
create or replace function unit_rollup_targets(unit bigint)
  returns table (view text, target_id bigint, share numeric)
  language sql stable
  as $$
    with recursive walk(id, share, depth) as (
      select unit, 1::numeric, 0
      union all
      select nxt.id, nxt.share, w.depth + 1
      from walk w
      join admin_unit u on u.id = w.id
      cross join lateral (
        select s.new_unit_id as id,
               w.share * coalesce(s.share, case when s.kind = 'split'
                 then 1::numeric / (select count(*) from unit_succession x where x.old_unit_id = s.old_unit_id and x.kind = 'split')
                 else 1::numeric end) as share
          from unit_succession s where s.old_unit_id = w.id
        union all
        select u.parent_id, w.share
          where u.valid_to is not null and u.parent_id is not null
            and not exists (select 1 from unit_succession s where s.old_unit_id = w.id)
      ) nxt
      where w.depth < 12
    ),
    live as (
      select w.id, sum(w.share) as share
      from walk w join admin_unit u on u.id = w.id
      where u.valid_to is null and not exists (select 1 from unit_succession s where s.old_unit_id = w.id)
      group by w.id
    )
    select 'entered', a.id, 1::numeric
      from admin_unit u cross join lateral unnest(string_to_array(ltree2text(u.path), '.')::bigint[]) a(id)
      where u.id = unit
    union all
    select 'current', a.id, sum(l.share)
      from live l join admin_unit lu on lu.id = l.id
      cross join lateral unnest(string_to_array(ltree2text(lu.path), '.')::bigint[]) a(id)
      group by a.id
  $$;
