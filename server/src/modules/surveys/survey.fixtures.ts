import type { Database } from '#server/db/database.ts';
import type { ScopeFixture } from '#server/shared/module.ts';
import { uuidv7 } from '#server/shared/uuidv7.ts';
import { insertSurvey, insertVersion, updateSurvey } from './survey.repository.ts';
import { insertResponses, type NewResponse } from './responses/response.repository.ts';

/** A survey of the commune with one version and one response, for the foreign-scope test. */
export async function surveyScopeFixtures(db: Database, unitId: number): Promise<ScopeFixture> {
  const now = new Date('2026-03-01T02:00:00Z');
  const survey = await insertSurvey(db, {
    unit_id: unitId,
    code: `KS-${unitId}`,
    title: `Khảo sát thử ${unitId}`,
    purpose: null,
    opens_on: null,
    closes_on: null,
    collects_identity: false,
    double_entry: false,
    decimals: 1,
    notes: null,
    search_text: `ks-${unitId} khao sat thu ${unitId}`,
    created_by: null,
    created_at: now,
  });
  const form = { title: 'Phiếu thử', defaultLanguage: '', languages: [''], items: [{ kind: 'question', name: 'q1', label: { '': 'Câu 1' }, type: 'text', required: false }], choiceLists: {} };
  await insertVersion(db, { province_id: survey.province_id, survey_id: survey.id, number: 1, form: JSON.stringify(form), source_attachment_id: null, created_by: null, created_at: now });
  await updateSurvey(db, survey, null, { current_version: 1, status: 'open' }, now);
  const responseId = uuidv7(now);
  await insertResponses(db, [responseRow({ id: responseId, survey, unitId, channel: 'paper', answer: 'Ý kiến', at: now })]);
  return {
    '/api/surveys': { unitId },
    '/api/surveys/:id': { id: survey.id },
    '/api/surveys/:id/progress': { id: survey.id },
    '/api/surveys/:id/responses': { id: survey.id },
    '/api/surveys/:id/responses/:responseId': { id: survey.id, responseId },
    '/api/surveys/:id/responses/:responseId/revisions': { id: survey.id, responseId },
    '/api/surveys/:id/versions/:number/xlsform': { id: survey.id, number: 1 },
    '/api/surveys/:id/tabulation': { id: survey.id },
    '/api/surveys/:id/tabulation.xlsx': { id: survey.id },
  };
}

/** An accepted response of the one-question form above (q1, a text), as the store writes it. */
export function responseRow(key: { id: string; survey: { id: number; province_id: number }; unitId: number; channel: NewResponse['channel']; answer: string; at: Date }): NewResponse {
  return {
    id: key.id,
    province_id: key.survey.province_id,
    survey_id: key.survey.id,
    version_number: 1,
    unit_id: key.unitId,
    respondent_group: 'citizen',
    channel: key.channel,
    status: 'accepted',
    answers: { q1: key.answer },
    cells: { q1: 'answered' },
    submitted_at: key.at,
    entered_by: null,
    invitation_id: null,
    import_job_id: null,
    created_at: key.at,
    updated_at: key.at,
  };
}
