import type { FastifyInstance } from 'fastify';
import { surveyEndpoints } from '#contracts/surveys/api.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { PUBLIC_FORM_PER_MINUTE, PUBLIC_SUBMIT_PER_MINUTE, publicForm, publicSubmit } from './responses/public.service.ts';
import { MAX_RESPONSE_UPLOAD_BYTES, startResponseImport } from './responses/response-import.ts';
import { correct, getResponse, listResponses, listRevisions, submitResponse, verify } from './responses/response.service.ts';
import { exportXlsForm, importXlsForm } from './survey-xlsform.service.ts';
import { addVersion, createInvitations, createSurvey, getSurvey, listSurveys, setPublicLink, setTargets, surveyProgress, updateSurvey } from './survey.service.ts';

/** Survey endpoints (contracts/src/surveys/api.ts) but the tabulation's, which tabulation/ registers. */
export function registerSurveyRoutes(app: FastifyInstance, context: ModuleContext): void {
  const { db } = context;
  const e = surveyEndpoints;
  registerEndpoint(app, e.list, async ({ actor, query }) => listSurveys(db, actor, query));
  registerEndpoint(app, e.create, async ({ actor, body }) => createSurvey(db, actor, body));
  registerEndpoint(app, e.get, async ({ actor, params }) => getSurvey(db, actor, params.id));
  registerEndpoint(app, e.update, async ({ actor, params, body }) => updateSurvey(context, actor, params.id, body));
  registerEndpoint(app, e.addVersion, async ({ actor, params, body }) => addVersion(db, actor, params.id, body.form));
  registerEndpoint(app, e.importXlsForm, async ({ actor, params, query, file }) => importXlsForm(context, actor, params.id, file, query.dryRun));
  registerEndpoint(app, e.exportXlsForm, async ({ actor, params, reply }) => {
    const { filename, data } = await exportXlsForm(db, actor, params.id, params.number);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    return reply.send(data);
  });
  registerEndpoint(app, e.setTargets, async ({ actor, params, body }) => setTargets(db, actor, params.id, body));
  registerEndpoint(app, e.progress, async ({ actor, params }) => surveyProgress(db, actor, params.id));
  registerEndpoint(app, e.publicLink, async ({ actor, params, body }) => setPublicLink(db, actor, params.id, body.enabled));
  registerEndpoint(app, e.invitations, async ({ actor, params, body }) => createInvitations(db, actor, params.id, body));
  registerEndpoint(app, e.submit, async ({ actor, params, body }) => submitResponse(db, actor, params.id, body));
  registerEndpoint(app, e.responses, async ({ actor, params, query }) => listResponses(db, actor, params.id, query));
  registerEndpoint(app, e.response, async ({ actor, params }) => getResponse(db, actor, params.id, params.responseId));
  registerEndpoint(app, e.revisions, async ({ actor, params }) => listRevisions(db, actor, params.id, params.responseId));
  registerEndpoint(app, e.verify, async ({ actor, params, body }) => verify(db, actor, params.id, params.responseId, body));
  registerEndpoint(app, e.correct, async ({ actor, params, body }) => correct(db, actor, params.id, params.responseId, body));
  registerEndpoint(app, e.importResponses, async ({ actor, params, query, file }) => startResponseImport(context, actor, params.id, query, file), {
    upload: { maxBytes: MAX_RESPONSE_UPLOAD_BYTES, tooLarge: msg('surveys.import.tooLarge') },
  });
  registerEndpoint(app, e.publicForm, async ({ params }) => publicForm(db, params.token), { rateLimitPerMinute: PUBLIC_FORM_PER_MINUTE });
  registerEndpoint(app, e.publicSubmit, async ({ params, body, request }) => publicSubmit(db, params.token, body, request.ip), { rateLimitPerMinute: PUBLIC_SUBMIT_PER_MINUTE });
}
