-- The second typing of a double-entry paper form that differed from the first, kept on the response (pending) so
-- the verifier compares the two stored typings instead of typing the paper a third time. The latest second typing
-- replaces an earlier one (each is in the audit log); settling the form keeps it beside the revisions.
alter table survey_response
  add column second_answers jsonb,
  add column second_by bigint references app_user (id),
  add column second_at timestamptz;
