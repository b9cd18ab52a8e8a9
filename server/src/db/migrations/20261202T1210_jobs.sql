-- Background jobs (imports, exports): a table-backed queue polled by every app process. A worker claims a row
-- with FOR UPDATE SKIP LOCKED inside a transaction, so several processes never run the same job; no
-- LISTEN/NOTIFY, no session state (PgBouncer in transaction mode works). Progress is written as it goes.
create table job (
  id uuid primary key,
  kind text not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
  payload jsonb not null,
  -- what the job works on ('admin_unit:123'), so a page finds its running job again after a reload
  target text not null,
  progress_done integer not null default 0,
  progress_total integer,
  result jsonb,
  error text,
  owner_user_id bigint not null,
  unit_id bigint,
  attempts integer not null default 0,
  max_attempts integer not null default 3,
  run_after timestamptz not null,
  -- the process holding it and until when; a crashed holder's job is claimed again once the lease runs out
  locked_by text,
  locked_until timestamptz,
  created_at timestamptz not null,
  finished_at timestamptz
);
create index job_due on job (run_after) where status in ('queued', 'running');
create index job_owner_target on job (owner_user_id, target, created_at desc);
