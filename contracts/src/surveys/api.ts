import { z } from 'zod';
import { ZId } from '../common.ts';
import { endpoint } from '../endpoint.ts';
import { ZJob, ZUuidParams } from '../jobs.ts';
import {
  ZInvitationInput,
  ZInvitations,
  ZPublicSurvey,
  ZPublicTokenParams,
  ZResponseCorrection,
  ZResponseInput,
  ZResponseList,
  ZResponseListQuery,
  ZResponseReceipt,
  ZResponseRevisions,
  ZRespondentGroup,
  ZSurvey,
  ZSurveyInput,
  ZSurveyListQuery,
  ZSurveyPatch,
  ZSurveyProgress,
  ZSurveyResponse,
  ZSurveySummary,
  ZSurveyTargetsInput,
  ZSurveyVersionInput,
  ZVerifyInput,
  ZVerifyResult,
  ZXlsFormImportResult,
} from './survey.schemas.ts';
import { ZTabulation, ZTabulationQuery } from './tabulation.schemas.ts';

export * from './form.ts';
export * from './survey.schemas.ts';
export * from './tabulation.schemas.ts';

const ZSurveyParams = z.object({ id: ZId });
const ZVersionParams = z.object({ id: ZId, number: ZId });
const ZResponseParams = z.object({ id: ZId, responseId: ZUuidParams.shape.id });

/** Every endpoint of the surveys module (issue 13). */
export const surveyEndpoints = {
  list: endpoint({ method: 'GET', path: '/api/surveys', summary: 'Surveys in scope (and of the units above), newest first', query: ZSurveyListQuery, response: z.object({ items: z.array(ZSurveySummary) }) }),
  create: endpoint({ method: 'POST', path: '/api/surveys', summary: 'Create a survey of a unit in scope (draft, no questionnaire yet)', body: ZSurveyInput, response: ZSurvey }),
  get: endpoint({ method: 'GET', path: '/api/surveys/:id', summary: 'A survey with its current questionnaire, versions and targets', params: ZSurveyParams, response: ZSurvey }),
  update: endpoint({ method: 'PATCH', path: '/api/surveys/:id', summary: 'Change a survey or its status (names the version it read: 409 when stale); newly kept crossQuestions are built by a background job (crossTallies)', params: ZSurveyParams, body: ZSurveyPatch, response: ZSurvey }),
  addVersion: endpoint({ method: 'POST', path: '/api/surveys/:id/versions', summary: 'A new version of the questionnaire built in the UI (responses keep theirs)', params: ZSurveyParams, body: ZSurveyVersionInput, response: ZSurvey }),
  importXlsForm: endpoint({
    method: 'POST',
    path: '/api/surveys/:id/xlsform',
    summary: 'Read an XLSForm .xlsx into a new version; dryRun=true only reports. A refused file answers 200 with ok=false and every issue (sheet, row, column, message), nothing stored',
    params: ZSurveyParams,
    query: z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
    multipart: true,
    response: ZXlsFormImportResult,
  }),
  exportXlsForm: endpoint({ method: 'GET', path: '/api/surveys/:id/versions/:number/xlsform', summary: 'A version of the questionnaire as an XLSForm .xlsx', params: ZVersionParams, response: z.unknown().describe('xlsx bytes') }),
  setTargets: endpoint({ method: 'PUT', path: '/api/surveys/:id/targets', summary: 'Replace the sample: units and respondent groups with quotas', params: ZSurveyParams, body: ZSurveyTargetsInput, response: ZSurvey }),
  progress: endpoint({ method: 'GET', path: '/api/surveys/:id/progress', summary: 'Responses against the quotas, per targeted unit and group', params: ZSurveyParams, response: ZSurveyProgress }),
  publicLink: endpoint({ method: 'POST', path: '/api/surveys/:id/public-link', summary: 'Create (or replace) the public link; enabled=false removes it', params: ZSurveyParams, body: z.object({ enabled: z.boolean() }), response: ZSurvey }),
  invitations: endpoint({ method: 'POST', path: '/api/surveys/:id/invitations', summary: 'Personal links, one response each; the tokens are shown once', params: ZSurveyParams, body: ZInvitationInput, response: ZInvitations }),
  submit: endpoint({ method: 'POST', path: '/api/surveys/:id/responses', summary: 'A response typed by staff (paper keying): pending under double entry; a resent id stores nothing new', params: ZSurveyParams, body: ZResponseInput, response: ZResponseReceipt }),
  responses: endpoint({ method: 'GET', path: '/api/surveys/:id/responses', summary: 'Responses in scope, newest first', params: ZSurveyParams, query: ZResponseListQuery, response: ZResponseList }),
  response: endpoint({ method: 'GET', path: '/api/surveys/:id/responses/:responseId', summary: 'One response (sensitive answers only with the right; the read is audited)', params: ZResponseParams, response: ZSurveyResponse }),
  revisions: endpoint({ method: 'GET', path: '/api/surveys/:id/responses/:responseId/revisions', summary: 'The earlier states of a response, oldest first, with who changed it, when and why (sensitive answers only with the right)', params: ZResponseParams, response: ZResponseRevisions }),
  verify: endpoint({ method: 'POST', path: '/api/surveys/:id/responses/:responseId/verify', summary: 'Second typing of a double-entry paper form: accepted when it matches, else the differences', params: ZResponseParams, body: ZVerifyInput, response: ZVerifyResult }),
  correct: endpoint({ method: 'PATCH', path: '/api/surveys/:id/responses/:responseId', summary: 'Correct, accept or reject a response with a reason; the earlier state is kept', params: ZResponseParams, body: ZResponseCorrection, response: ZSurveyResponse }),
  importResponses: endpoint({
    method: 'POST',
    path: '/api/surveys/:id/imports',
    summary: 'Import responses from CSV or Excel in the KoboToolbox/ODK export layout (background job with progress and row errors); unitId and respondentGroup apply to rows without _unit / _group columns',
    params: ZSurveyParams,
    query: z.object({
      dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
      unitId: ZId.optional(),
      respondentGroup: ZRespondentGroup.optional(),
    }),
    multipart: true,
    response: ZJob,
  }),
  tabulation: endpoint({ method: 'GET', path: '/api/surveys/:id/tabulation', summary: 'Counts and percentages per question and choice (JSON), optionally crossed by unit, group or a select_one question', params: ZSurveyParams, query: ZTabulationQuery, response: ZTabulation }),
  tabulationXlsx: endpoint({ method: 'GET', path: '/api/surveys/:id/tabulation.xlsx', summary: 'The tabulation as an Excel workbook with Vietnamese labels', params: ZSurveyParams, query: ZTabulationQuery, response: z.unknown().describe('xlsx bytes') }),
  publicForm: endpoint({ method: 'GET', path: '/api/public/surveys/:token', summary: 'Public: the form behind a public or personal link (cached by the phone for offline use)', params: ZPublicTokenParams, response: ZPublicSurvey, public: true }),
  publicSubmit: endpoint({ method: 'POST', path: '/api/public/surveys/:token/responses', summary: 'Public: a respondent’s response; a resent id stores nothing new; limited per IP', params: ZPublicTokenParams, body: ZResponseInput, response: ZResponseReceipt, public: true }),
};

