import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldLabel } from '#contracts/messages.ts';
import { AppError, RetryLaterError } from '../errors.ts';
import { setSecurityHeadersBeforeRouting } from './security-headers.ts';

const PART_LABEL: Record<string, string> = { body: 'nội dung', querystring: 'tham số', params: 'đường dẫn' };

/** Every error leaves as `{ error, message[, fields] }` with a Vietnamese message; never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof RetryLaterError) {
      reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.code(429).send({ error: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds });
    }
    if (error instanceof AppError) {
      return reply.code(error.status).send({ error: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => {
        const path = issue.instancePath.split('/').filter(Boolean);
        return { field: path.join('.') || (error.validationContext ?? ''), message: issue.message ?? 'không hợp lệ', label: fieldLabel(path) };
      });
      const first = fields[0];
      const part = PART_LABEL[error.validationContext ?? ''] ?? 'dữ liệu';
      const message = first ? `Dữ liệu không hợp lệ: ${first.label}: ${first.message}.` : `Dữ liệu không hợp lệ (${part}).`;
      return reply.code(400).send({ error: 'validation', message, fields: fields.map(({ field, message: m }) => ({ field, message: m })) });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response does not match its contract');
      return reply.code(500).send({ error: 'internal', message: 'Lỗi hệ thống. Vui lòng thử lại sau.' });
    }
    if (isDataException(error)) {
      // the schemas should have refused it (NUL, impossible date): a safety net, never a 500 for input
      request.log.warn({ err: error }, 'input reached the database and was refused');
      return reply.code(400).send({ error: 'validation', message: 'Dữ liệu gửi lên không hợp lệ (có ký tự hoặc giá trị không được chấp nhận).' });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.code(429).send({ error: 'rate_limited', message: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.' });
    }
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') {
      return reply.code(413).send({ error: 'too_large', message: 'Dữ liệu gửi lên quá lớn (tối đa 5 MB với tệp, 1 MB với biểu mẫu).' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
      return reply.code(415).send({ error: 'unsupported_media_type', message: 'Kiểu dữ liệu gửi lên không được hỗ trợ (cần application/json).' });
    }
    if (status >= 400 && status < 500) return sendClientError(error, reply);
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'internal', message: 'Lỗi hệ thống. Vui lòng thử lại sau.' });
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
      return reply.code(400).send({ error: 'bad_url', message: 'Địa chỉ không hợp lệ (mã hóa URL sai).' });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return reply.code(414).send({ error: 'uri_too_long', message: 'Địa chỉ quá dài.' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.code(400).send({ error: 'bad_request', message: 'Dữ liệu gửi lên không đọc được (JSON không hợp lệ hoặc thiếu nội dung).' });
    default:
      return reply.code(400).send({ error: 'bad_request', message: 'Yêu cầu không hợp lệ (dữ liệu gửi lên không đọc được).' });
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
