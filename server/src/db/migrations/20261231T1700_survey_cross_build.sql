-- Surveys: the cross tally of a newly kept question is built by a background job (surveys.cross-build) in batches,
-- not in the PATCH that names it. While a row here exists the question is "building": the tabulation crossed by it
-- reads the responses (never a half-built tally), and the counting is split at a cursor over the survey's
-- responses in (unit_id, id) order: the responses at or before (done_unit, done_id) are in the cross tally (the job
-- counted them, later changes are applied by the write path as for a ready question); those after it are left to
-- the job. The job moves the cursor one batch at a time while holding the survey row (FOR NO KEY UPDATE) against
-- the writers, who read cross_questions FOR SHARE and then this row: each response is counted once. When the job
-- has passed the last response it deletes the row: the question is "ready".
create table survey_cross_build (
  province_id bigint not null,
  survey_id bigint not null,
  question text not null,
  job_id uuid not null,
  -- the last response counted, in (unit_id, id) order; null: none yet
  done_unit bigint,
  done_id uuid,
  done bigint not null default 0,
  primary key (province_id, survey_id, question),
  foreign key (province_id, survey_id) references survey (province_id, id) on delete cascade,
  check ((done_unit is null) = (done_id is null))
);

-- the job walks a survey's responses in (unit_id, id) order by keyset: the index by survey carries the id too
-- (the same prefix serves every earlier use of survey_response_survey)
drop index survey_response_survey;
create index survey_response_survey on survey_response (province_id, survey_id, unit_id, id);
