-- The public portal of citizens' cases (issue 12, must have 6): what the portal keeps beside a case it filed.
-- petition_portal_submission is a big table like petition_case (one row per publicly filed case): province_id
-- first in its key and its foreign key. The tracking secret is kept only as a SHA-256 hash; the photo's bytes are
-- in the blob store (by sha256). No IP address is stored here (the per-IP counts live in rate_limit_window).
create table petition_portal_submission (
  province_id bigint not null,
  case_id uuid not null,
  -- how it came: the portal's form, or Open311 POST requests.json
  via text not null check (via in ('portal', 'open311')),
  -- sha256 (hex) of the secret given to the citizen with the tracking code
  secret_hash text not null check (secret_hash ~ '^[0-9a-f]{64}$'),
  photo_sha256 text check (photo_sha256 ~ '^[0-9a-f]{64}$'),
  photo_mime text check (photo_mime in ('image/jpeg', 'image/png', 'image/webp')),
  photo_bytes integer check (photo_bytes between 1 and 5242880),
  -- words the citizen gave for the place (address_string in Open311)
  place text check (length(place) between 1 and 300),
  created_at timestamptz not null,
  primary key (province_id, case_id),
  foreign key (province_id, case_id) references petition_case (province_id, id),
  check ((photo_sha256 is null) = (photo_mime is null) and (photo_sha256 is null) = (photo_bytes is null))
);

-- The key that signs the portal's form tokens (their issue time proves the minimum fill time): one random key
-- per database, so every app process checks the tokens of every other.
create table petition_portal_key (
  id smallint primary key check (id = 1),
  key text not null check (length(key) >= 32)
);
insert into petition_portal_key (id, key)
  values (1, md5(random()::text || clock_timestamp()::text) || md5(random()::text || clock_timestamp()::text || 'portal'));
