-- Unit search by the forms people type: initials and abbreviations ("tp hcm", "tphcm", "hcm", "brvt"), names a
-- unit had before (admin_unit_history) and common names that are not official (unit_alias: "Thừa Thiên Huế",
-- "Sài Gòn"). Keys are computed once and stored; the unit keys are GIN-indexed.

-- Initials of a list of words: {ho, chi, minh} -> 'hcm'.
create or replace function initials_of(words text[]) returns text
  language sql immutable parallel safe strict
  as $$ select coalesce(string_agg(left(w, 1), '' order by i), '') from unnest(words) with ordinality as t(w, i) $$;

-- Search keys of a unit name, folded and without spaces. For the words w1..wn of the name and
-- k = 0..n: initials(w1..wk) || wk+1..wn joined, so "Thừa Thiên Huế" gives thuathienhue, tthienhue, tthue,
-- tth; each also prefixed with the initials of the type words in front of the name ("Thành phố" -> tp), so
-- "Thành phố Hồ Chí Minh" also gives tphcm, tphochiminh.
create or replace function unit_search_keys(full_name text, name text) returns text[]
  language sql immutable parallel safe strict
  as $$
    with w as (
      select array_remove(regexp_split_to_array(fold_vi(name), '[^a-z0-9]+'), '') as words,
             array_remove(regexp_split_to_array(
               fold_vi(case when right(full_name, length(name)) = name
                            then left(full_name, length(full_name) - length(name)) else '' end),
               '[^a-z0-9]+'), '') as type_words
    )
    select coalesce(array_agg(distinct p.prefix || k.key), '{}')
    from w
    cross join lateral (
      select initials_of(w.words[1:n]) || coalesce(array_to_string(w.words[n + 1:], ''), '') as key
      from generate_series(0, cardinality(w.words)) as n
    ) k
    cross join lateral (values (''), (initials_of(w.type_words))) as p(prefix)
    where k.key <> ''
  $$;

-- A query matches a key exactly ("tphcm" = key): the GIN array index answers that in a lookup. Partial names are
-- found by the trigram index on search_name, as before.
alter table admin_unit add column search_keys text[] generated always as (unit_search_keys(full_name, name)) stored;
create index admin_unit_search_keys on admin_unit using gin (search_keys);

-- earlier names are also matched in full (any part of the name, like search_name)
alter table admin_unit_history add column search_keys text[]
  generated always as (unit_search_keys(full_name, name) || replace(fold_vi(full_name), ' ', '')) stored;

-- Names in common use that are not (or no longer) official, e.g. "Thừa Thiên Huế" for Thành phố Huế. Loaded
-- from resources/admin-units/common-names.csv with the official units.
create table unit_alias (
  unit_id bigint not null references admin_unit (id),
  alias text not null check (length(alias) between 2 and 200),
  search_keys text[] generated always as (unit_search_keys(alias, alias) || replace(fold_vi(alias), ' ', '')) stored,
  primary key (unit_id, alias)
);
