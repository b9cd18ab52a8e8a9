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

-- Attempts per username across all clients in a fixed one-hour window: the ceiling against guessing spread
-- over many addresses.
create table login_throttle_window (
  username text primary key,
  window_started_at timestamptz not null,
  attempts integer not null
);
