import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { fieldLabel } from '#contracts/messages.ts';
import { AppError } from '../errors.ts';

const PART_LABEL: Record<string, string> = { body: 'nội dung', querystring: 'tham số', params: 'đường dẫn' };

/** Every error leaves as `{ error, message[, fields] }` with a Vietnamese message; never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
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
    if (status >= 400 && status < 500) {
      return reply.code(400).send({ error: 'bad_request', message: 'Dữ liệu gửi lên không đọc được (JSON không hợp lệ hoặc thiếu nội dung).' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'internal', message: 'Lỗi hệ thống. Vui lòng thử lại sau.' });
  });
}
