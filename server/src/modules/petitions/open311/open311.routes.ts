import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldLabel } from '#contracts/messages.ts';
import { open311Endpoints } from '#contracts/petitions/portal.api.ts';
import { OPEN311_BASE } from '#contracts/petitions/open311.schemas.ts';
import { AppError, RetryLaterError } from '#server/shared/errors.ts';
import { registerEndpoint } from '#server/shared/http/endpoint-route.ts';
import { msg } from '#server/shared/messages.ts';
import type { ModuleContext } from '#server/shared/module.ts';
import { PORTAL_FILE_GROUP, PORTAL_FILE_PER_MINUTE } from '../portal/index.ts';
import { createRequest, discovery, getRequest, listRequests, listServices, serviceDefinition } from './open311.service.ts';

const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Every error of an Open311 endpoint as the spec's array of {code, description} (descriptions in Vietnamese). */
function sendOpen311Error(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const send = (status: number, descriptions: string[]) => reply.code(status).send(descriptions.map((description) => ({ code: status, description })));
  if (error instanceof RetryLaterError) {
    reply.header('retry-after', String(error.retryAfterSeconds));
    return send(429, [error.message]);
  }
  if (error instanceof AppError) return send(error.status, [error.message]);
  if (hasZodFastifySchemaValidationErrors(error)) {
    return send(
      400,
      error.validation.map((issue) => {
        const path = issue.instancePath.split('/').filter(Boolean);
        return msg('http.invalidField', { field: path.length ? fieldLabel(path) : msg('http.part.other'), problem: issue.message ?? msg('http.invalidValue') });
      }),
    );
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return send(429, [msg('http.rateLimited')]);
  if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(415, [msg('portal.open311.mediaType')]);
  if (status === 413) return send(413, [msg('http.tooLarge')]);
  if (status >= 400 && status < 500) return send(400, [msg('http.badRequest')]);
  reply.log.error({ err: error }, 'open311 endpoint failed');
  return send(500, [msg('http.internal')]);
}

/**
 * Open311 GeoReport v2 at /open311/v2: JSON only (`.xml` answers 400 saying so), POST urlencoded as the spec says
 * (JSON too), errors as the spec's array. Registered in its own scope: its error handler and its form parser apply
 * to these routes only.
 */
export function registerOpen311Routes(app: FastifyInstance, context: ModuleContext): void {
  const { db, files } = context;
  void app.register(async (scope) => {
    scope.setErrorHandler(sendOpen311Error);
    scope.addContentTypeParser(FORM_TYPE, { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    registerEndpoint(scope, open311Endpoints.discovery, async ({ request }) => discovery(`${request.protocol}://${request.host}`));
    registerEndpoint(scope, open311Endpoints.services, async ({ query }) => listServices(db, query.jurisdiction_id));
    registerEndpoint(scope, open311Endpoints.service, async ({ params, query }) => serviceDefinition(db, params.service_code, query.jurisdiction_id));
    registerEndpoint(
      scope,
      open311Endpoints.createRequest,
      async ({ body, request }) => createRequest({ db, files, derived: context.derived }, body, { ip: request.ip, via: 'open311' }),
      { rateLimitPerMinute: PORTAL_FILE_PER_MINUTE, rateLimitGroup: PORTAL_FILE_GROUP },
    );
    registerEndpoint(scope, open311Endpoints.requests, async ({ query }) => listRequests(db, query));
    registerEndpoint(scope, open311Endpoints.request, async ({ params, query }) => getRequest(db, params.service_request_id, query.jurisdiction_id));
    // XML is not offered: every .xml address answers 400 in the spec's error shape, saying to use .json
    const xml = async (_request: unknown, reply: FastifyReply) => reply.code(400).send([{ code: 400, description: msg('portal.open311.xmlUnsupported') }]);
    for (const path of ['discovery.xml', 'services.xml', 'services/:service_code.xml', 'requests/:service_request_id.xml']) {
      scope.get(`${OPEN311_BASE}/${path}`, { schema: { hide: true } }, xml);
    }
    scope.route({ method: ['GET', 'POST'], url: `${OPEN311_BASE}/requests.xml`, schema: { hide: true }, handler: xml });
  });
}
