-- Surveys, the response store (issue 13). The XLSForm a version was read from is an attachment of the survey (files
-- platform) and an import of responses is a job: both are identified by UUIDv7, so the columns that name them are
-- uuid (the foundation declared them bigint; no row used them yet).
alter table survey_version alter column source_attachment_id type uuid using null::uuid;
alter table survey_response alter column import_job_id type uuid using null::uuid;

-- The list of a survey's responses, newest first (BIG table: province_id first).
create index survey_response_submitted on survey_response (province_id, survey_id, submitted_at desc, id);
