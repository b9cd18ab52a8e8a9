-- Accounts, sessions and the audit log.
create table app_user (
  id bigint generated always as identity primary key,
  username text not null check (username ~ '^[a-z0-9._-]{3,50}$'),
  password_hash text not null,
  full_name text not null,
  -- null only for system administrators, who see every unit
  unit_id bigint references admin_unit (id),
  organization_id bigint references organization (id),
  -- subset of ROLES in contracts/src/auth.ts
  roles text[] not null check (cardinality(roles) > 0),
  must_change_password boolean not null default false,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index app_user_username on app_user (username);

create table app_session (
  -- sha256 of the cookie token: a leaked table does not leak live sessions
  token_hash text primary key,
  user_id bigint not null references app_user (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index app_session_user on app_session (user_id);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  user_id bigint references app_user (id),
  -- create | update | delete | read_protected | login | login_failed | logout | password_change | import
  action text not null,
  entity text not null,
  entity_id text,
  -- the unit the record belongs to, so admins see only their subtree's audit
  unit_id bigint references admin_unit (id),
  before jsonb,
  after jsonb,
  ip text
);
create index audit_log_at on audit_log (at desc);
create index audit_log_entity on audit_log (entity, entity_id);
create index audit_log_user on audit_log (user_id, at desc);
