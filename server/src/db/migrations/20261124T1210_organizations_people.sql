-- Organisations attached to a unit, people, and the roles people hold in organisations over terms.
create table organization (
  id bigint generated always as identity primary key,
  unit_id bigint not null references admin_unit (id),
  -- one of ORGANIZATION_TYPES in contracts/src/organizations.ts
  type text not null,
  name text not null check (length(name) between 1 and 300),
  -- a branch (chi hội, chi đoàn, chi bộ) points to the organisation above it
  parent_organization_id bigint references organization (id),
  -- enterprises only
  worker_count integer check (worker_count is null or worker_count >= 0),
  has_trade_union boolean,
  -- religious establishments only
  religion_name text,
  founded_on date,
  dissolved_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organization_unit on organization (unit_id);
create index organization_type on organization (type);

create table person (
  id bigint generated always as identity primary key,
  -- the unit whose registry holds this person (scopes who may see them)
  unit_id bigint not null references admin_unit (id),
  full_name text not null check (length(full_name) between 1 and 200),
  gender text check (gender in ('male', 'female', 'other')),
  birth_year integer check (birth_year between 1900 and 2100),
  phone text,
  -- sensitive under Decree 13/2023: read only by roles allowed by the people policy, every read audited
  ethnicity text,
  religion text,
  search_name text generated always as (fold_vi(full_name)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index person_unit on person (unit_id);
create index person_search_trgm on person using gin (search_name gin_trgm_ops);

-- A person's role in an organisation for a term; one person may hold several at once.
create table person_role (
  id bigint generated always as identity primary key,
  person_id bigint not null references person (id),
  organization_id bigint not null references organization (id),
  -- Vietnamese title as used locally: "Trưởng khối", "Tổ trưởng", "Bí thư chi bộ", "Thành viên"
  title text not null check (length(title) between 1 and 100),
  is_head boolean not null default false,
  term_from date not null,
  term_to date,
  created_at timestamptz not null default now(),
  check (term_to is null or term_to >= term_from)
);
create index person_role_person on person_role (person_id);
create index person_role_organization on person_role (organization_id);
