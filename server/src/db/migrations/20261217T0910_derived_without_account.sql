-- A derived value may be refreshed by a write no account made: a citizen's filing on the public portal or through
-- Open311 moves the petitions' figures (cases received) in the filing's transaction. Such a store has no user;
-- only derived values may be stored that way (NOT VALID: existing rows all have a user, no scan of the big table).
alter table data_value alter column stored_by drop not null;
alter table data_value_change alter column changed_by drop not null;
alter table data_value_change add constraint data_value_change_author check (changed_by is not null or source = 'derived') not valid;
