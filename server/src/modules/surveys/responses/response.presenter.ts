import type { TAnswers } from '#contracts/surveys/form.ts';
import type { TRespondentGroup, TResponseRevision, TSurveyResponse } from '#contracts/surveys/survey.schemas.ts';
import type { ResponseRow, RevisionRow } from './response.repository.ts';

/** A stored response; answers to the questions in `hidden` (sensitive, for a reader without the right) are left out. */
export function presentResponse(row: ResponseRow, hidden: ReadonlySet<string>): TSurveyResponse {
  const shown = (stored: unknown) => Object.fromEntries(Object.entries(stored as TAnswers).filter(([name]) => !hidden.has(name)));
  const answers = shown(row.answers);
  return {
    id: row.id,
    surveyId: row.survey_id,
    versionNumber: row.version_number,
    unitId: row.unit_id,
    unitName: row.unit_name,
    respondentGroup: row.respondent_group as TRespondentGroup,
    channel: row.channel,
    status: row.status,
    answers,
    submittedAt: new Date(row.submitted_at).toISOString(),
    enteredBy: row.entered_by_name,
    revision: row.revision,
    secondTyping: row.second_answers && row.second_at ? { answers: shown(row.second_answers), by: row.second_by_name, at: new Date(row.second_at).toISOString() } : null,
  };
}

/** An earlier state of a response, its hidden (sensitive) answers left out as in `presentResponse`. */
export function presentRevision(row: RevisionRow, hidden: ReadonlySet<string>): TResponseRevision {
  return {
    revision: row.revision,
    status: row.status as TResponseRevision['status'],
    answers: Object.fromEntries(Object.entries(row.answers as TAnswers).filter(([name]) => !hidden.has(name))),
    changedAt: new Date(row.changed_at).toISOString(),
    changedBy: row.changed_by_name,
    reason: row.reason,
  };
}
