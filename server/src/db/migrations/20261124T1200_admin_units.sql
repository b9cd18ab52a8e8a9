-- Administrative units of both structures (2019: province/district/commune, 2025: province/commune) plus
-- user-entered villages, with validity dates, dated attribute changes and succession links.
create extension if not exists ltree;
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is only STABLE; this wrapper pins the dictionary so it can back an index. đ/Đ are folded
-- explicitly because not every unaccent.rules maps them.
create or replace function fold_vi(input text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(translate(public.unaccent('public.unaccent'::regdictionary, input), 'đĐ', 'dD')) $$;

create table admin_unit (
  id bigint generated always as identity primary key,
  -- '2019' = the 4-level structure in force until 2025-06-30, '2025' = the 2-level structure from 2025-07-01
  structure text not null check (structure in ('2019', '2025')),
  -- official statistics-office code; null for villages, which have no official code
  code text,
  name text not null check (length(name) between 1 and 200),
  full_name text not null,
  level text not null check (level in ('province', 'district', 'commune', 'village')),
  type text not null,
  parent_id bigint references admin_unit (id),
  -- ltree of ancestor ids, root first ("12.340.5678"); subtree = path <@ root.path
  path ltree not null,
  valid_from date,
  valid_to date,
  search_name text generated always as (fold_vi(full_name)) stored,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_from is null or valid_to >= valid_from),
  check ((level = 'province') = (parent_id is null))
);
create unique index admin_unit_structure_code on admin_unit (structure, code) where code is not null;
create index admin_unit_path_gist on admin_unit using gist (path);
create index admin_unit_parent on admin_unit (parent_id);
-- search ignores spaces too: "dakrong" finds "Huyện Đa Krông"
create index admin_unit_search_trgm on admin_unit using gin (replace(search_name, ' ', '') gin_trgm_ops);
create index admin_unit_level on admin_unit (structure, level);
-- one live village of a given name per commune
create unique index admin_unit_village_name on admin_unit (parent_id, lower(name)) where level = 'village' and valid_to is null;

-- Earlier attribute values of a unit whose name or type changed in place (a xã becoming a phường keeps its code
-- and children). The unit row holds the latest values; a row here holds the values of [valid_from, valid_to].
create table admin_unit_history (
  id bigint generated always as identity primary key,
  unit_id bigint not null references admin_unit (id),
  name text not null,
  full_name text not null,
  type text not null,
  valid_from date,
  valid_to date not null,
  act text
);
create index admin_unit_history_unit on admin_unit_history (unit_id, valid_to);

-- old unit -> new unit; 'merged' = all of the old unit went into the new one, 'split' = part of it did
create table unit_succession (
  old_unit_id bigint not null references admin_unit (id),
  new_unit_id bigint not null references admin_unit (id),
  kind text not null check (kind in ('merged', 'split')),
  effective_date date not null,
  primary key (old_unit_id, new_unit_id)
);
create index unit_succession_new on unit_succession (new_unit_id);

-- The subtrees a user of a unit may see: the unit itself plus its direct successors and predecessors, so a
-- commune's cadres keep their territory's records across the 2025 reform. Used by session lookup.
create or replace function unit_scope_paths(root_id bigint) returns ltree[]
  language sql stable
  as $$
    select coalesce(array_agg(distinct u.path), '{}')
    from admin_unit u
    where u.id = root_id
       or u.id in (select new_unit_id from unit_succession where old_unit_id = root_id)
       or u.id in (select old_unit_id from unit_succession where new_unit_id = root_id)
  $$;
