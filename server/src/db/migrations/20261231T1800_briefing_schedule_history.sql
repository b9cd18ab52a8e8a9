-- Briefing recurrence history (issue 14, item 2): a change of a bloc's or team's recurrence is dated and kept, so a
-- past period is judged (due, held, missed) by the recurrence in force then. One row per change: the recurrence
-- from valid_from on (the first day of a period of that recurrence) until the next row's valid_from. The rows kept
-- before changes were dated have no valid_from: they hold since always. No row: monthly.
alter table briefing_schedule drop constraint briefing_schedule_pkey;
alter table briefing_schedule add column id bigint generated always as identity primary key;
alter table briefing_schedule add column valid_from date check (valid_from is null or extract(day from valid_from) = 1);
alter table briefing_schedule add constraint briefing_schedule_change unique nulls not distinct (organization_id, valid_from);
