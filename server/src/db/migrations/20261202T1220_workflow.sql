-- One row per state change of a record that follows a workflow (report approval, petition lifecycle, model
-- lifecycle). The record keeps its current state and a version; a transition updates both only if the version
-- is the one the user saw, and (entity, version) is unique here, so a stale transition is never applied twice.
-- A big table (SCALE.md): UUIDv7 id from the application, province_id, no foreign keys.
create table workflow_transition (
  id uuid not null,
  province_id bigint not null,
  entity_type text not null,
  entity_id text not null,
  from_state text not null,
  to_state text not null,
  -- the record's version after this transition (1 for the first)
  version integer not null check (version > 0),
  by_user_id bigint not null,
  at timestamptz not null,
  reason text,
  primary key (province_id, id),
  unique (province_id, entity_type, entity_id, version)
);
