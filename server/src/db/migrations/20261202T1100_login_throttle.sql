-- Failed logins counted per username and client address (OWASP ASVS 2.2.1), in the database so every app
-- process sees the same counts (SCALE.md rule 7). Replaces counting `login_failed` rows of the audit log per
-- username, which let anyone lock any account (the administrator's) out for everyone.
create table login_throttle (
  username text not null,
  -- the client's IP address as the app sees it (X-Forwarded-For only with TRUST_PROXY=true)
  client text not null,
  -- failures since the last success from this client; attempts are refused until blocked_until
  failures integer not null default 0,
  last_failure_at timestamptz,
  blocked_until timestamptz,
  -- a client that signed in as this username recently stays open when the username-wide ceiling is reached
  last_success_at timestamptz,
  primary key (username, client)
);

-- The ceiling per username across all clients (a fixed one-hour window) is counted in rate_limit_window, the
-- table of every fixed-window counter (migration 20261202T1500).
