import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldLabel } from '#contracts/messages.ts';
import { AppError, RetryLaterError } from '../errors.ts';
import { setSecurityHeadersBeforeRouting } from './security-headers.ts';
import { msg, type MessageKey } from '../messages.ts';

const PART_KEY: Record<string, Extract<MessageKey, `http.part.${string}`>> = { body: 'http.part.body', querystring: 'http.part.querystring', params: 'http.part.params' };

/** Every error leaves as `{ error, message[, fields] }` with a Vietnamese message; never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof RetryLaterError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(429).send({ error: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds });
    }
    if (error instanceof AppError) {
      if (error.cause) request.log.warn({ err: error.cause }, 'input refused: the underlying error');
      return reply.code(error.status).send({ error: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => {
        const path = issue.instancePath.split('/').filter(Boolean);
        return { field: path.join('.') || (error.validationContext ?? ''), message: issue.message ?? msg('http.invalidValue'), label: fieldLabel(path) };
      });
      const first = fields[0];
      const part = msg(PART_KEY[error.validationContext ?? ''] ?? 'http.part.other');
      const message = first ? msg('http.invalidField', { field: first.label, problem: first.message }) : msg('http.invalidPart', { part });
      return reply.code(400).send({ error: 'validation', message, fields: fields.map(({ field, message: m }) => ({ field, message: m })) });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response does not match its contract');
      return reply.code(500).send({ error: 'internal', message: msg('http.internal') });
    }
    if (isDataException(error)) {
      // the schemas should have refused it (NUL, impossible date): a safety net, never a 500 for input
      request.log.warn({ err: error }, 'input reached the database and was refused');
      return reply.code(400).send({ error: 'validation', message: msg('http.refusedByDatabase') });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.code(429).send({ error: 'rate_limited', message: msg('http.rateLimited') });
    }
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
      return reply.code(413).send({ error: 'too_large', message: msg('http.tooLarge') });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
      return reply.code(415).send({ error: 'unsupported_media_type', message: msg('http.unsupportedMediaType') });
    }
    if (status >= 400 && status < 500) return sendClientError(error, reply);
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'internal', message: msg('http.internal') });
  });
}

/** PostgreSQL class 22 "data exception" (e.g. 22021 NUL in text, 22008 date out of range): bad input, not a bug. */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code);
}

/** Fastify's own 4xx (unreadable body, bad URL, over-long path) in Vietnamese: its English text never leaves. */
function sendClientError(error: FastifyError, reply: FastifyReply) {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return reply.code(400).send({ error: 'bad_url', message: msg('http.badUrl') });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return reply.code(414).send({ error: 'uri_too_long', message: msg('http.uriTooLong') });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.code(400).send({ error: 'bad_request', message: msg('http.unreadableJson') });
    default:
      return reply.code(400).send({ error: 'bad_request', message: msg('http.badRequest') });
  }
}

/**
 * Errors Fastify raises before a route is found (malformed URL encoding, a path parameter over maxParamLength):
 * passed as the `frameworkErrors` option so they too answer in Vietnamese.
 */
export function frameworkErrors(options: { https: boolean }) {
  return (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void => {
    setSecurityHeadersBeforeRouting(reply, options);
    void sendClientError(error, reply);
  };
}
