-- Surveys: cross-tabulation by a select_one question from tallies (issue 13 "Performance"). A survey names the
-- select_one questions it is crossed by (`cross_questions`, a few at most); for each, the write path keeps
-- survey_cross_tally in the same transaction as survey_tally: the keys survey_tally counts (see
-- 20261224T1000_surveys.sql), split by the response's answer to that question (`by_value`, a choice name).
-- A response that did not answer the question is not in its cross tally. Naming a question builds its rows from
-- the stored accepted responses; dropping it deletes them.
alter table survey add column cross_questions text[] not null default '{}';

-- BIG. Per survey × crossing question × its choice × question × value × unit × respondent group.
create table survey_cross_tally (
  province_id bigint not null,
  survey_id bigint not null,
  by_question text not null,
  by_value text not null,
  unit_id bigint not null,
  respondent_group text not null,
  question text not null,
  value text not null,
  count bigint not null check (count >= 0),
  primary key (province_id, survey_id, by_question, by_value, question, value, unit_id, respondent_group)
);
