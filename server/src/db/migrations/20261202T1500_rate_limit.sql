-- Request limits per client (the per-IP login limit) counted in the database, not in one process's memory, so
-- several app processes behind a load balancer share one count (docs SCALE.md rule 7). One row per key and
-- fixed window; rows of finished windows are swept.
create table rate_limit_window (
  key text primary key,
  window_started_at timestamptz not null,
  hits integer not null
);
