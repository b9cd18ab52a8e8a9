-- Files attached to a record (programme documents, evidence photos, petition files, generated reports). The bytes
-- live in the blob store (DATA_DIR/files or S3), addressed by their sha256; a row here says who owns them. A big
-- table (SCALE.md): UUIDv7 id from the application, province_id of the owner's unit, no foreign keys to it.
create table attachment (
  id uuid not null,
  province_id bigint not null,
  -- the owning record: a type registered by a module ('organization', later 'petition', …) and its id as text
  owner_type text not null check (length(owner_type) between 1 and 50),
  owner_id text not null check (length(owner_id) between 1 and 100),
  -- the owner's unit when attached, for the audit log; reads are scoped through the owner, not through this
  unit_id bigint not null,
  filename text not null check (length(filename) between 1 and 255),
  mime_type text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by bigint not null,
  created_at timestamptz not null,
  primary key (province_id, id)
);
create index attachment_owner on attachment (province_id, owner_type, owner_id, created_at);
create index attachment_id on attachment (id);
